CREATE TYPE "public"."admin_level" AS ENUM('region', 'cercle', 'commune');--> statement-breakpoint
CREATE TYPE "public"."activity_kind" AS ENUM('training', 'sensitisation', 'workshop', 'meeting', 'dialogue', 'infrastructure', 'event', 'other');--> statement-breakpoint
CREATE TYPE "public"."activity_source" AS ENUM('entered', 'imported');--> statement-breakpoint
CREATE TYPE "public"."age_group" AS ENUM('under_18', 'age_18_35', 'age_36_plus', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."attachment_kind" AS ENUM('photo', 'document');--> statement-breakpoint
CREATE TYPE "public"."count_basis" AS ENUM('distinct', 'attendance');--> statement-breakpoint
CREATE TYPE "public"."import_status" AS ENUM('previewed', 'committed');--> statement-breakpoint
CREATE TYPE "public"."participant_sex" AS ENUM('female', 'male', 'unknown');--> statement-breakpoint
CREATE TABLE "admin_areas" (
	"code" text PRIMARY KEY NOT NULL,
	"level" "admin_level" NOT NULL,
	"name" text NOT NULL,
	"source_name" text NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	"parent_code" text,
	"region_code" text,
	"cercle_code" text,
	"shape_id" text NOT NULL,
	"lon" double precision NOT NULL,
	"lat" double precision NOT NULL,
	CONSTRAINT "admin_areas_shape_id_unique" UNIQUE("shape_id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"kind" "activity_kind" NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text,
	"description" text,
	"start_date" date NOT NULL,
	"end_date" date,
	"organisation_id" uuid NOT NULL,
	"partner" text,
	"output_code" text,
	"count_basis" "count_basis" DEFAULT 'distinct' NOT NULL,
	"quantity" numeric,
	"quantity_unit" text,
	"recorded_by" text,
	"source" "activity_source" DEFAULT 'entered' NOT NULL,
	"import_id" uuid,
	"import_row" integer,
	"external_id" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" "attachment_kind" NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"caption_fr" text,
	"caption_en" text,
	"credit" text,
	"taken_on" date,
	"bytes" "bytea" NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"mapping" jsonb,
	"status" "import_status" DEFAULT 'previewed' NOT NULL,
	"row_count" integer,
	"activity_count" integer,
	"created_by" text,
	"committed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_indicators" (
	"activity_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	CONSTRAINT "activity_indicators_activity_id_indicator_code_pk" PRIMARY KEY("activity_id","indicator_code")
);
--> statement-breakpoint
CREATE TABLE "activity_participants" (
	"activity_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"activity_date" date NOT NULL,
	"category" text NOT NULL,
	"sex" "participant_sex" NOT NULL,
	"age_group" "age_group" NOT NULL,
	"area_code" text,
	"count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_places" (
	"activity_id" uuid NOT NULL,
	"area_code" text NOT NULL,
	"note" text,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "activity_places_activity_id_area_code_pk" PRIMARY KEY("activity_id","area_code")
);
--> statement-breakpoint
CREATE TABLE "indicator_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"rule" jsonb NOT NULL,
	"updated_by" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value_sources" (
	"value_id" uuid PRIMARY KEY NOT NULL,
	"entered_by" text,
	"file_name" text,
	"sheet" text,
	"row" integer,
	"activity_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "admin_areas" ADD CONSTRAINT "admin_areas_parent_code_admin_areas_code_fk" FOREIGN KEY ("parent_code") REFERENCES "public"."admin_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_import_id_activity_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."activity_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_attachments" ADD CONSTRAINT "activity_attachments_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_imports" ADD CONSTRAINT "activity_imports_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_indicators" ADD CONSTRAINT "activity_indicators_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_area_code_admin_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."admin_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_places" ADD CONSTRAINT "activity_places_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_places" ADD CONSTRAINT "activity_places_area_code_admin_areas_code_fk" FOREIGN KEY ("area_code") REFERENCES "public"."admin_areas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_rules" ADD CONSTRAINT "indicator_rules_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value_sources" ADD CONSTRAINT "indicator_value_sources_value_id_indicator_values_id_fk" FOREIGN KEY ("value_id") REFERENCES "public"."indicator_values"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_areas_parent_idx" ON "admin_areas" USING btree ("parent_code");--> statement-breakpoint
CREATE INDEX "admin_areas_level_idx" ON "admin_areas" USING btree ("level");--> statement-breakpoint
CREATE INDEX "activities_programme_date_idx" ON "activities" USING btree ("programme_id","start_date");--> statement-breakpoint
CREATE INDEX "activities_organisation_idx" ON "activities" USING btree ("organisation_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "activities_external_idx" ON "activities" USING btree ("programme_id","external_id") WHERE "activities"."external_id" is not null;--> statement-breakpoint
CREATE INDEX "activity_attachments_activity_idx" ON "activity_attachments" USING btree ("activity_id","sort");--> statement-breakpoint
CREATE INDEX "activity_imports_programme_idx" ON "activity_imports" USING btree ("programme_id","created_at");--> statement-breakpoint
CREATE INDEX "activity_indicators_code_idx" ON "activity_indicators" USING btree ("indicator_code");--> statement-breakpoint
CREATE INDEX "activity_participants_activity_idx" ON "activity_participants" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "activity_participants_programme_date_idx" ON "activity_participants" USING btree ("programme_id","activity_date");--> statement-breakpoint
CREATE INDEX "activity_places_area_idx" ON "activity_places" USING btree ("area_code");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_rules_programme_code_idx" ON "indicator_rules" USING btree ("programme_id","indicator_code");