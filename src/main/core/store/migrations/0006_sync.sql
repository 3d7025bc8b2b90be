CREATE TABLE `proposals` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`field` text NOT NULL,
	`hq_value` text,
	`proposed_value` text,
	`note` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`roster_seq` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`settled_at` text,
	`rev` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `proposals_client` ON `proposals` (`client_id`,`status`);--> statement-breakpoint
CREATE TABLE `sync_history` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`at` text NOT NULL,
	`outcome` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text,
	`from_seq` integer,
	`to_seq` integer,
	`audit_from_seq` integer,
	`audit_to_seq` integer,
	`audit_head_hash` text,
	`roster_seq` integer,
	`counts` text DEFAULT '{}' NOT NULL,
	`reason` text,
	`auto` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_history_kind_at` ON `sync_history` (`kind`,`at`);--> statement-breakpoint
CREATE TABLE `sync_journal` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity` text NOT NULL,
	`row_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_journal_row` ON `sync_journal` (`entity`,`row_id`,`seq`);--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`entity` text NOT NULL,
	`row_id` text NOT NULL,
	`seq` integer NOT NULL,
	`updated_at` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`entity`, `row_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`device_id` text NOT NULL,
	`device_private_key` text NOT NULL,
	`device_public_key` text NOT NULL,
	`device_fingerprint` text NOT NULL,
	`device_created_at` text NOT NULL,
	`hq_public_key` text,
	`hq_fingerprint` text,
	`hq_installed_at` text,
	`acked_through_seq` integer DEFAULT 0 NOT NULL,
	`acked_audit_seq` integer DEFAULT 0 NOT NULL,
	`acked_audit_hash` text NOT NULL,
	`last_roster_seq` integer DEFAULT 0 NOT NULL,
	`muted` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The change journal (sync-format.md): every write to a synced table appends (seq, entity, id)
-- in the same transaction, by trigger, so no code path can forget it. A client's derived search
-- columns are not a change. `muted` is set only while a roster removes clients from the book.
CREATE TRIGGER `sync_clients_insert` AFTER INSERT ON `clients` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('client', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_clients_update` AFTER UPDATE OF `client_no`, `kind`, `name`, `salutation`, `sex`, `birth_date`, `birthday_calendar`, `lunar_month`, `lunar_day`, `lunar_leap`, `nationality`, `occupation`, `employer`, `address_registered`, `address_residence`, `mobile`, `phone_other`, `email`, `wechat`, `id_type`, `id_number`, `id_expiry`, `id_long_term`, `relationship_start`, `risk_grade`, `risk_rated_at`, `beneficial_owner`, `agent`, `legal_representative`, `aum_fen`, `deposits_fen`, `loan_balance_fen`, `card_spend_12m_fen`, `revenue_12m_fen`, `products`, `notes`, `interests`, `family`, `potential`, `tags`, `preferred_channel`, `best_time_to_call`, `opt_out_marketing`, `opt_out_third_party`, `opt_out_automated`, `opt_out_sensitive`, `do_not_contact`, `status`, `dormant_flag`, `lost_reason`, `lost_to_bank`, `win_back_plan`, `referred_by`, `original_rm`, `company_anniversaries`, `created_at`, `updated_at`, `rev` ON `clients` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('client', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_clients_delete` AFTER DELETE ON `clients` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('client', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_contacts_insert` AFTER INSERT ON `contacts` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('contact', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_contacts_update` AFTER UPDATE ON `contacts` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('contact', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_contacts_delete` AFTER DELETE ON `contacts` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('contact', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_followups_insert` AFTER INSERT ON `followups` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('followup', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_followups_update` AFTER UPDATE ON `followups` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('followup', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_followups_delete` AFTER DELETE ON `followups` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('followup', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_greetings_insert` AFTER INSERT ON `greetings` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('greeting', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_greetings_update` AFTER UPDATE ON `greetings` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('greeting', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_greetings_delete` AFTER DELETE ON `greetings` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('greeting', OLD.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_proposals_insert` AFTER INSERT ON `proposals` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('proposal', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_proposals_update` AFTER UPDATE ON `proposals` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('proposal', NEW.id); END;
--> statement-breakpoint
CREATE TRIGGER `sync_proposals_delete` AFTER DELETE ON `proposals` WHEN (SELECT muted FROM sync_state WHERE id = 1) IS NOT 1 BEGIN INSERT INTO sync_journal (entity, row_id) VALUES ('proposal', OLD.id); END;
--> statement-breakpoint
-- Rows written before the journal existed have never reached HQ: the first export carries them.
INSERT INTO sync_journal (entity, row_id) SELECT 'client', id FROM `clients` ORDER BY rowid;
--> statement-breakpoint
INSERT INTO sync_journal (entity, row_id) SELECT 'contact', id FROM `contacts` ORDER BY rowid;
--> statement-breakpoint
INSERT INTO sync_journal (entity, row_id) SELECT 'followup', id FROM `followups` ORDER BY rowid;
--> statement-breakpoint
INSERT INTO sync_journal (entity, row_id) SELECT 'greeting', id FROM `greetings` ORDER BY rowid;
--> statement-breakpoint
INSERT INTO sync_journal (entity, row_id) SELECT 'proposal', id FROM `proposals` ORDER BY rowid;
