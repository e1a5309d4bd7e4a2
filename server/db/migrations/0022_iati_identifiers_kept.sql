ALTER TABLE "organisations" ADD COLUMN "iati_refs" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "iati_type" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "iati_identifier" text;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "iati_other_identifiers" jsonb DEFAULT '[]'::jsonb NOT NULL;