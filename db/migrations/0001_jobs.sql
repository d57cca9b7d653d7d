CREATE TABLE `roster` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`region` text,
	`kind` text,
	`imported_at` text NOT NULL,
	`region_key` text GENERATED ALWAYS AS (coalesce(region, '')) VIRTUAL NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roster_name_region_unique` ON `roster` (`name`,`region_key`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`transport` text NOT NULL,
	`chat_id` text NOT NULL,
	`scope_kind` text NOT NULL,
	`scope_name` text NOT NULL,
	`bound_by` text NOT NULL,
	`bound_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_target_scope_unique` ON `subscriptions` (`transport`,`chat_id`,`scope_kind`,`scope_name`);--> statement-breakpoint
CREATE INDEX `subscriptions_scope_idx` ON `subscriptions` (`scope_kind`,`scope_name`);--> statement-breakpoint
CREATE TABLE `deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`subject` text NOT NULL,
	`period` text NOT NULL,
	`transport` text NOT NULL,
	`chat_id` text NOT NULL,
	`text` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`owner` text,
	`lease_until` text,
	`next_attempt_at` text,
	`not_after` text NOT NULL,
	`last_error` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`sent_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deliveries_key_unique` ON `deliveries` (`job`,`subject`,`period`,`transport`,`chat_id`);--> statement-breakpoint
CREATE INDEX `deliveries_status_idx` ON `deliveries` (`status`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`job` text PRIMARY KEY NOT NULL,
	`last_run_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `seen_updates` (
	`key` text PRIMARY KEY NOT NULL,
	`seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `seen_updates_seen_at_idx` ON `seen_updates` (`seen_at`);