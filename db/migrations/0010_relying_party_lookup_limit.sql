CREATE TABLE "link_lookup_counts" (
	"relying_party_id" uuid NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"shard" smallint NOT NULL,
	"hits" integer NOT NULL,
	CONSTRAINT "link_lookup_counts_relying_party_id_window_start_shard_pk" PRIMARY KEY("relying_party_id","window_start","shard")
);
--> statement-breakpoint
ALTER TABLE "relying_parties" ADD COLUMN "lookups_per_minute" integer DEFAULT 600 NOT NULL;--> statement-breakpoint
ALTER TABLE "link_lookup_counts" ADD CONSTRAINT "link_lookup_counts_relying_party_id_relying_parties_id_fk" FOREIGN KEY ("relying_party_id") REFERENCES "public"."relying_parties"("id") ON DELETE no action ON UPDATE no action;