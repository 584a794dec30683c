-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0039: deleting an org (DELETE /api/v1/orgs/{orgId}, docs/auth.md).
--
-- The org's rows go at once, in the request's transaction: app.org_delete()
-- deletes the orgs row and every org-scoped table follows through its
-- ON DELETE CASCADE foreign key (decks, brand kits, templates and all their
-- revisions, assets, jobs, job results, memberships, invites, API tokens of
-- the org, plans, usage, webhooks and their deliveries). The audit log has no
-- foreign key to orgs: its rows, including the org.deleted event, stay.
--
-- The org's storage objects (orgs/<org>/…) cannot be removed by SQL: the same
-- transaction inserts an org_purges row and the maintenance job
-- "maintenance-purge-orgs" removes the objects under the prefix, then marks
-- the row purged (it sweeps the prefix again for a day, then drops the row).

CREATE TABLE org_purges (
    org_id          uuid PRIMARY KEY,           -- the deleted org (no FK: it is gone)
    org_name        text NOT NULL,
    storage_prefix  text NOT NULL,
    requested_by    uuid,                       -- the owner who deleted it (users may be deleted later: no FK)
    requested_at    timestamptz NOT NULL DEFAULT now(),
    purged_at       timestamptz,
    objects_removed bigint NOT NULL DEFAULT 0,
    CONSTRAINT org_purges_prefix_shape CHECK (storage_prefix ~ '^orgs/[0-9a-f-]{36}/$')
);

-- Deletes org p_org when p_actor is one of its owners; returns the org's
-- name, or NULL (and deletes nothing) when the org does not exist, is the
-- system org, or p_actor is not an owner of it. Also queues the storage purge.
CREATE FUNCTION app.org_delete(p_org uuid, p_actor uuid)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_name text;
BEGIN
    IF p_org IS NULL OR p_actor IS NULL OR p_org = '00000000-0000-0000-0000-000000000001'::uuid THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('app.trusted_function', 'on', true);
    SELECT o.name INTO v_name FROM public.orgs o
    WHERE o.id = p_org
      AND EXISTS (SELECT 1 FROM public.memberships m
                  WHERE m.org_id = o.id AND m.user_id = p_actor AND m.role = 'owner')
    FOR UPDATE OF o;
    IF v_name IS NOT NULL THEN
        DELETE FROM public.orgs o WHERE o.id = p_org;
        INSERT INTO public.org_purges (org_id, org_name, storage_prefix, requested_by)
        VALUES (p_org, v_name, 'orgs/' || lower(p_org::text) || '/', p_actor)
        ON CONFLICT (org_id) DO NOTHING;
    END IF;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN v_name;
END
$$;

REVOKE ALL ON FUNCTION app.org_delete(uuid, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.org_delete(uuid, uuid) TO {{app_role}};

-- The maintenance job reads and updates org_purges as the app role; only the
-- function above inserts (a purge must follow a real deletion).
REVOKE INSERT ON org_purges FROM {{app_role}};

COMMENT ON TABLE org_purges IS 'Deleted orgs whose storage objects the maintenance job removes (docs/auth.md, "Deleting an org").';
