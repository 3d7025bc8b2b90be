CREATE TABLE `clients` (
	`id` text PRIMARY KEY NOT NULL,
	`client_no` text,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`salutation` text,
	`sex` text,
	`birth_date` text,
	`birthday_calendar` text DEFAULT 'solar' NOT NULL,
	`lunar_month` integer,
	`lunar_day` integer,
	`lunar_leap` integer DEFAULT false NOT NULL,
	`nationality` text,
	`occupation` text,
	`employer` text,
	`address_registered` text,
	`address_residence` text,
	`mobile` text,
	`phone_other` text,
	`email` text,
	`wechat` text,
	`id_type` text,
	`id_number` text,
	`id_expiry` text,
	`id_long_term` integer DEFAULT false NOT NULL,
	`relationship_start` text,
	`risk_grade` text,
	`risk_rated_at` text,
	`beneficial_owner` text,
	`agent` text,
	`legal_representative` text,
	`aum_fen` integer DEFAULT 0 NOT NULL,
	`deposits_fen` integer DEFAULT 0 NOT NULL,
	`loan_balance_fen` integer DEFAULT 0 NOT NULL,
	`card_spend_12m_fen` integer DEFAULT 0 NOT NULL,
	`revenue_12m_fen` integer DEFAULT 0 NOT NULL,
	`products` text DEFAULT '[]' NOT NULL,
	`notes` text,
	`interests` text,
	`family` text,
	`potential` integer,
	`tags` text DEFAULT '[]' NOT NULL,
	`preferred_channel` text,
	`best_time_to_call` text,
	`opt_out_marketing` integer DEFAULT false NOT NULL,
	`opt_out_third_party` integer DEFAULT false NOT NULL,
	`opt_out_automated` integer DEFAULT false NOT NULL,
	`opt_out_sensitive` integer DEFAULT false NOT NULL,
	`do_not_contact` integer DEFAULT false NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`dormant_flag` integer DEFAULT false NOT NULL,
	`lost_reason` text,
	`lost_to_bank` text,
	`win_back_plan` text,
	`referred_by` text,
	`original_rm` text,
	`company_anniversaries` text DEFAULT '[]' NOT NULL,
	`search_name` text DEFAULT '' NOT NULL,
	`search_keys` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `clients_client_no` ON `clients` (`client_no`);--> statement-breakpoint
CREATE INDEX `clients_id_number` ON `clients` (`id_number`);--> statement-breakpoint
CREATE INDEX `clients_name_mobile` ON `clients` (`name`,`mobile`);--> statement-breakpoint
CREATE INDEX `clients_status` ON `clients` (`status`);--> statement-breakpoint
CREATE INDEX `clients_revenue` ON `clients` (`revenue_12m_fen`,`id`);--> statement-breakpoint
CREATE INDEX `clients_aum` ON `clients` (`aum_fen`,`id`);--> statement-breakpoint
CREATE INDEX `clients_name` ON `clients` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `clients_updated` ON `clients` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `clients_search` ON `clients` (`search_name`,`search_keys`);--> statement-breakpoint
CREATE INDEX `clients_referred_by` ON `clients` (`referred_by`);--> statement-breakpoint
CREATE TABLE `import_mappings` (
	`header_key` text PRIMARY KEY NOT NULL,
	`mapping` text NOT NULL,
	`updated_at` text NOT NULL
);
