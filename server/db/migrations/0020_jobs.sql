-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0020: the durable job queue (docs/queue.md).
--
-- One table, `jobs`. The API reads and writes it as the app role under
-- row-level security, scoped to the transaction's org (OrgScope): enqueue,
-- get, list, cancel, and the dead-letter admin actions. Workers must see
-- every org's jobs, so claiming and every step of a claimed job (heartbeat,
-- progress, complete, fail, release) and the lease rescue go through narrow
-- SECURITY DEFINER functions in schema app, owned by the schema owner, that
-- set app.trusted_function = 'on' for their own duration (the pattern of
-- 0005); the jobs_trusted policy accepts that for the owner role only. The
-- functions touch only rows the calling worker leases (lease_owner).
--
-- States: queued → running → succeeded | retrying | dead | cancelled;
-- retrying → running; dead → queued (admin retry). `retrying` is the
-- "failed, will retry" state: runnable again once run_at has passed.
--
-- Notifications (pg_notify):
--   slidespec_jobs        payload = kind, when a job becomes runnable now
--                          (insert, release, admin retry); workers LISTEN.
--   slidespec_job_cancel  payload = job id, when a running job's cancel is
--                          requested; the worker running it stops it.

CREATE TABLE jobs (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind             text NOT NULL,
    org_id           uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    payload          jsonb NOT NULL DEFAULT '{}'::jsonb,
    state            text NOT NULL DEFAULT 'queued',
    priority         smallint NOT NULL DEFAULT 0,
    attempts         integer NOT NULL DEFAULT 0,
    max_attempts     integer NOT NULL DEFAULT 5,
    run_at           timestamptz NOT NULL DEFAULT now(),
    lease_owner      text,
    lease_expires_at timestamptz,
    heartbeat_at     timestamptz,
    progress         smallint NOT NULL DEFAULT 0,
    progress_message text NOT NULL DEFAULT '',
    result           jsonb,
    last_error       text,
    dedup_key        text,
    cancel_requested boolean NOT NULL DEFAULT false,
    created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    started_at       timestamptz,
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT jobs_kind_shape CHECK (kind ~ '^[a-z][a-z0-9-]{0,62}$'),
    CONSTRAINT jobs_state CHECK (state IN ('queued', 'running', 'succeeded', 'retrying', 'dead', 'cancelled')),
    CONSTRAINT jobs_priority_range CHECK (priority BETWEEN -100 AND 100),
    CONSTRAINT jobs_attempts_range CHECK (attempts >= 0),
    CONSTRAINT jobs_max_attempts_range CHECK (max_attempts BETWEEN 1 AND 100),
    CONSTRAINT jobs_progress_range CHECK (progress BETWEEN 0 AND 100),
    CONSTRAINT jobs_progress_message_length CHECK (length(progress_message) <= 500),
    CONSTRAINT jobs_dedup_key_length CHECK (dedup_key IS NULL OR length(dedup_key) BETWEEN 1 AND 200),
    CONSTRAINT jobs_payload_object CHECK (jsonb_typeof(payload) = 'object'),
    CONSTRAINT jobs_running_has_lease CHECK (state <> 'running' OR (lease_owner IS NOT NULL AND lease_expires_at IS NOT NULL))
);

-- Dedup: at most one active job per (org, kind, key). Enqueue inserts with
-- ON CONFLICT on this index and gets the existing job back.
CREATE UNIQUE INDEX jobs_dedup_active_key ON jobs (org_id, kind, dedup_key)
    WHERE dedup_key IS NOT NULL AND state IN ('queued', 'running', 'retrying');

-- Claim: per org, the best runnable job first (app.jobs_claim walks the orgs
-- that have runnable jobs with a skip scan on this index, then takes each
-- org's head in index order).
CREATE INDEX jobs_runnable_idx ON jobs (org_id, priority DESC, run_at, id)
    WHERE state IN ('queued', 'retrying');

-- Rescue: running jobs by lease expiry.
CREATE INDEX jobs_lease_idx ON jobs (lease_expires_at) WHERE state = 'running';

-- API lists: an org's jobs, newest first, optionally by state or kind.
CREATE INDEX jobs_org_created_idx ON jobs (org_id, created_at DESC, id DESC);
CREATE INDEX jobs_org_state_idx ON jobs (org_id, state, created_at DESC);

-- Retention pruning of finished jobs.
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE finished_at IS NOT NULL;

ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs FORCE ROW LEVEL SECURITY;

-- The API: the current org's jobs only.
CREATE POLICY jobs_org ON jobs
    USING (org_id = app.current_org())
    WITH CHECK (org_id = app.current_org());
-- Workers, through the functions below (owner role only).
CREATE POLICY jobs_trusted ON jobs TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');

-- Wake workers when a job becomes runnable now, and tell the worker running
-- a job that its cancel was requested. One payload per kind: PostgreSQL folds
-- identical notifications of one transaction, so a batch insert sends one.
CREATE FUNCTION app.jobs_notify() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    IF NEW.state = 'queued' AND NEW.run_at <= now()
       AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM 'queued') THEN
        PERFORM pg_notify('slidespec_jobs', NEW.kind);
    END IF;
    IF TG_OP = 'UPDATE' AND NEW.cancel_requested AND NOT OLD.cancel_requested AND NEW.state = 'running' THEN
        PERFORM pg_notify('slidespec_job_cancel', NEW.id::text);
    END IF;
    RETURN NULL;
END
$$;

-- The WHEN clauses keep the function off the hot paths (claim, heartbeat).
CREATE TRIGGER jobs_notify_insert AFTER INSERT ON jobs
    FOR EACH ROW WHEN (NEW.state = 'queued')
    EXECUTE FUNCTION app.jobs_notify();
CREATE TRIGGER jobs_notify_update AFTER UPDATE OF state, cancel_requested ON jobs
    FOR EACH ROW WHEN ((NEW.state = 'queued' AND OLD.state <> 'queued')
                       OR (NEW.cancel_requested AND NOT OLD.cancel_requested))
    EXECUTE FUNCTION app.jobs_notify();

-- Claim up to p_batch runnable jobs of the given kinds for worker p_owner,
-- fairly across orgs: the orgs with runnable jobs are found by a skip scan
-- of jobs_runnable_idx; each contributes its best p_batch candidates in
-- (priority DESC, run_at, id) order; candidates are dealt round-robin (every
-- org's 1st, then every org's 2nd, …); twice the batch is locked with
-- SKIP LOCKED (so concurrent claimers take different rows) and the first
-- p_batch locked ones are leased. The attempt is counted here.
CREATE FUNCTION app.jobs_claim(p_owner text, p_kinds text[], p_batch integer, p_lease_seconds double precision)
    RETURNS SETOF public.jobs
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    RETURN QUERY
    WITH RECURSIVE orgs_with_work(org_id) AS (
        (SELECT j.org_id FROM public.jobs j
         WHERE j.state IN ('queued', 'retrying')
         ORDER BY j.org_id LIMIT 1)
        UNION ALL
        SELECT (SELECT j.org_id FROM public.jobs j
                WHERE j.state IN ('queued', 'retrying') AND j.org_id > o.org_id
                ORDER BY j.org_id LIMIT 1)
        FROM orgs_with_work o
        WHERE o.org_id IS NOT NULL
    ),
    candidates AS (
        SELECT c.id, c.priority, c.run_at,
               row_number() OVER (PARTITION BY c.org_id ORDER BY c.priority DESC, c.run_at, c.id) AS turn
        FROM orgs_with_work o
        CROSS JOIN LATERAL (
            SELECT j.id, j.org_id, j.priority, j.run_at FROM public.jobs j
            WHERE j.org_id = o.org_id
              AND j.state IN ('queued', 'retrying')
              AND j.run_at <= now()
              AND j.kind = ANY (p_kinds)
            ORDER BY j.priority DESC, j.run_at, j.id
            LIMIT p_batch
        ) c
        WHERE o.org_id IS NOT NULL
    ),
    dealt AS (
        SELECT id, turn, priority, run_at FROM candidates
        ORDER BY turn, priority DESC, run_at, id
        LIMIT p_batch * 2
    ),
    locked AS (
        SELECT j.id, d.turn, d.priority, d.run_at FROM public.jobs j
        JOIN dealt d ON d.id = j.id
        WHERE j.state IN ('queued', 'retrying') AND j.run_at <= now()
        FOR UPDATE OF j SKIP LOCKED
    ),
    chosen AS (
        SELECT id FROM locked ORDER BY turn, priority DESC, run_at, id LIMIT p_batch
    )
    UPDATE public.jobs j
    SET state = 'running',
        attempts = j.attempts + 1,
        lease_owner = p_owner,
        lease_expires_at = now() + make_interval(secs => p_lease_seconds),
        heartbeat_at = now(),
        started_at = now(),
        finished_at = NULL,
        updated_at = now()
    FROM chosen
    WHERE j.id = chosen.id
    RETURNING j.*;
    PERFORM set_config('app.trusted_function', v_prev, true);
END
$$;

-- Extend the leases of the jobs p_owner runs; returns each job still leased
-- to it with its cancel flag (a job missing from the answer was lost: its
-- lease expired and it was rescued).
CREATE FUNCTION app.jobs_heartbeat(p_owner text, p_ids bigint[], p_lease_seconds double precision)
    RETURNS TABLE (id bigint, cancel_requested boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    RETURN QUERY
    UPDATE public.jobs j
    SET lease_expires_at = now() + make_interval(secs => p_lease_seconds),
        heartbeat_at = now()
    WHERE j.id = ANY (p_ids) AND j.lease_owner = p_owner AND j.state = 'running'
    RETURNING j.id, j.cancel_requested;
    PERFORM set_config('app.trusted_function', v_prev, true);
END
$$;

-- Progress of a leased job. False when the lease was lost.
CREATE FUNCTION app.jobs_progress(p_id bigint, p_owner text, p_progress integer, p_message text)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_found boolean;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    UPDATE public.jobs j
    SET progress = greatest(0, least(100, p_progress)),
        progress_message = left(coalesce(p_message, ''), 500),
        updated_at = now()
    WHERE j.id = p_id AND j.lease_owner = p_owner AND j.state = 'running';
    v_found := FOUND;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN v_found;
END
$$;

-- Ends a leased job. p_outcome:
--   'succeeded'  with p_result;
--   'failed'     retry after p_retry_delay seconds, or dead when attempts
--                reached max_attempts or p_permanent;
--   'cancelled'  the handler stopped on a cancel request;
--   'released'   handed back unfinished (shutdown): queued again, the
--                attempt not counted.
-- A failed or released job whose cancel was requested ends cancelled.
-- Returns the new state, or NULL when the lease was lost (the job was
-- rescued and belongs to someone else now: the caller's outcome is dropped).
CREATE FUNCTION app.jobs_finish(p_id bigint, p_owner text, p_outcome text, p_result jsonb,
                                p_error text, p_retry_delay double precision, p_permanent boolean)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_job public.jobs;
    v_state text;
BEGIN
    IF p_outcome NOT IN ('succeeded', 'failed', 'cancelled', 'released') THEN
        RAISE EXCEPTION 'jobs_finish: unknown outcome %', p_outcome USING ERRCODE = '22023';
    END IF;
    PERFORM set_config('app.trusted_function', 'on', true);
    SELECT * INTO v_job FROM public.jobs j
    WHERE j.id = p_id AND j.lease_owner = p_owner AND j.state = 'running'
    FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM set_config('app.trusted_function', v_prev, true);
        RETURN NULL;
    END IF;
    v_state := CASE
        WHEN p_outcome = 'succeeded' THEN 'succeeded'
        WHEN p_outcome = 'cancelled' OR v_job.cancel_requested THEN 'cancelled'
        WHEN p_outcome = 'released' THEN 'queued'
        WHEN p_permanent OR v_job.attempts >= v_job.max_attempts THEN 'dead'
        ELSE 'retrying'
    END;
    UPDATE public.jobs j
    SET state = v_state,
        attempts = CASE WHEN v_state = 'queued' THEN greatest(0, j.attempts - 1) ELSE j.attempts END,
        result = CASE WHEN v_state = 'succeeded' THEN p_result ELSE j.result END,
        progress = CASE WHEN v_state = 'succeeded' THEN 100 ELSE j.progress END,
        last_error = CASE WHEN p_outcome = 'failed' THEN left(p_error, 4000) ELSE j.last_error END,
        run_at = CASE
            WHEN v_state = 'retrying' THEN now() + make_interval(secs => greatest(0, p_retry_delay))
            WHEN v_state = 'queued' THEN now()
            ELSE j.run_at END,
        lease_owner = NULL,
        lease_expires_at = NULL,
        finished_at = CASE WHEN v_state IN ('succeeded', 'dead', 'cancelled') THEN now() ELSE NULL END,
        updated_at = now()
    WHERE j.id = p_id;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN v_state;
END
$$;

-- Rescue jobs whose lease expired (their worker died or hung): back to
-- retrying at once (the attempt was counted when claimed), dead when that
-- was the last attempt, cancelled when a cancel was requested. Returns the
-- rescued jobs' ids and new states. Any worker may call it; SKIP LOCKED lets
-- several do so at once.
CREATE FUNCTION app.jobs_rescue(p_limit integer)
    RETURNS TABLE (id bigint, state text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    RETURN QUERY
    WITH expired AS (
        SELECT j.id FROM public.jobs j
        WHERE j.state = 'running' AND j.lease_expires_at < now()
        ORDER BY j.lease_expires_at
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED
    )
    UPDATE public.jobs j
    SET state = CASE
            WHEN j.cancel_requested THEN 'cancelled'
            WHEN j.attempts >= j.max_attempts THEN 'dead'
            ELSE 'retrying' END,
        last_error = 'the worker ' || coalesce(j.lease_owner, '?') || ' stopped renewing its lease (it crashed, hung or lost the database); attempt '
                     || j.attempts || ' of ' || j.max_attempts || ' abandoned',
        run_at = now(),
        lease_owner = NULL,
        lease_expires_at = NULL,
        finished_at = CASE WHEN j.cancel_requested OR j.attempts >= j.max_attempts THEN now() ELSE NULL END,
        updated_at = now()
    FROM expired
    WHERE j.id = expired.id
    RETURNING j.id, j.state;
    PERFORM set_config('app.trusted_function', v_prev, true);
END
$$;

REVOKE ALL ON FUNCTION app.jobs_claim(text, text[], integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.jobs_heartbeat(text, bigint[], double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.jobs_progress(bigint, text, integer, text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.jobs_finish(bigint, text, text, jsonb, text, double precision, boolean) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.jobs_rescue(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.jobs_claim(text, text[], integer, double precision) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.jobs_heartbeat(text, bigint[], double precision) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.jobs_progress(bigint, text, integer, text) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.jobs_finish(bigint, text, text, jsonb, text, double precision, boolean) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.jobs_rescue(integer) TO {{app_role}};

-- The identity sequence: the app role inserts.
GRANT USAGE, SELECT ON SEQUENCE jobs_id_seq TO {{app_role}};

COMMENT ON TABLE jobs IS 'Durable render/preview/export jobs (docs/queue.md). States: queued, running, succeeded, retrying (failed, will retry), dead, cancelled.';
