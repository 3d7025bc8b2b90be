CREATE TABLE `client_segments` (
	`client_id` text PRIMARY KEY NOT NULL,
	`metric` text NOT NULL,
	`value_fen` integer NOT NULL,
	`rank` integer NOT NULL,
	`cumulative_share` real NOT NULL,
	`tier` text NOT NULL,
	`quadrant` text NOT NULL,
	`value_percentile` real NOT NULL,
	`potential` real NOT NULL,
	`band` text NOT NULL,
	`state` text NOT NULL,
	`computed_at` text NOT NULL,
	FOREIGN KEY (`client_id`) REFERENCES `clients`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `client_segments_tier` ON `client_segments` (`tier`);--> statement-breakpoint
CREATE INDEX `client_segments_quadrant` ON `client_segments` (`quadrant`);--> statement-breakpoint
CREATE INDEX `client_segments_band` ON `client_segments` (`band`);--> statement-breakpoint
CREATE INDEX `client_segments_state` ON `client_segments` (`state`);--> statement-breakpoint
CREATE TABLE `segment_snapshot_rows` (
	`snapshot_id` text NOT NULL,
	`client_id` text NOT NULL,
	`tier` text NOT NULL,
	`quadrant` text NOT NULL,
	`band` text NOT NULL,
	`state` text NOT NULL,
	`aum_fen` integer NOT NULL,
	`value_fen` integer NOT NULL,
	`product_families` integer NOT NULL,
	PRIMARY KEY(`snapshot_id`, `client_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `segment_snapshots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `segment_snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`period` text NOT NULL,
	`taken_at` text NOT NULL,
	`metric` text NOT NULL,
	`trigger` text NOT NULL
);
