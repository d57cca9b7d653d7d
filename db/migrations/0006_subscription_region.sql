DROP INDEX `subscriptions_target_scope_unique`;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `scope_region` text;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `scope_region_key` text GENERATED ALWAYS AS (coalesce(scope_region, '')) VIRTUAL NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_target_scope_unique` ON `subscriptions` (`transport`,`chat_id`,`scope_kind`,`scope_name`,`scope_region_key`);