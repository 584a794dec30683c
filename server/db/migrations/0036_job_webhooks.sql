-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0036: webhook events for jobs that reach a final state (docs/queue.md,
-- "Webhooks"): job.succeeded, job.failed (dead: no retry left) and
-- job.cancelled.
--
-- Why a trigger: a job reaches its final state through several writers —
-- app.jobs_finish (the worker), app.jobs_rescue (a lost lease on the last
-- attempt, or a cancel noticed by the rescue), and JobQueue::cancel (the API,
-- as the app role, for a queued or retrying job). A trigger on the state
-- change covers them all and writes the webhook_deliveries rows (the outbox
-- of 0032) in the same transaction as the final state: the event is queued
-- exactly when the state commits, never for a rolled-back one, never lost on
-- a crash, and once per transition (the WHEN clause only fires when the
-- state changes into a final one; an admin retry of a dead job that dies
-- again is a new transition and a new event).
--
-- The body is the one Webhooks::emitEvent builds (server/ops/webhooks.cpp):
-- {id, event, orgId, createdAt, data}, id = the delivery id. Keep the two in
-- step.
--
-- The function is SECURITY DEFINER (owned by the schema owner) so it works
-- whoever writes the job: it sets app.trusted_function for its own duration
-- (the pattern of 0005/0020), which the webhooks_trusted and
-- webhook_deliveries_trusted policies of 0032 accept for the owner role, and
-- only touches the job's own org's webhooks.

CREATE FUNCTION app.jobs_emit_webhook() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_event text;
    v_data jsonb;
BEGIN
    v_event := CASE NEW.state
        WHEN 'succeeded' THEN 'job.succeeded'
        WHEN 'dead' THEN 'job.failed'
        WHEN 'cancelled' THEN 'job.cancelled'
    END;
    IF v_event IS NULL THEN
        RETURN NULL;
    END IF;
    v_data := jsonb_build_object(
        'jobId', NEW.id::text,
        'kind', NEW.kind,
        'deckId', NEW.payload -> 'deckId',
        'revision', NEW.payload -> 'revision',
        'options', NEW.payload -> 'options',
        'state', NEW.state,
        'attempts', NEW.attempts,
        'maxAttempts', NEW.max_attempts,
        'lastError', NEW.last_error,
        'finishedAt', to_char(coalesce(NEW.finished_at, now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'jobPath', '/api/v1/orgs/' || NEW.org_id::text || '/jobs/' || NEW.id::text,
        'resultPath', CASE WHEN NEW.state = 'succeeded'
                           THEN '/api/v1/orgs/' || NEW.org_id::text || '/jobs/' || NEW.id::text || '/result'
                      END);
    PERFORM set_config('app.trusted_function', 'on', true);
    WITH targets AS (
        SELECT w.id AS webhook_id, w.org_id, gen_random_uuid() AS delivery_id FROM public.webhooks w
        WHERE w.org_id = NEW.org_id AND w.active AND v_event = ANY (w.events)
    )
    INSERT INTO public.webhook_deliveries (id, org_id, webhook_id, event, body)
    SELECT t.delivery_id, t.org_id, t.webhook_id, v_event,
           jsonb_build_object('id', t.delivery_id, 'event', v_event, 'orgId', t.org_id,
                              'createdAt', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                              'data', v_data)::text
    FROM targets t;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION app.jobs_emit_webhook() FROM PUBLIC;

CREATE TRIGGER jobs_webhook_final AFTER UPDATE OF state ON jobs
    FOR EACH ROW WHEN (OLD.state IS DISTINCT FROM NEW.state AND NEW.state IN ('succeeded', 'dead', 'cancelled'))
    EXECUTE FUNCTION app.jobs_emit_webhook();
