-- hand-written
-- Changes told to the running servers (docs/decisions/0027-read-cache.md): after every INSERT, UPDATE, DELETE
-- or TRUNCATE statement on a table of the application, pg_notify('jalon_changes', <table name>). PostgreSQL
-- delivers it when the transaction commits (never for a rollback), to every server LISTENing on the database,
-- and sends a name once per transaction however many statements wrote the table: a 100 000-row import is one
-- notification per table. Each server's read cache drops the answers it built from that table.
-- jalon_attach_change_notify() runs after every migration (server/db/client.ts), so new tables are covered.
CREATE OR REPLACE FUNCTION jalon_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('jalon_changes', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalon_attach_change_notify() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  t record;
  attached integer := 0;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      AND NOT EXISTS (SELECT 1 FROM pg_trigger g WHERE g.tgrelid = c.oid AND g.tgname = 'jalon_change_notify')
  LOOP
    EXECUTE format('CREATE TRIGGER jalon_change_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION jalon_notify_change()', t.relname);
    attached := attached + 1;
  END LOOP;
  RETURN attached;
END $$;
--> statement-breakpoint
SELECT jalon_attach_change_notify();
