ALTER TABLE "cpr_register" ADD COLUMN "cpr_index_prev" text;--> statement-breakpoint
ALTER TABLE "identity_links" ADD COLUMN "cpr_index_prev" text;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "cpr_index_prev" text;--> statement-breakpoint
CREATE INDEX "identity_links_cpr_index_prev_index" ON "identity_links" USING btree ("cpr_index_prev");--> statement-breakpoint
CREATE INDEX "applications_cpr_index_prev_index" ON "applications" USING btree ("cpr_index_prev");--> statement-breakpoint
ALTER TABLE "cpr_register" ADD CONSTRAINT "cpr_register_cprIndexPrev_unique" UNIQUE("cpr_index_prev");