DROP INDEX `metrics_key_idx`;--> statement-breakpoint
CREATE INDEX `orgs_region_idx` ON `orgs` (`region`);