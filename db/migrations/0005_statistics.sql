CREATE TABLE "business_days" (
	"day" date PRIMARY KEY NOT NULL,
	"is_business_day" boolean NOT NULL,
	"ordinal" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_daily" (
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"k1" text DEFAULT '' NOT NULL,
	"k2" text DEFAULT '' NOT NULL,
	"k3" text DEFAULT '' NOT NULL,
	"actor" text DEFAULT '' NOT NULL,
	"num" integer DEFAULT 0 NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_monthly" (
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"country" text DEFAULT '' NOT NULL,
	"k1" text DEFAULT '' NOT NULL,
	"k2" text DEFAULT '' NOT NULL,
	"k3" text DEFAULT '' NOT NULL,
	"actor" text DEFAULT '' NOT NULL,
	"num" integer DEFAULT 0 NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stats_rollup" (
	"name" text PRIMARY KEY NOT NULL,
	"through" date,
	"refreshed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "stats_daily_metric_day_index" ON "stats_daily" USING btree ("metric","day");--> statement-breakpoint
CREATE INDEX "stats_monthly_metric_day_index" ON "stats_monthly" USING btree ("metric","day");--> statement-breakpoint
CREATE INDEX "applications_submitted_at_index" ON "applications" USING btree ("submitted_at");--> statement-breakpoint
CREATE INDEX "info_requests_created_at_index" ON "info_requests" USING btree ("created_at");