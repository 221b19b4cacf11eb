DROP INDEX "applications_family_name_prefix";--> statement-breakpoint
DROP INDEX "applications_full_name_prefix";--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "search_name" text;--> statement-breakpoint
-- hand-written: trigram operator classes for the name search (pg_trgm is a trusted extension: the database owner may create it).
-- The column is filled by db/migrate.ts right after the migrations (backfillSearchNames), with the same JavaScript
-- normaliser the application writes it with, so the SQL never carries a second copy of the name rules.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "applications_search_name_trgm" ON "applications" USING gin ("search_name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "applications_search_name_missing" ON "applications" USING btree ("id") WHERE "applications"."search_name" is null;