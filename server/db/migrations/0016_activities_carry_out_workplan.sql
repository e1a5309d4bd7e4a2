ALTER TABLE "activities" ADD COLUMN "workplan_activity_id" uuid;--> statement-breakpoint
ALTER TABLE "workplan_activities" ADD COLUMN "status_set_by_hand" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_workplan_activity_id_workplan_activities_id_fk" FOREIGN KEY ("workplan_activity_id") REFERENCES "public"."workplan_activities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_workplan_activity_idx" ON "activities" USING btree ("workplan_activity_id") WHERE "activities"."workplan_activity_id" is not null;--> statement-breakpoint
-- a status or progress someone already set is kept as written: it was set by hand
UPDATE "workplan_activities" SET "status_set_by_hand" = true WHERE "status" <> 'planned' OR "progress" <> 0;
