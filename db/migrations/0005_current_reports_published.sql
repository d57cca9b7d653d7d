DROP INDEX `reports_current_by_year_idx`;--> statement-breakpoint
DROP INDEX `reports_current_by_org_idx`;--> statement-breakpoint
CREATE INDEX `reports_current_by_year_idx` ON `reports` (`year`,`org_id`,`signed_date`,`published_date`,`format`,`file_name`,`ingested_at`) WHERE is_current = 1;--> statement-breakpoint
CREATE INDEX `reports_current_by_org_idx` ON `reports` (`org_id`,`year`,`signed_date`,`published_date`,`format`,`file_name`,`ingested_at`) WHERE is_current = 1;