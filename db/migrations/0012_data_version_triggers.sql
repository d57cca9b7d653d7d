-- Custom migration (drizzle-kit has no triggers): every write to the tables answers read raises
-- the 'reports' counter in the same transaction (db/schema/data-versions.ts, db/sql.ts changeStamp).
INSERT INTO `data_versions` (`name`, `version`) VALUES ('reports', 0);
--> statement-breakpoint
CREATE TRIGGER `reports_insert_version` AFTER INSERT ON `reports` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `reports_update_version` AFTER UPDATE ON `reports` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `reports_delete_version` AFTER DELETE ON `reports` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `orgs_insert_version` AFTER INSERT ON `orgs` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `orgs_update_version` AFTER UPDATE ON `orgs` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `orgs_delete_version` AFTER DELETE ON `orgs` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `org_aliases_insert_version` AFTER INSERT ON `org_aliases` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `org_aliases_update_version` AFTER UPDATE ON `org_aliases` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `org_aliases_delete_version` AFTER DELETE ON `org_aliases` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `findings_insert_version` AFTER INSERT ON `findings` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `findings_update_version` AFTER UPDATE ON `findings` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `findings_delete_version` AFTER DELETE ON `findings` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_insert_version` AFTER INSERT ON `roster` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_update_version` AFTER UPDATE ON `roster` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
--> statement-breakpoint
CREATE TRIGGER `roster_delete_version` AFTER DELETE ON `roster` BEGIN UPDATE `data_versions` SET `version` = `version` + 1 WHERE `name` = 'reports'; END;
