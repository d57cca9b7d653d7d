DROP INDEX `subscriptions_target_scope_unique`;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `scope_region` text;--> statement-breakpoint
ALTER TABLE `subscriptions` ADD `scope_region_key` text GENERATED ALWAYS AS (coalesce(scope_region, '')) VIRTUAL NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_target_scope_unique` ON `subscriptions` (`transport`,`chat_id`,`scope_kind`,`scope_name`,`scope_region_key`);--> statement-breakpoint
-- Bindings made before a binding named its county: completed where exactly one county has that name.
UPDATE `subscriptions` SET `scope_region` = (
  SELECT `region` FROM (SELECT `name`, `region` FROM `orgs` WHERE `region` IS NOT NULL UNION SELECT `name`, `region` FROM `roster` WHERE `region` IS NOT NULL) AS `known`
   WHERE `known`.`name` = `subscriptions`.`scope_name`)
 WHERE `scope_kind` = 'org' AND `scope_region` IS NULL
   AND (SELECT count(*) FROM (SELECT `name`, `region` FROM `orgs` WHERE `region` IS NOT NULL UNION SELECT `name`, `region` FROM `roster` WHERE `region` IS NOT NULL) AS `known`
         WHERE `known`.`name` = `subscriptions`.`scope_name`) = 1;
