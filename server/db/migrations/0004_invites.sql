-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0004: invites to an org: single use, expiring, revocable; the token is
-- stored as its SHA-256 hash only.

CREATE TABLE invites (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    email       text NOT NULL,
    role        text NOT NULL,
    token_hash  bytea NOT NULL,
    created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    used_by     uuid REFERENCES users (id) ON DELETE SET NULL,
    revoked_at  timestamptz,
    CONSTRAINT invites_email_shape CHECK (length(email) BETWEEN 3 AND 254 AND strpos(email, '@') > 1),
    CONSTRAINT invites_role CHECK (role IN ('owner', 'admin', 'editor', 'viewer')),
    CONSTRAINT invites_token_hash_length CHECK (length(token_hash) = 32)
);
CREATE UNIQUE INDEX invites_token_hash_key ON invites (token_hash);
CREATE INDEX invites_org_idx ON invites (org_id, created_at DESC);

ALTER TABLE invites ENABLE ROW LEVEL SECURITY;
ALTER TABLE invites FORCE ROW LEVEL SECURITY;

CREATE POLICY invites_org ON invites
    USING (org_id = app.current_org())
    WITH CHECK (org_id = app.current_org());
CREATE POLICY invites_trusted ON invites TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');
