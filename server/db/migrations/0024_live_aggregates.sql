CREATE TABLE "agg_activities" (
	"programme_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"organisation_id" uuid,
	"kind" text,
	"output_code" text,
	"count_basis" text,
	"n" integer NOT NULL,
	"quantity" numeric NOT NULL,
	CONSTRAINT "agg_activities_key" UNIQUE NULLS NOT DISTINCT("programme_id","indicator_code","grain","bucket","organisation_id","kind","output_code","count_basis")
);
--> statement-breakpoint
CREATE TABLE "agg_activity_cercles" (
	"activity_id" uuid NOT NULL,
	"cercle" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_activity_cercles_activity_id_cercle_pk" PRIMARY KEY("activity_id","cercle")
);
--> statement-breakpoint
CREATE TABLE "agg_activity_facts" (
	"activity_id" uuid PRIMARY KEY NOT NULL,
	"programme_id" uuid NOT NULL,
	"day" date NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"output_code" text NOT NULL,
	"count_basis" text NOT NULL,
	"quantity" numeric,
	"indicator_codes" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agg_cercles" (
	"programme_id" uuid NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"cercle" text NOT NULL,
	"activities" integer NOT NULL,
	"participants" integer NOT NULL,
	"female" integer NOT NULL,
	CONSTRAINT "agg_cercles_programme_id_grain_bucket_cercle_pk" PRIMARY KEY("programme_id","grain","bucket","cercle")
);
--> statement-breakpoint
CREATE TABLE "agg_participants" (
	"programme_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"organisation_id" uuid,
	"kind" text,
	"output_code" text,
	"count_basis" text,
	"category" text NOT NULL,
	"sex" text NOT NULL,
	"age_group" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_participants_key" UNIQUE NULLS NOT DISTINCT("programme_id","indicator_code","grain","bucket","organisation_id","kind","output_code","count_basis","category","sex","age_group")
);
--> statement-breakpoint
CREATE TABLE "agg_places" (
	"programme_id" uuid NOT NULL,
	"indicator_code" text NOT NULL,
	"grain" text NOT NULL,
	"bucket" date NOT NULL,
	"organisation_id" uuid,
	"kind" text,
	"output_code" text,
	"count_basis" text,
	"area_code" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "agg_places_key" UNIQUE NULLS NOT DISTINCT("programme_id","indicator_code","grain","bucket","organisation_id","kind","output_code","count_basis","area_code")
);
--> statement-breakpoint
CREATE INDEX "agg_activities_last_idx" ON "agg_activities" USING btree ("programme_id","organisation_id","bucket") WHERE "agg_activities"."grain" = 'd' and "agg_activities"."indicator_code" = '';--> statement-breakpoint
CREATE INDEX "agg_activities_zero_idx" ON "agg_activities" USING btree ("programme_id") WHERE "agg_activities"."n" = 0;--> statement-breakpoint
CREATE INDEX "agg_activity_cercles_zero_idx" ON "agg_activity_cercles" USING btree ("activity_id") WHERE "agg_activity_cercles"."n" = 0;--> statement-breakpoint
CREATE INDEX "agg_cercles_zero_idx" ON "agg_cercles" USING btree ("programme_id") WHERE "agg_cercles"."activities" = 0 and "agg_cercles"."participants" = 0 and "agg_cercles"."female" = 0;--> statement-breakpoint
CREATE INDEX "agg_participants_zero_idx" ON "agg_participants" USING btree ("programme_id") WHERE "agg_participants"."n" = 0;--> statement-breakpoint
CREATE INDEX "agg_places_zero_idx" ON "agg_places" USING btree ("programme_id") WHERE "agg_places"."n" = 0;