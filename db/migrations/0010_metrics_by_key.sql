CREATE TABLE `deferred_indexes` (
	`name` text PRIMARY KEY NOT NULL,
	`sql` text NOT NULL,
	`pid` integer NOT NULL,
	`host` text NOT NULL,
	`deferred_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `metrics_key_report_value_idx` ON `metrics` (`key`,`report_id`,`value`);