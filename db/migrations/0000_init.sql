CREATE TABLE `orgs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org` text NOT NULL,
	`name` text NOT NULL,
	`region` text,
	`kind` text,
	`created_at` text NOT NULL,
	`region_key` text GENERATED ALWAYS AS (coalesce(region, '')) VIRTUAL NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `orgs_name_region_unique` ON `orgs` (`name`,`region_key`);--> statement-breakpoint
CREATE TABLE `org_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`alias` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `org_aliases_org_alias_unique` ON `org_aliases` (`org_id`,`alias`);--> statement-breakpoint
CREATE INDEX `org_aliases_alias_idx` ON `org_aliases` (`alias`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_id` integer NOT NULL,
	`year` integer NOT NULL,
	`version` integer NOT NULL,
	`is_current` integer NOT NULL,
	`printed_org` text,
	`printed_region` text,
	`title` text NOT NULL,
	`signed_date` text,
	`format` text NOT NULL,
	`sections` text NOT NULL,
	`content_hash` text NOT NULL,
	`file_name` text NOT NULL,
	`encoding` text NOT NULL,
	`raw_text` text NOT NULL,
	`ingested_at` text NOT NULL,
	FOREIGN KEY (`org_id`) REFERENCES `orgs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reports_current_unique` ON `reports` (`org_id`,`year`) WHERE is_current = 1;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_org_year_version_unique` ON `reports` (`org_id`,`year`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `reports_content_hash_unique` ON `reports` (`content_hash`);--> statement-breakpoint
CREATE INDEX `reports_year_idx` ON `reports` (`year`);--> statement-breakpoint
CREATE TABLE `report_sections` (
	`report_id` integer NOT NULL,
	`key` text NOT NULL,
	`heading` text NOT NULL,
	`line` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`report_id`, `key`),
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `metrics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`key` text NOT NULL,
	`value` real,
	`line` integer NOT NULL,
	`text` text NOT NULL,
	`section` text,
	`derived` integer NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metrics_report_key_unique` ON `metrics` (`report_id`,`key`);--> statement-breakpoint
CREATE INDEX `metrics_key_idx` ON `metrics` (`key`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`report_id` integer NOT NULL,
	`code` text NOT NULL,
	`severity` text NOT NULL,
	`message` text NOT NULL,
	`line` integer,
	`source` text NOT NULL,
	`related_report_id` integer,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`related_report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `findings_report_idx` ON `findings` (`report_id`);--> statement-breakpoint
CREATE INDEX `findings_related_idx` ON `findings` (`related_report_id`);