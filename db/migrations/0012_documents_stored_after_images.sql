ALTER TABLE "documents" ADD COLUMN "stored_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "documents_unstored" ON "documents" USING btree ("created_at") WHERE "documents"."stored_at" is null;--> statement-breakpoint
-- hand-written: every document written before this column existed had its images stored before its row.
UPDATE "documents" SET "stored_at" = "created_at" WHERE "stored_at" IS NULL;
