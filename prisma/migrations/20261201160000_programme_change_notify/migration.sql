-- Every app instance LISTENs on "programme_version" and rebuilds its cached public reads when told
-- (docs/decisions/017). NOTIFY is transactional: it is delivered when the writing transaction
-- commits, once per transaction however many rows changed, and never for a rolled-back change.
-- A trigger per statement covers every writer (seed, import, organiser edits, psql) without each
-- having to remember to announce the change.
CREATE OR REPLACE FUNCTION notify_programme_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('programme_version', TG_TABLE_NAME);
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_notify_programme_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Event"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_programme_change();
CREATE TRIGGER "Venue_notify_programme_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Venue"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_programme_change();
CREATE TRIGGER "Programme_notify_programme_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Programme"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_programme_change();
CREATE TRIGGER "Category_notify_programme_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Category"
  FOR EACH STATEMENT EXECUTE FUNCTION notify_programme_change();
