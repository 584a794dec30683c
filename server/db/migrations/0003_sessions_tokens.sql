-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0003: login sessions and personal API tokens. Only SHA-256 hashes of the
-- tokens are stored (32 bytes); the secrets exist only on the client.

CREATE TABLE sessions (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id         uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash      bytea NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_seen_at    timestamptz NOT NULL DEFAULT now(),
    idle_expires_at timestamptz NOT NULL,  -- moved forward when last_seen_at is touched
    expires_at      timestamptz NOT NULL,  -- absolute: never moves
    revoked_at      timestamptz,
    user_agent      text NOT NULL DEFAULT '',
    address         text NOT NULL DEFAULT '',
    CONSTRAINT sessions_token_hash_length CHECK (length(token_hash) = 32),
    CONSTRAINT sessions_user_agent_length CHECK (length(user_agent) <= 512),
    CONSTRAINT sessions_address_length CHECK (length(address) <= 64)
);
CREATE UNIQUE INDEX sessions_token_hash_key ON sessions (token_hash);
CREATE INDEX sessions_user_live_idx ON sessions (user_id) WHERE revoked_at IS NULL;

CREATE TABLE api_tokens (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id      uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    org_id       uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name         text NOT NULL,
    token_hash   bytea NOT NULL,
    hint         text NOT NULL,  -- the first characters of the token, to recognise it in lists
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    expires_at   timestamptz,    -- NULL: until revoked
    revoked_at   timestamptz,
    CONSTRAINT api_tokens_name_length CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    CONSTRAINT api_tokens_token_hash_length CHECK (length(token_hash) = 32),
    CONSTRAINT api_tokens_hint_length CHECK (length(hint) <= 12)
);
CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash);
CREATE INDEX api_tokens_user_idx ON api_tokens (user_id);
CREATE INDEX api_tokens_org_idx ON api_tokens (org_id);

ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;

-- sessions: the user's own, whatever the org.
CREATE POLICY sessions_self ON sessions
    USING (user_id = app.current_user())
    WITH CHECK (user_id = app.current_user());
CREATE POLICY sessions_trusted ON sessions TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');

-- api_tokens: in an org, that org's tokens; outside any org, the user's own.
CREATE POLICY api_tokens_org ON api_tokens
    USING (org_id = app.current_org())
    WITH CHECK (org_id = app.current_org());
CREATE POLICY api_tokens_mine ON api_tokens
    USING (app.current_org() IS NULL AND user_id = app.current_user())
    WITH CHECK (app.current_org() IS NULL AND user_id = app.current_user());
CREATE POLICY api_tokens_trusted ON api_tokens TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');
