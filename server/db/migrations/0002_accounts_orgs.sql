-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0002: users, orgs and memberships, with row-level security.
--
-- Every table here has ENABLE + FORCE ROW LEVEL SECURITY: even the owner
-- role sees nothing unless a policy allows it. Policies read the
-- transaction's scope (app.current_user(), app.current_org(), set by the
-- server's OrgScope). The narrow SECURITY DEFINER functions of 0005 (login,
-- session and token resolution, invite acceptance) run as the owner with
-- app.trusted_function = 'on', which the *_trusted policies allow; the app
-- role can set that setting too, but those policies apply to the owner role
-- only. docs/auth.md explains the design.

CREATE TABLE users (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email         text NOT NULL,
    display_name  text NOT NULL DEFAULT '',
    password_hash text NOT NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    disabled_at   timestamptz,
    CONSTRAINT users_email_shape CHECK (length(email) BETWEEN 3 AND 254 AND strpos(email, '@') > 1),
    CONSTRAINT users_display_name_length CHECK (length(display_name) <= 200)
);
-- Emails are unique whatever their case; the address is kept as typed.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));

CREATE TABLE orgs (
    id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name       text NOT NULL,
    slug       text NOT NULL,
    settings   jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_by uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orgs_name_length CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    CONSTRAINT orgs_slug_shape CHECK (slug ~ '^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$'),
    CONSTRAINT orgs_settings_object CHECK (jsonb_typeof(settings) = 'object')
);
CREATE UNIQUE INDEX orgs_slug_key ON orgs (slug);

CREATE TABLE memberships (
    org_id     uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    user_id    uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, user_id),
    CONSTRAINT memberships_role CHECK (role IN ('owner', 'admin', 'editor', 'viewer'))
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

ALTER TABLE users ENABLE ROW LEVEL SECURITY;
ALTER TABLE users FORCE ROW LEVEL SECURITY;
ALTER TABLE orgs ENABLE ROW LEVEL SECURITY;
ALTER TABLE orgs FORCE ROW LEVEL SECURITY;
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;

-- memberships: the current org's members; outside any org, the user's own.
CREATE POLICY memberships_org ON memberships
    USING (org_id = app.current_org())
    WITH CHECK (org_id = app.current_org());
CREATE POLICY memberships_mine ON memberships FOR SELECT
    USING (app.current_org() IS NULL AND user_id = app.current_user());
CREATE POLICY memberships_trusted ON memberships TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');

-- users: oneself, and the members of the current org (read only).
CREATE POLICY users_self ON users
    USING (id = app.current_user())
    WITH CHECK (id = app.current_user());
CREATE POLICY users_org_members ON users FOR SELECT
    USING (EXISTS (SELECT 1 FROM memberships m
                   WHERE m.user_id = users.id AND m.org_id = app.current_org()));
CREATE POLICY users_trusted ON users TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');

-- orgs: the current org; outside any org, the orgs the user belongs to.
CREATE POLICY orgs_current ON orgs
    USING (id = app.current_org())
    WITH CHECK (id = app.current_org());
CREATE POLICY orgs_mine ON orgs FOR SELECT
    USING (app.current_org() IS NULL
           AND EXISTS (SELECT 1 FROM memberships m
                       WHERE m.org_id = orgs.id AND m.user_id = app.current_user()));
CREATE POLICY orgs_trusted ON orgs TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');

COMMENT ON TABLE users IS 'Accounts. password_hash is an argon2id PHC string (libsodium crypto_pwhash_str).';
COMMENT ON TABLE orgs IS 'Tenants. Every org-scoped table references orgs(id) as org_id.';
COMMENT ON TABLE memberships IS 'Who belongs to which org, with which role (docs/permissions.md).';
