-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0038: periodic maintenance (docs/operations.md, "Maintenance").
--
-- * The system org: a reserved org row that owns the maintenance jobs
--   (jobs.org_id is NOT NULL and row-level security is per org). It has no
--   members, so it is never listed to anyone, nobody can open, invite into,
--   sign into or delete it; its slug is reserved.
-- * maintenance_runs: one row per (task, period). A scheduler enqueues a
--   task's job only after inserting that row, so any number of server and
--   worker processes enqueue one job per task and period (the primary key
--   decides; a finished job no longer holds its dedup key, so the queue's
--   dedup alone would let a late scheduler enqueue a second one).
-- * usage_monthly: usage per org, kind and UTC month, rolled up from
--   usage_daily rows older than the dashboard can show.
-- * assets.storage_charged: the bytes an upload charged to the org's
--   storage_bytes quota (render outputs charge nothing), so expiring an asset
--   gives back exactly what it took and the running total can be recomputed.
--   Existing uploads (a creating user) are backfilled with their size.
-- * app.maintenance_orgs(): the one cross-org read the maintenance handlers
--   need — a page of org ids with their asset retention. Everything else a
--   handler does runs as the app role in each org's own scope (RLS applies).

DO $$
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    INSERT INTO orgs (id, name, slug, settings)
    VALUES ('00000000-0000-0000-0000-000000000001', 'Slidespec system', 'slidespec-system',
            '{"system": true}'::jsonb)
    ON CONFLICT (id) DO NOTHING;
    PERFORM set_config('app.trusted_function', '', true);
END
$$;

ALTER TABLE assets ADD COLUMN storage_charged bigint NOT NULL DEFAULT 0;
ALTER TABLE assets ADD CONSTRAINT assets_storage_charged CHECK (storage_charged >= 0);
DO $$
DECLARE
    v_org uuid;
BEGIN
    -- assets is FORCE ROW LEVEL SECURITY with one per-org policy: backfill org
    -- by org, in each org's scope (orgs is read through its trusted policy).
    PERFORM set_config('app.trusted_function', 'on', true);
    FOR v_org IN SELECT o.id FROM orgs o LOOP
        PERFORM set_config('app.org_id', v_org::text, true);
        UPDATE assets SET storage_charged = size WHERE org_id = v_org AND created_by IS NOT NULL;
    END LOOP;
    PERFORM set_config('app.org_id', '', true);
    PERFORM set_config('app.trusted_function', '', true);
END
$$;

CREATE TABLE maintenance_runs (
    task         text NOT NULL,
    period_start timestamptz NOT NULL,
    job_id       bigint,                      -- the enqueued job (jobs are pruned: no FK)
    claimed_by   text NOT NULL DEFAULT '',    -- the scheduler (host:pid) that enqueued it
    claimed_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task, period_start),
    CONSTRAINT maintenance_runs_task_shape CHECK (task ~ '^[a-z][a-z0-9-]{0,62}$')
);
CREATE INDEX maintenance_runs_claimed_idx ON maintenance_runs (claimed_at);

CREATE TABLE usage_monthly (
    org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    kind   text NOT NULL,
    month  date NOT NULL,                     -- the first day of the UTC month
    used   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, kind, month),
    CONSTRAINT usage_monthly_kind CHECK (kind IN ('exports', 'previews', 'downloads', 'storage_bytes')),
    CONSTRAINT usage_monthly_first_day CHECK (extract(day FROM month) = 1)
);
ALTER TABLE usage_monthly ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_monthly FORCE ROW LEVEL SECURITY;
CREATE POLICY usage_monthly_org ON usage_monthly
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());

-- Up to p_limit orgs with an id above p_after (NULL: from the first), by id,
-- without the system org, each with its assetRetentionDays setting (NULL
-- when unset or not a positive whole number).
CREATE FUNCTION app.maintenance_orgs(p_after uuid, p_limit integer)
    RETURNS TABLE (org_id uuid, asset_retention_days integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    RETURN QUERY
    SELECT o.id,
           CASE WHEN jsonb_typeof(o.settings -> 'assetRetentionDays') = 'number'
                     AND (o.settings ->> 'assetRetentionDays') ~ '^[0-9]{1,5}$'
                     AND (o.settings ->> 'assetRetentionDays')::integer > 0
                THEN (o.settings ->> 'assetRetentionDays')::integer END
    FROM public.orgs o
    WHERE (p_after IS NULL OR o.id > p_after)
      AND o.id <> '00000000-0000-0000-0000-000000000001'::uuid
    ORDER BY o.id
    LIMIT greatest(1, least(p_limit, 1000));
    PERFORM set_config('app.trusted_function', v_prev, true);
END
$$;

REVOKE ALL ON FUNCTION app.maintenance_orgs(uuid, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.maintenance_orgs(uuid, integer) TO {{app_role}};

-- The schedulers read and write maintenance_runs directly (it holds no org
-- data); 0001's default privileges already grant the app role data access.

COMMENT ON TABLE maintenance_runs IS 'One row per maintenance task and period: the job a scheduler enqueued for it (docs/operations.md).';
COMMENT ON TABLE usage_monthly IS 'Usage per org, kind and UTC month, rolled up from usage_daily rows past their retention.';
