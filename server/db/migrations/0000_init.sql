CREATE TYPE "public"."gender_marker" AS ENUM('GM0', 'GM1', 'GM2', 'GM3');--> statement-breakpoint
CREATE TYPE "public"."organisation_kind" AS ENUM('un_agency', 'non_un', 'government', 'ngo', 'donor', 'fund', 'other');--> statement-breakpoint
CREATE TYPE "public"."participation_role" AS ENUM('recipient', 'implementing_partner', 'donor');--> statement-breakpoint
CREATE TYPE "public"."programme_kind" AS ENUM('project', 'joint_programme');--> statement-breakpoint
CREATE TYPE "public"."risk_category" AS ENUM('operational', 'security_political', 'political', 'programmatic', 'fiduciary', 'contextual', 'other');--> statement-breakpoint
CREATE TYPE "public"."risk_impact" AS ENUM('limited', 'medium', 'strong');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TYPE "public"."trust_fund_kind" AS ENUM('none', 'country', 'regional');--> statement-breakpoint
CREATE TYPE "public"."alignment_framework" AS ENUM('UNSDCF', 'UNDP_CPD', 'UNWOMEN_SN', 'PBF', 'SDG', 'OTHER');--> statement-breakpoint
CREATE TYPE "public"."indicator_direction" AS ENUM('increase', 'decrease', 'maintain');--> statement-breakpoint
CREATE TYPE "public"."indicator_measure" AS ENUM('number', 'percent', 'yes_no', 'text', 'document', 'index');--> statement-breakpoint
CREATE TYPE "public"."target_kind" AS ENUM('annual', 'milestone', 'end');--> statement-breakpoint
CREATE TYPE "public"."value_provenance" AS ENUM('entered', 'imported', 'computed', 'seed');--> statement-breakpoint
CREATE TABLE "financial_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"as_of" date NOT NULL,
	"implementation_rate" numeric(5, 2),
	"gender_budget_spent" numeric(18, 2),
	"source" text
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"kind" "organisation_kind" NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text,
	"acronym_fr" text,
	"acronym_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "programme_cofunding" (
	"joint_programme_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "programme_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" "participation_role" NOT NULL,
	"convening" boolean DEFAULT false NOT NULL,
	"amount" numeric(18, 2),
	"original_amount" numeric(18, 2),
	"original_currency" text,
	"note" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"code" text NOT NULL,
	"kind" "programme_kind" NOT NULL,
	"gateway_id" text,
	"fund_code" text,
	"title_fr" text NOT NULL,
	"title_en" text,
	"short_title_fr" text,
	"short_title_en" text,
	"summary_fr" text,
	"summary_en" text,
	"country" text NOT NULL,
	"trust_fund_kind" "trust_fund_kind" DEFAULT 'none' NOT NULL,
	"trust_fund_name" text,
	"start_date" date,
	"first_transfer_date" date,
	"end_date" date NOT NULL,
	"revised_end_date" date,
	"currency" text DEFAULT 'USD' NOT NULL,
	"priority_windows" text[] DEFAULT '{}'::text[] NOT NULL,
	"gender_marker" "gender_marker",
	"gender_marker_text" text,
	"risk_marker" "risk_level",
	"risk_marker_text" text,
	"focus_area_code" text,
	"focus_area_fr" text,
	"focus_area_en" text,
	"gender_budget_allocated" numeric(18, 2),
	"resources_required" numeric(18, 2),
	"places" text[] DEFAULT '{}'::text[] NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_slug_unique" UNIQUE("slug"),
	CONSTRAINT "programmes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"description_fr" text NOT NULL,
	"description_en" text,
	"category" "risk_category" NOT NULL,
	"probability" "risk_level" NOT NULL,
	"impact" "risk_impact" NOT NULL,
	"mitigation_fr" text NOT NULL,
	"mitigation_en" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"indicator_id" uuid,
	"framework" "alignment_framework" NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"note" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "framework_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"label_fr" text NOT NULL,
	"label_en" text,
	"effective_date" date NOT NULL,
	"reason_fr" text NOT NULL,
	"reason_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_targets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"kind" "target_kind" NOT NULL,
	"year" integer,
	"date" text,
	"value" jsonb,
	"numeric_value" numeric,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"value" jsonb,
	"numeric_value" numeric,
	"reason" text,
	"provenance" "value_provenance" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"outcome_id" uuid NOT NULL,
	"output_id" uuid,
	"code" text NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text,
	"measure" "indicator_measure" NOT NULL,
	"direction" "indicator_direction" DEFAULT 'increase' NOT NULL,
	"cumulative" boolean DEFAULT false NOT NULL,
	"unit" text,
	"disaggregations" text[] DEFAULT '{}'::text[] NOT NULL,
	"baseline" jsonb,
	"sources" text[] DEFAULT '{}'::text[] NOT NULL,
	"notes" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"statement_fr" text NOT NULL,
	"statement_en" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"outcome_id" uuid NOT NULL,
	"framework_version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"statement_fr" text NOT NULL,
	"statement_en" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "planned_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"output_id" uuid NOT NULL,
	"code" text NOT NULL,
	"title_fr" text NOT NULL,
	"title_en" text,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "financial_snapshots" ADD CONSTRAINT "financial_snapshots_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_cofunding" ADD CONSTRAINT "programme_cofunding_joint_programme_id_programmes_id_fk" FOREIGN KEY ("joint_programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_cofunding" ADD CONSTRAINT "programme_cofunding_project_id_programmes_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participants" ADD CONSTRAINT "programme_participants_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_participants" ADD CONSTRAINT "programme_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alignments" ADD CONSTRAINT "alignments_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_versions" ADD CONSTRAINT "framework_versions_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_targets" ADD CONSTRAINT "indicator_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_output_id_outputs_id_fk" FOREIGN KEY ("output_id") REFERENCES "public"."outputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcomes" ADD CONSTRAINT "outcomes_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outputs" ADD CONSTRAINT "outputs_outcome_id_outcomes_id_fk" FOREIGN KEY ("outcome_id") REFERENCES "public"."outcomes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outputs" ADD CONSTRAINT "outputs_framework_version_id_framework_versions_id_fk" FOREIGN KEY ("framework_version_id") REFERENCES "public"."framework_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planned_activities" ADD CONSTRAINT "planned_activities_output_id_outputs_id_fk" FOREIGN KEY ("output_id") REFERENCES "public"."outputs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "financial_snapshots_programme_idx" ON "financial_snapshots" USING btree ("programme_id","as_of");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_cofunding_pair_idx" ON "programme_cofunding" USING btree ("joint_programme_id","project_id");--> statement-breakpoint
CREATE INDEX "programme_participants_programme_idx" ON "programme_participants" USING btree ("programme_id","role","sort");--> statement-breakpoint
CREATE UNIQUE INDEX "risks_programme_number_idx" ON "risks" USING btree ("programme_id","number");--> statement-breakpoint
CREATE INDEX "alignments_version_idx" ON "alignments" USING btree ("framework_version_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "framework_versions_programme_version_idx" ON "framework_versions" USING btree ("programme_id","version");--> statement-breakpoint
CREATE INDEX "indicator_targets_indicator_idx" ON "indicator_targets" USING btree ("indicator_id","kind","year");--> statement-breakpoint
CREATE INDEX "indicator_values_indicator_period_idx" ON "indicator_values" USING btree ("indicator_id","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "indicators_version_code_idx" ON "indicators" USING btree ("framework_version_id","code");--> statement-breakpoint
CREATE INDEX "indicators_outcome_idx" ON "indicators" USING btree ("outcome_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outcomes_version_code_idx" ON "outcomes" USING btree ("framework_version_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "outputs_version_code_idx" ON "outputs" USING btree ("framework_version_id","code");--> statement-breakpoint
CREATE INDEX "planned_activities_output_idx" ON "planned_activities" USING btree ("output_id","sort");