-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0005: the few steps that must run before the server knows the user (or
-- across orgs), as narrow SECURITY DEFINER functions owned by the schema
-- owner. Each sets app.trusted_function = 'on' for its own duration only
-- (set_config local to the transaction, put back before returning; an error
-- aborts the (sub)transaction, which restores it too), which the *_trusted
-- policies of 0002-0004 accept for the owner role. (A SET clause on the
-- function would be neater, but PostgreSQL 15 lets only superusers attach a
-- custom setting to a function.) search_path is pinned so no object of the
-- caller's can be substituted. Only the app role may call them.

-- Login: the account for an email (any case), with its password hash.
CREATE FUNCTION app.login_lookup(p_email text)
    RETURNS TABLE (user_id uuid, password_hash text, disabled boolean)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    RETURN QUERY
        SELECT u.id, u.password_hash, u.disabled_at IS NOT NULL
        FROM public.users u
        WHERE lower(u.email) = lower(p_email);
    PERFORM set_config('app.trusted_function', v_prev, true);
END
$$;

-- Signup: whether an email is taken (any case). Signup reveals this anyway
-- through the unique index; this lets it answer before hashing a password.
CREATE FUNCTION app.email_taken(p_email text)
    RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_taken boolean;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    SELECT EXISTS (SELECT 1 FROM public.users u WHERE lower(u.email) = lower(p_email)) INTO v_taken;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN v_taken;
END
$$;

-- A session token's hash → the live session and its user. Touches
-- last_seen_at (and moves the idle expiry, never past the absolute one) at
-- most once a minute, so reads do not write on every request.
CREATE FUNCTION app.resolve_session(p_token_hash bytea, p_idle_seconds integer)
    RETURNS TABLE (session_id uuid, user_id uuid)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_id uuid;
    v_user uuid;
    v_last_seen timestamptz;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    SELECT s.id, s.user_id, s.last_seen_at INTO v_id, v_user, v_last_seen
    FROM public.sessions s
    JOIN public.users u ON u.id = s.user_id
    WHERE s.token_hash = p_token_hash
      AND s.revoked_at IS NULL
      AND s.expires_at > now()
      AND s.idle_expires_at > now()
      AND u.disabled_at IS NULL;
    IF NOT FOUND THEN
        PERFORM set_config('app.trusted_function', v_prev, true);
        RETURN;
    END IF;
    IF v_last_seen < now() - interval '1 minute' THEN
        UPDATE public.sessions s
        SET last_seen_at = now(),
            idle_expires_at = least(s.expires_at, now() + make_interval(secs => p_idle_seconds))
        WHERE s.id = v_id;
    END IF;
    session_id := v_id;
    user_id := v_user;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN NEXT;
END
$$;

-- An API token's hash → the token, its user and its org, while the token is
-- live, the user enabled and still a member of the org. Touches
-- last_used_at at most once a minute.
CREATE FUNCTION app.resolve_api_token(p_token_hash bytea)
    RETURNS TABLE (token_id uuid, user_id uuid, org_id uuid)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_id uuid;
    v_user uuid;
    v_org uuid;
    v_last_used timestamptz;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    SELECT t.id, t.user_id, t.org_id, t.last_used_at INTO v_id, v_user, v_org, v_last_used
    FROM public.api_tokens t
    JOIN public.users u ON u.id = t.user_id
    JOIN public.memberships m ON m.org_id = t.org_id AND m.user_id = t.user_id
    WHERE t.token_hash = p_token_hash
      AND t.revoked_at IS NULL
      AND (t.expires_at IS NULL OR t.expires_at > now())
      AND u.disabled_at IS NULL;
    IF NOT FOUND THEN
        PERFORM set_config('app.trusted_function', v_prev, true);
        RETURN;
    END IF;
    IF v_last_used IS NULL OR v_last_used < now() - interval '1 minute' THEN
        UPDATE public.api_tokens t SET last_used_at = now() WHERE t.id = v_id;
    END IF;
    token_id := v_id;
    user_id := v_user;
    org_id := v_org;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN NEXT;
END
$$;

-- Accepts an invite for the transaction's user (app.current_user(), never a
-- parameter). Returns one row: status is 'accepted', 'already_member',
-- 'not_found', 'revoked', 'used', 'expired' or 'email_mismatch'; org_id and
-- role are set for 'accepted' and 'already_member'. Single use: the invite
-- row is locked and marked used in the same transaction.
CREATE FUNCTION app.accept_invite(p_token_hash bytea)
    RETURNS TABLE (status text, org_id uuid, role text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_user uuid := app.current_user();
    v_invite public.invites%ROWTYPE;
    v_email text;
    v_role text;
    v_status text;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    SELECT * INTO v_invite FROM public.invites i WHERE i.token_hash = p_token_hash FOR UPDATE;
    IF v_user IS NULL OR NOT FOUND THEN
        v_status := 'not_found';
    ELSIF v_invite.revoked_at IS NOT NULL THEN
        v_status := 'revoked';
    ELSIF v_invite.used_at IS NOT NULL THEN
        v_status := 'used';
    ELSIF v_invite.expires_at <= now() THEN
        v_status := 'expired';
    END IF;

    IF v_status IS NULL THEN
        SELECT u.email INTO v_email FROM public.users u WHERE u.id = v_user AND u.disabled_at IS NULL;
        IF v_email IS NULL OR lower(v_email) <> lower(v_invite.email) THEN
            v_status := 'email_mismatch';
        END IF;
    END IF;

    IF v_status IS NULL THEN
        SELECT m.role INTO v_role FROM public.memberships m
        WHERE m.org_id = v_invite.org_id AND m.user_id = v_user;
        IF FOUND THEN
            v_status := 'already_member';
        ELSE
            INSERT INTO public.memberships (org_id, user_id, role)
            VALUES (v_invite.org_id, v_user, v_invite.role);
            v_role := v_invite.role;
            v_status := 'accepted';
        END IF;
        UPDATE public.invites i SET used_at = now(), used_by = v_user WHERE i.id = v_invite.id;
        org_id := v_invite.org_id;
        role := v_role;
    END IF;

    PERFORM set_config('app.trusted_function', v_prev, true);
    status := v_status;
    RETURN NEXT;
END
$$;

REVOKE ALL ON FUNCTION app.login_lookup(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.email_taken(text) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.resolve_session(bytea, integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.resolve_api_token(bytea) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.accept_invite(bytea) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.login_lookup(text) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.email_taken(text) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.resolve_session(bytea, integer) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.resolve_api_token(bytea) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.accept_invite(bytea) TO {{app_role}};
