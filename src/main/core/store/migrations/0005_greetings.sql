CREATE TABLE `greetings` (
	`id` text PRIMARY KEY NOT NULL,
	`client_id` text NOT NULL,
	`occasion` text NOT NULL,
	`date` text NOT NULL,
	`status` text NOT NULL,
	`channel` text,
	`template_id` text,
	`text` text,
	`reason` text,
	`contact_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `greetings_client_occasion` ON `greetings` (`client_id`,`occasion`,`date`);--> statement-breakpoint
CREATE INDEX `greetings_date` ON `greetings` (`date`);