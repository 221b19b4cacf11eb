CREATE TABLE "accounts" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"provider" text NOT NULL,
	"provider_account_id" text NOT NULL,
	"refresh_token" text,
	"access_token" text,
	"expires_at" integer,
	"token_type" text,
	"scope" text,
	"id_token" text,
	"session_state" text,
	CONSTRAINT "accounts_provider_provider_account_id_pk" PRIMARY KEY("provider","provider_account_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"session_token" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"expires" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text,
	"email" text NOT NULL,
	"email_verified" timestamp with time zone,
	"image" text,
	"role" text,
	"active" boolean DEFAULT true NOT NULL,
	"password_hash" text,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "verification_tokens" (
	"identifier" text NOT NULL,
	"token" text NOT NULL,
	"expires" timestamp with time zone NOT NULL,
	CONSTRAINT "verification_tokens_identifier_token_pk" PRIMARY KEY("identifier","token")
);
--> statement-breakpoint
CREATE TABLE "relying_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"api_key_hash" text NOT NULL,
	"allowed_return_urls" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"can_see_cpr" boolean DEFAULT false NOT NULL,
	"can_revoke" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "relying_parties_apiKeyHash_unique" UNIQUE("api_key_hash")
);
--> statement-breakpoint
CREATE TABLE "cpr_register" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cpr_enc" text NOT NULL,
	"cpr_index" text NOT NULL,
	"given_names" text NOT NULL,
	"middle_name" text,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"sex" text NOT NULL,
	"status" text NOT NULL,
	"name_address_protected" boolean DEFAULT false NOT NULL,
	"historical_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cpr_register_cprIndex_unique" UNIQUE("cpr_index")
);
--> statement-breakpoint
CREATE TABLE "eid_identities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_identifier" text NOT NULL,
	"country" text NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" text NOT NULL,
	"birth_name" text,
	"gender" text,
	"level_of_assurance" text NOT NULL,
	"issuer" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_identifier" text NOT NULL,
	"country" text NOT NULL,
	"eid_identity_id" uuid,
	"cpr_enc" text NOT NULL,
	"cpr_index" text NOT NULL,
	"method" text NOT NULL,
	"application_id" uuid,
	"linked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" text,
	"revoke_reason" text
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"eid_identity_id" uuid,
	"relying_party_id" uuid,
	"return_to" text,
	"country" text,
	"typed_enc" text,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"eid_identity_id" uuid,
	"person_identifier" text NOT NULL,
	"country" text NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cpr_index" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_drafts" (
	"journey_id" uuid PRIMARY KEY NOT NULL,
	"data_enc" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_id" uuid,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"type" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"state" text DEFAULT 'submitted' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"eid_identity_id" uuid,
	"person_identifier" text,
	"country" text NOT NULL,
	"document_type" text NOT NULL,
	"given_names" text NOT NULL,
	"family_name" text NOT NULL,
	"date_of_birth" date NOT NULL,
	"nationality" text NOT NULL,
	"document_number" text NOT NULL,
	"document_expiry" date NOT NULL,
	"cpr_enc" text NOT NULL,
	"cpr_index" text NOT NULL,
	"email" text NOT NULL,
	"phone" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"match_reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status_token_hash" text NOT NULL,
	"status_token_expires_at" timestamp with time zone,
	"idempotency_key" text,
	"assigned_to" text,
	"assigned_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reject_reason" text,
	"decision_text" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_reference_unique" UNIQUE("reference"),
	CONSTRAINT "applications_statusTokenHash_unique" UNIQUE("status_token_hash"),
	CONSTRAINT "applications_idempotencyKey_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid,
	"journey_id" uuid,
	"kind" text NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"storage_key" text NOT NULL,
	"thumb_key" text NOT NULL,
	"sha256" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"bytes" integer NOT NULL,
	"quality_hints" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "info_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"requested_by" text,
	"items" jsonb NOT NULL,
	"message" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"answer_message" text,
	"answer_changes" jsonb
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"author_id" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_address" text NOT NULL,
	"template" text NOT NULL,
	"locale" text NOT NULL,
	"data_enc" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"provider_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_links" ADD CONSTRAINT "identity_links_eid_identity_id_eid_identities_id_fk" FOREIGN KEY ("eid_identity_id") REFERENCES "public"."eid_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_links" ADD CONSTRAINT "identity_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_eid_identity_id_eid_identities_id_fk" FOREIGN KEY ("eid_identity_id") REFERENCES "public"."eid_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_relying_party_id_relying_parties_id_fk" FOREIGN KEY ("relying_party_id") REFERENCES "public"."relying_parties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_attempts" ADD CONSTRAINT "match_attempts_eid_identity_id_eid_identities_id_fk" FOREIGN KEY ("eid_identity_id") REFERENCES "public"."eid_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_drafts" ADD CONSTRAINT "application_drafts_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_eid_identity_id_eid_identities_id_fk" FOREIGN KEY ("eid_identity_id") REFERENCES "public"."eid_identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_assigned_to_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_journey_id_journeys_id_fk" FOREIGN KEY ("journey_id") REFERENCES "public"."journeys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "info_requests" ADD CONSTRAINT "info_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "eid_identities_person_identifier_index" ON "eid_identities" USING btree ("person_identifier");--> statement-breakpoint
CREATE INDEX "eid_identities_received_at_index" ON "eid_identities" USING btree ("received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "identity_links_one_active_per_identifier" ON "identity_links" USING btree ("person_identifier") WHERE "identity_links"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "identity_links_cpr_index_index" ON "identity_links" USING btree ("cpr_index");--> statement-breakpoint
CREATE INDEX "identity_links_created_at_index" ON "identity_links" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "journeys_expires_at_index" ON "journeys" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "match_attempts_person_identifier_created_at_index" ON "match_attempts" USING btree ("person_identifier","created_at");--> statement-breakpoint
CREATE INDEX "match_attempts_created_at_index" ON "match_attempts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "match_attempts_country_created_at_index" ON "match_attempts" USING btree ("country","created_at");--> statement-breakpoint
CREATE INDEX "application_events_application_id_created_at_index" ON "application_events" USING btree ("application_id","created_at");--> statement-breakpoint
CREATE INDEX "application_events_type_created_at_index" ON "application_events" USING btree ("type","created_at");--> statement-breakpoint
CREATE INDEX "application_events_actor_id_created_at_index" ON "application_events" USING btree ("actor_id","created_at");--> statement-breakpoint
CREATE INDEX "applications_state_submitted_at_index" ON "applications" USING btree ("state","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_assigned_to_state_index" ON "applications" USING btree ("assigned_to","state");--> statement-breakpoint
CREATE INDEX "applications_state_last_activity_at_index" ON "applications" USING btree ("state","last_activity_at");--> statement-breakpoint
CREATE INDEX "applications_cpr_index_index" ON "applications" USING btree ("cpr_index");--> statement-breakpoint
CREATE INDEX "applications_person_identifier_index" ON "applications" USING btree ("person_identifier");--> statement-breakpoint
CREATE INDEX "applications_created_at_index" ON "applications" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "applications_decided_at_index" ON "applications" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "applications_country_submitted_at_index" ON "applications" USING btree ("country","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_queue_next" ON "applications" USING btree ("submitted_at") WHERE "applications"."state" = 'submitted' and "applications"."assigned_to" is null;--> statement-breakpoint
CREATE INDEX "documents_application_id_index" ON "documents" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "documents_journey_id_created_at_index" ON "documents" USING btree ("journey_id","created_at");--> statement-breakpoint
CREATE INDEX "info_requests_application_id_index" ON "info_requests" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "notes_application_id_index" ON "notes" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "email_outbox_status_next_attempt_at_index" ON "email_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "email_outbox_created_at_index" ON "email_outbox" USING btree ("created_at");