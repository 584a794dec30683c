-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0022: two more cross-org worker functions (docs/queue.md): queue depth for
-- the metrics, and pruning of finished jobs past their retention.
-- SECURITY DEFINER as the table's owner (not subject to its policies since
-- 0021), search_path pinned, callable by the app role only.

-- Jobs per (state, kind), with the age of the oldest runnable one. Finished
-- states are counted too; pruning keeps them bounded.
CREATE FUNCTION app.jobs_depth()
    RETURNS TABLE (state text, kind text, jobs bigint, oldest_runnable_seconds double precision)
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
    SELECT j.state, j.kind, count(*),
           coalesce(extract(epoch FROM now() - min(j.run_at) FILTER (
               WHERE j.state IN ('queued', 'retrying') AND j.run_at <= now())), 0)::double precision
    FROM public.jobs j
    GROUP BY j.state, j.kind
$$;

-- Deletes up to p_limit jobs that finished (succeeded, dead, cancelled) more
-- than p_older_than_seconds ago; returns how many. Dead jobs are kept
-- unless p_include_dead, so dead letters wait for an admin.
CREATE FUNCTION app.jobs_prune(p_older_than_seconds double precision, p_include_dead boolean, p_limit integer)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_count integer;
BEGIN
    WITH old AS (
        SELECT j.id FROM public.jobs j
        WHERE j.finished_at IS NOT NULL
          AND j.finished_at < now() - make_interval(secs => p_older_than_seconds)
          AND (j.state IN ('succeeded', 'cancelled') OR (p_include_dead AND j.state = 'dead'))
        ORDER BY j.finished_at
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED
    )
    DELETE FROM public.jobs j USING old WHERE j.id = old.id;
    GET DIAGNOSTICS v_count = ROW_COUNT;
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION app.jobs_depth() FROM PUBLIC;
REVOKE ALL ON FUNCTION app.jobs_prune(double precision, boolean, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.jobs_depth() TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.jobs_prune(double precision, boolean, integer) TO {{app_role}};
