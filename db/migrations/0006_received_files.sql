CREATE TABLE `received_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_hash` text NOT NULL,
	`transport` text NOT NULL,
	`chat_id` text NOT NULL,
	`sender_id` text NOT NULL,
	`file_name` text NOT NULL,
	`verdict` text NOT NULL,
	`summary` text NOT NULL,
	`reply` text NOT NULL,
	`detail` text NOT NULL,
	`document` text,
	`created_at` text NOT NULL,
	`submitted_report_id` integer,
	`submitted_by` text,
	`submitted_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `received_files_chat_hash_unique` ON `received_files` (`transport`,`chat_id`,`file_hash`);--> statement-breakpoint
CREATE INDEX `received_files_hash_idx` ON `received_files` (`file_hash`);