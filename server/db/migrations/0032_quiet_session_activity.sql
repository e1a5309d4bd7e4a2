-- hand-written
-- A session's last activity, noted at most every ten minutes a session, is told to no server
-- (docs/decisions/0033-session-cache.md, amendment). Each server's session cache drops every kept session at a
-- change of the sessions table; with a hundred people signed in, their "last seen" alone dropped them all
-- every few seconds. Nothing a server keeps is read from last_seen_at, so an UPDATE of the sessions table is
-- told only when it sets a column a kept session holds (its person, its end, its CSRF token, its id); a new
-- session and a session ended are told as before. A column added to sessions and read by the access gate must
-- be added to this list. The trigger keeps its name, so jalon_attach_change_notify() leaves it as it is.
DROP TRIGGER IF EXISTS jalon_change_notify ON sessions;
--> statement-breakpoint
CREATE TRIGGER jalon_change_notify
  AFTER INSERT OR UPDATE OF id, user_id, csrf_token, expires_at OR DELETE OR TRUNCATE ON sessions
  FOR EACH STATEMENT EXECUTE FUNCTION jalon_notify_change();
