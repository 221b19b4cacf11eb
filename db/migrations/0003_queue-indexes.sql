DROP INDEX "applications_state_submitted_at_index";--> statement-breakpoint
DROP INDEX "applications_state_last_activity_at_index";--> statement-breakpoint
DROP INDEX "applications_queue_next";--> statement-breakpoint
CREATE INDEX "applications_state_submitted_at_id_index" ON "applications" USING btree ("state","submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_state_last_activity_at_id_index" ON "applications" USING btree ("state","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "applications_submitted_at_id_index" ON "applications" USING btree ("submitted_at","id");--> statement-breakpoint
CREATE INDEX "applications_last_activity_at_id_index" ON "applications" USING btree ("last_activity_at","id");--> statement-breakpoint
CREATE INDEX "applications_open_by_submitted" ON "applications" USING btree ("submitted_at","id") WHERE "applications"."state" in ('submitted', 'in_review', 'awaiting_applicant');--> statement-breakpoint
CREATE INDEX "applications_open_by_activity" ON "applications" USING btree ("last_activity_at","id") WHERE "applications"."state" in ('submitted', 'in_review', 'awaiting_applicant');--> statement-breakpoint
CREATE INDEX "applications_family_name_prefix" ON "applications" USING btree (lower("family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_full_name_prefix" ON "applications" USING btree (lower("given_names" || ' ' || "family_name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "applications_queue_next" ON "applications" USING btree ("submitted_at","id") WHERE "applications"."state" = 'submitted' and "applications"."assigned_to" is null;