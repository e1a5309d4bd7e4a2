-- One table for every import kind (issue 13, item 4): `activity_imports` becomes `imports`, its rows kept as
-- they are (kind `activities`). A programme file that creates programmes has no programme yet, hence a nullable
-- `programme_id`; `options` holds what a kind needs besides the file (a programme file's target).
ALTER TABLE "activity_imports" RENAME TO "imports";--> statement-breakpoint
ALTER TABLE "imports" RENAME CONSTRAINT "activity_imports_pkey" TO "imports_pkey";--> statement-breakpoint
ALTER TABLE "imports" RENAME CONSTRAINT "activity_imports_programme_id_programmes_id_fk" TO "imports_programme_id_programmes_id_fk";--> statement-breakpoint
ALTER TABLE "activities" RENAME CONSTRAINT "activities_import_id_activity_imports_id_fk" TO "activities_import_id_imports_id_fk";--> statement-breakpoint
ALTER INDEX "activity_imports_programme_idx" RENAME TO "imports_programme_idx";--> statement-breakpoint
ALTER TABLE "imports" RENAME COLUMN "activity_count" TO "item_count";--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "kind" text DEFAULT 'activities' NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "options" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ALTER COLUMN "programme_id" DROP NOT NULL;
