CREATE TABLE `watch_pages` (
	`url` text PRIMARY KEY NOT NULL,
	`source_url` text,
	`etag` text,
	`last_modified` text,
	`fetched_at` text,
	`found` text,
	`report_id` integer,
	`last_error` text,
	`failures` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `watch_sources` (
	`url` text PRIMARY KEY NOT NULL,
	`region` text NOT NULL,
	`added_at` text NOT NULL,
	`last_run_at` text,
	`last_ok_at` text,
	`last_error` text,
	`failures` integer DEFAULT 0 NOT NULL
);
