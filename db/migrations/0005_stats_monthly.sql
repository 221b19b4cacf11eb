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
CREATE INDEX "stats_monthly_metric_day_index" ON "stats_monthly" USING btree ("metric","day");