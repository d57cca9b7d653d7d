CREATE TABLE `conversations` (
	`chat_key` text PRIMARY KEY NOT NULL,
	`context` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `conversations_updated_at_idx` ON `conversations` (`updated_at`);