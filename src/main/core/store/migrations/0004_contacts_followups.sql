CREATE TABLE `contact_state` (
	`client_id` text PRIMARY KEY NOT NULL,
	`last_reached_at` text,
	`last_reached_id` text,
	`last_attempt_at` text,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`suspect` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`at` text NOT NULL,
	`channel` text NOT NULL,
	`direction` text NOT NULL,
	`outcome` text NOT NULL,
	`purpose` text NOT NULL,
	`proactive` integer NOT NULL,
	`duration_minutes` integer,
	`notes` text,
	`satisfaction` integer,
	`attendees` text DEFAULT '[]' NOT NULL,
	`followup_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `contacts_client_at` ON `contacts` (`client_id`,`at`);--> statement-breakpoint
CREATE INDEX `contacts_at` ON `contacts` (`at`);--> statement-breakpoint
CREATE TABLE `followups` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`type` text NOT NULL,
	`title` text NOT NULL,
	`title_params` text,
	`due` text NOT NULL,
	`date` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`generated` integer DEFAULT false NOT NULL,
	`source_key` text,
	`pinned` integer DEFAULT false NOT NULL,
	`purpose` text,
	`attendees` text DEFAULT '[]' NOT NULL,
	`talking_points` text,
	`notes` text,
	`received_on` text,
	`snoozed_until` text,
	`done_at` text,
	`done_contact_id` text,
	`close_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`rev` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `followups_open_date` ON `followups` (`status`,`date`,`type`);--> statement-breakpoint
CREATE INDEX `followups_client` ON `followups` (`client_id`,`status`);--> statement-breakpoint
CREATE INDEX `followups_source` ON `followups` (`source_key`);--> statement-breakpoint
CREATE INDEX `audit_log_subject` ON `audit_log` (`subject`,`seq`);