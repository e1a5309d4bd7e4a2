ALTER TABLE "activity_participants" ADD COLUMN "cercle_code" text;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD COLUMN "organisation_id" uuid;--> statement-breakpoint
-- participants recorded before carry their activity's agency, and the cercle the map counts them in
UPDATE "activity_participants" p SET "organisation_id" = a."organisation_id" FROM "activities" a WHERE a."id" = p."activity_id";--> statement-breakpoint
UPDATE "activity_participants" p SET "cercle_code" = coalesce(
  (SELECT CASE WHEN ar."level" = 'cercle' THEN ar."code" ELSE ar."cercle_code" END FROM "admin_areas" ar WHERE ar."code" = p."area_code"),
  (SELECT min(x.c) FROM (
     SELECT CASE WHEN ar."level" = 'cercle' THEN ar."code" ELSE ar."cercle_code" END AS c
       FROM "activity_places" ap JOIN "admin_areas" ar ON ar."code" = ap."area_code"
      WHERE ap."activity_id" = p."activity_id") x
   HAVING count(DISTINCT x.c) = 1)
);
