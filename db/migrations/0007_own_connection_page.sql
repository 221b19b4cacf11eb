CREATE TABLE "connection_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_identifier" text NOT NULL,
	"eid_identity_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity_links" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "identity_links" ADD COLUMN "locale" text;--> statement-breakpoint
ALTER TABLE "email_outbox" ADD COLUMN "person_identifier" text;--> statement-breakpoint
ALTER TABLE "connection_sessions" ADD CONSTRAINT "connection_sessions_eid_identity_id_eid_identities_id_fk" FOREIGN KEY ("eid_identity_id") REFERENCES "public"."eid_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "connection_sessions_last_seen_at_index" ON "connection_sessions" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "application_events_lookups_by_identifier" ON "application_events" USING btree (("data" ->> 'personIdentifier'),"created_at") WHERE "application_events"."type" = 'link_looked_up';--> statement-breakpoint
CREATE INDEX "email_outbox_person_identifier_created_at_index" ON "email_outbox" USING btree ("person_identifier","created_at");