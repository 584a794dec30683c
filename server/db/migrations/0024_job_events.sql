-- SPDX-License-Identifier: GPL-3.0-or-later
-- Job events for progress streams (Server-Sent Events, docs/queue.md): every
-- insert and every change of a job's state or progress sends
--   NOTIFY slidespec_job_events, '<org_id>:<id>:<state>:<progress>'
-- A listener re-reads the job in the org's scope for the details; the
-- payload only says what changed, so it stays far below the 8,000-byte limit.
-- Heartbeats and lease changes touch neither column and send nothing.
CREATE FUNCTION app.jobs_notify_event() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    PERFORM pg_notify('slidespec_job_events',
                      NEW.org_id::text || ':' || NEW.id::text || ':' || NEW.state || ':' || NEW.progress::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER jobs_event_insert AFTER INSERT ON jobs
    FOR EACH ROW EXECUTE FUNCTION app.jobs_notify_event();
CREATE TRIGGER jobs_event_update AFTER UPDATE OF state, progress ON jobs
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state OR OLD.progress IS DISTINCT FROM NEW.progress)
    EXECUTE FUNCTION app.jobs_notify_event();
