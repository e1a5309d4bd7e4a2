CREATE TYPE "public"."activity_status" AS ENUM('planned', 'in_progress', 'completed', 'delayed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."budget_line_kind" AS ENUM('activity', 'technical_support', 'management', 'indirect');--> statement-breakpoint
CREATE TYPE "public"."expenditure_provenance" AS ENUM('entered', 'imported');--> statement-breakpoint
CREATE TYPE "public"."follow_up_status" AS ENUM('open', 'in_progress', 'implemented', 'not_implemented');--> statement-breakpoint
CREATE TYPE "public"."governance_body" AS ENUM('steering_committee', 'technical_committee', 'regional_forum', 'other');--> statement-breakpoint
CREATE TYPE "public"."governance_item_kind" AS ENUM('decision', 'recommendation');--> statement-breakpoint
CREATE TYPE "public"."stated_total_scope" AS ENUM('output', 'outcome', 'activities', 'budget', 'grand_total');--> statement-breakpoint
CREATE TABLE "budget_amounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"amount_usd" numeric(18, 2) NOT NULL,
	"original_amount" numeric(18, 2),
	"original_currency" text,
	"exchange_rate" numeric(20, 8)
);
--> statement-breakpoint
CREATE TABLE "budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"kind" "budget_line_kind" NOT NULL,
	"activity_id" uuid,
	"outcome_code" text,
	"output_code" text,
	"label_fr" text,
	"label_en" text,
	"agency_id" uuid,
	"donor_id" uuid,
	"funding_note" text,
	"un_entities" text,
	"partners" text,
	"stated_total" numeric(18, 2),
	"gender_percent" numeric(5, 2),
	"source" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "budget_stated_totals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"scope" "stated_total_scope" NOT NULL,
	"code" text,
	"label_fr" text NOT NULL,
	"label_en" text,
	"amounts" jsonb NOT NULL,
	"total" numeric(18, 2),
	"source" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "catalytic_funding" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"donor_id" uuid,
	"donor_name" text NOT NULL,
	"amount_usd" numeric(18, 2) NOT NULL,
	"original_amount" numeric(18, 2),
	"original_currency" text,
	"exchange_rate" numeric(20, 8),
	"date" date NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "expenditures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_line_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"amount_usd" numeric(18, 2) NOT NULL,
	"original_amount" numeric(18, 2),
	"original_currency" text,
	"exchange_rate" numeric(20, 8),
	"note" text,
	"provenance" "expenditure_provenance" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" "governance_item_kind" NOT NULL,
	"number" integer,
	"text_fr" text NOT NULL,
	"text_en" text,
	"owner" text,
	"owner_organisation_id" uuid,
	"due_date" date,
	"status" "follow_up_status" DEFAULT 'open' NOT NULL,
	"status_date" date,
	"follow_up" text,
	"indicator_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"body" "governance_body" NOT NULL,
	"number" integer,
	"date" date NOT NULL,
	"title_fr" text,
	"title_en" text,
	"location" text,
	"participants" text[] DEFAULT '{}'::text[] NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary_fr" text,
	"summary_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"code" text NOT NULL,
	"outcome_code" text NOT NULL,
	"output_code" text,
	"title_fr" text NOT NULL,
	"title_en" text,
	"description_fr" text,
	"description_en" text,
	"planned_start" date,
	"planned_end" date,
	"status" "activity_status" DEFAULT 'planned' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"status_note" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_amounts" ADD CONSTRAINT "budget_amounts_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_activity_id_workplan_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."workplan_activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_agency_id_organisations_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_lines" ADD CONSTRAINT "budget_lines_donor_id_organisations_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "budget_stated_totals" ADD CONSTRAINT "budget_stated_totals_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalytic_funding" ADD CONSTRAINT "catalytic_funding_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalytic_funding" ADD CONSTRAINT "catalytic_funding_donor_id_organisations_id_fk" FOREIGN KEY ("donor_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditures" ADD CONSTRAINT "expenditures_budget_line_id_budget_lines_id_fk" FOREIGN KEY ("budget_line_id") REFERENCES "public"."budget_lines"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_items" ADD CONSTRAINT "governance_items_meeting_id_governance_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."governance_meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_items" ADD CONSTRAINT "governance_items_owner_organisation_id_organisations_id_fk" FOREIGN KEY ("owner_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_items" ADD CONSTRAINT "governance_items_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "governance_meetings" ADD CONSTRAINT "governance_meetings_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_activities" ADD CONSTRAINT "workplan_activities_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "budget_amounts_line_year_idx" ON "budget_amounts" USING btree ("budget_line_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "budget_lines_programme_code_idx" ON "budget_lines" USING btree ("programme_id","code");--> statement-breakpoint
CREATE INDEX "budget_lines_activity_idx" ON "budget_lines" USING btree ("activity_id");--> statement-breakpoint
CREATE INDEX "budget_stated_totals_programme_idx" ON "budget_stated_totals" USING btree ("programme_id","sort");--> statement-breakpoint
CREATE INDEX "catalytic_funding_programme_idx" ON "catalytic_funding" USING btree ("programme_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "expenditures_line_period_idx" ON "expenditures" USING btree ("budget_line_id","period_start","period_end");--> statement-breakpoint
CREATE INDEX "expenditures_period_end_idx" ON "expenditures" USING btree ("period_end");--> statement-breakpoint
CREATE INDEX "governance_items_meeting_idx" ON "governance_items" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "governance_items_indicator_idx" ON "governance_items" USING btree ("indicator_id");--> statement-breakpoint
CREATE INDEX "governance_meetings_programme_idx" ON "governance_meetings" USING btree ("programme_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_activities_programme_code_idx" ON "workplan_activities" USING btree ("programme_id","code");