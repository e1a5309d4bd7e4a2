-- hand-written (runs BEFORE the generated unique index below: on merge, keep this block ahead of it)
-- Issue 14, decision 0014: one value per indicator and period. Databases written before the rule may hold
-- several values of one indicator for the same period: the latest recorded is the value (the one the value of
-- record already showed), the earlier ones are its earlier versions — deleted here, so the audit trail keeps
-- each of them whole (its delete event, and its source as a part of it), and the kept value's version counts
-- them (an import's update of a taken period is a new version the same way).
WITH ranked AS (
  SELECT "id",
         row_number() OVER w AS "rank",
         count(*) OVER (PARTITION BY "indicator_id", "period_start", "period_end") AS "copies",
         max("version") OVER (PARTITION BY "indicator_id", "period_start", "period_end") AS "highest"
  FROM "indicator_values"
  WINDOW w AS (PARTITION BY "indicator_id", "period_start", "period_end"
               ORDER BY "created_at" DESC, "updated_at" DESC, "id" DESC)
)
UPDATE "indicator_values" v
SET "version" = r."highest" + r."copies" - 1, "updated_at" = now()
FROM ranked r
WHERE v."id" = r."id" AND r."rank" = 1 AND r."copies" > 1;
--> statement-breakpoint
DELETE FROM "indicator_values" v
USING (
  SELECT "id",
         row_number() OVER (PARTITION BY "indicator_id", "period_start", "period_end"
                            ORDER BY "created_at" DESC, "updated_at" DESC, "id" DESC) AS "rank"
  FROM "indicator_values"
) r
WHERE v."id" = r."id" AND r."rank" > 1;
--> statement-breakpoint
-- a percentage is a level, never a running total (docs/domain.md, "Progress of an indicator"): indicators
-- written before the rule was forced on every write lose a "cumulative" they never had
UPDATE "indicators"
SET "cumulative" = false, "version" = "version" + 1, "updated_at" = now()
WHERE "measure" = 'percent' AND "cumulative";
--> statement-breakpoint
-- generated
CREATE UNIQUE INDEX "indicator_values_indicator_period_unique_idx" ON "indicator_values" USING btree ("indicator_id","period_start","period_end");
