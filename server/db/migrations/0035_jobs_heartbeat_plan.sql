-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0035: app.jobs_heartbeat (as replaced in 0033) without a nested loop.
--
-- 0033's heartbeat joined the locked rows (a CTE) to the table in the
-- UPDATE's FROM; the planner, blind to the CTE's size, ran it as a nested
-- loop: quadratic in the worker's leased jobs (256 jobs: 65,000 comparisons,
-- 8 ms; a worker may lease 32 × concurrency jobs). As in 0034, the rows to
-- update are now found by primary key (id = ANY (array of the locked ids)).
-- Same semantics: lock in id order, extend the leases still held, answer
-- with their ids and cancel flags.
CREATE OR REPLACE FUNCTION app.jobs_heartbeat(p_owner text, p_ids bigint[], p_lease_seconds double precision)
    RETURNS TABLE (id bigint, cancel_requested boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
    RETURN QUERY
    WITH held AS (
        SELECT j.id FROM public.jobs j
        WHERE j.id = ANY (p_ids) AND j.lease_owner = p_owner AND j.state = 'running'
        ORDER BY j.id
        FOR UPDATE OF j
    )
    UPDATE public.jobs j
    SET lease_expires_at = now() + make_interval(secs => p_lease_seconds),
        heartbeat_at = now()
    WHERE j.id = ANY (ARRAY(SELECT h.id FROM held h)) AND j.lease_owner = p_owner AND j.state = 'running'
    RETURNING j.id, j.cancel_requested;
END
$$;
