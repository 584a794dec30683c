-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0040: org_purges (0039) under row-level security like every table with an
-- org_id column. Its rows name deleted orgs, so no org scope can see them:
-- the app role gets no policy at all (it sees and changes nothing), and the
-- purge job goes through three narrow SECURITY DEFINER functions, owned by
-- the schema owner, search_path pinned, EXECUTE for the app role only, that
-- set app.trusted_function for their own duration (the pattern of 0005).
-- app.org_delete (0039) already sets it when it inserts.

ALTER TABLE org_purges ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_purges FORCE ROW LEVEL SECURITY;
CREATE POLICY org_purges_trusted ON org_purges TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');
REVOKE ALL ON org_purges FROM {{app_role}};

-- Up to p_limit purges, oldest request first: those not purged yet and those
-- purged less than p_sweep_seconds ago (swept again).
CREATE FUNCTION app.org_purges_pending(p_limit integer, p_sweep_seconds double precision)
    RETURNS TABLE (org_id uuid, storage_prefix text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    RETURN QUERY
    SELECT p.org_id, p.storage_prefix FROM public.org_purges p
    WHERE p.purged_at IS NULL OR p.purged_at > now() - make_interval(secs => p_sweep_seconds)
    ORDER BY p.requested_at
    LIMIT greatest(1, least(p_limit, 1000));
    PERFORM set_config('app.trusted_function', v_prev, true);
END
$$;

-- Records a complete sweep of p_org's prefix that removed p_objects objects.
CREATE FUNCTION app.org_purges_done(p_org uuid, p_objects bigint)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_found boolean;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    UPDATE public.org_purges p
    SET purged_at = coalesce(p.purged_at, now()),
        objects_removed = p.objects_removed + greatest(0, p_objects)
    WHERE p.org_id = p_org;
    v_found := FOUND;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN v_found;
END
$$;

-- Drops the rows purged more than p_sweep_seconds ago; returns how many.
CREATE FUNCTION app.org_purges_forget(p_sweep_seconds double precision)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_count integer;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    DELETE FROM public.org_purges p
    WHERE p.purged_at IS NOT NULL AND p.purged_at < now() - make_interval(secs => p_sweep_seconds);
    GET DIAGNOSTICS v_count = ROW_COUNT;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN v_count;
END
$$;

REVOKE ALL ON FUNCTION app.org_purges_pending(integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.org_purges_done(uuid, bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.org_purges_forget(double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.org_purges_pending(integer, double precision) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.org_purges_done(uuid, bigint) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.org_purges_forget(double precision) TO {{app_role}};
