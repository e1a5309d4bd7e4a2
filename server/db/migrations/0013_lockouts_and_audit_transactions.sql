-- Failed sign-ins are counted per identifier (the address as typed), whether an account has it or not, so an
-- unknown address locks exactly as an account does; the counters leave `users` (the locks in force move).
CREATE TABLE "sign_in_failures" (
	"identifier" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
INSERT INTO "sign_in_failures" ("identifier", "failures", "last_failed_at", "locked_until")
SELECT "email", "failed_sign_ins", now(), "locked_until" FROM "users"
 WHERE "failed_sign_ins" > 0 OR "locked_until" > now();
--> statement-breakpoint
-- The transaction of each event, so that one request's statements on one object read as one change. Added
-- without a default first: the events already written keep no transaction (a default here would give them all
-- this migration's, and merge an object's whole past into one change).
ALTER TABLE "audit_events" ADD COLUMN "tx" bigint;--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "tx" SET DEFAULT txid_current();--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_sign_ins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";
