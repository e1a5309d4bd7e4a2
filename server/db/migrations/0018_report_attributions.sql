CREATE TABLE "report_attributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"section_id" text NOT NULL,
	"outcome_code" text DEFAULT '' NOT NULL,
	"organisation_id" uuid NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_attributions" ADD CONSTRAINT "report_attributions_report_id_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attributions" ADD CONSTRAINT "report_attributions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "report_attributions_unit_idx" ON "report_attributions" USING btree ("report_id","section_id","outcome_code","organisation_id");