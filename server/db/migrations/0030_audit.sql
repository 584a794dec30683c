-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0030: the audit log (docs/operations.md).
--
-- One append-only table. The server (app role) may INSERT and SELECT only:
-- UPDATE, DELETE and TRUNCATE are revoked explicitly (the default privileges
-- of 0001 would grant them), so a compromised or buggy server can add to the
-- log but never rewrite it. Retention pruning is an operator's job, as the
-- schema owner.
--
-- org_id is NULL for account-level events (login, password change, …). There
-- is deliberately no foreign key on org_id or actor_user_id: the trail must
-- outlive the org or account it talks about.

CREATE TABLE audit_events (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id         uuid,
    actor_user_id  uuid,
    action         text NOT NULL,
    object_type    text NOT NULL DEFAULT '',
    object_id      text NOT NULL DEFAULT '',
    details        jsonb NOT NULL DEFAULT '{}'::jsonb,
    client_address inet,
    request_id     text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    CONSTRAINT audit_events_action_shape CHECK (action ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' AND length(action) <= 100),
    CONSTRAINT audit_events_object_type_length CHECK (length(object_type) <= 100),
    CONSTRAINT audit_events_object_id_length CHECK (length(object_id) <= 200),
    CONSTRAINT audit_events_request_id_length CHECK (length(request_id) <= 128),
    CONSTRAINT audit_events_details_object CHECK (jsonb_typeof(details) = 'object')
);

-- Listing: an org's events newest first (the id orders them; it is the cursor).
CREATE INDEX audit_events_org_idx ON audit_events (org_id, id DESC);
CREATE INDEX audit_events_org_action_idx ON audit_events (org_id, action, id DESC);
CREATE INDEX audit_events_org_actor_idx ON audit_events (org_id, actor_user_id, id DESC);
CREATE INDEX audit_events_org_object_idx ON audit_events (org_id, object_type, object_id, id DESC);
CREATE INDEX audit_events_account_idx ON audit_events (actor_user_id, id DESC) WHERE org_id IS NULL;

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;

-- Read: the current org's events; outside any org, the user's own
-- account-level events.
CREATE POLICY audit_events_org_read ON audit_events FOR SELECT
    USING (org_id = app.current_org());
CREATE POLICY audit_events_account_read ON audit_events FOR SELECT
    USING (org_id IS NULL AND app.current_org() IS NULL AND actor_user_id = app.current_user());
-- Write: into the current org, or an account-level event (no org). A failed
-- login has no user yet, so account-level inserts need no scope.
CREATE POLICY audit_events_insert ON audit_events FOR INSERT
    WITH CHECK (org_id IS NULL OR org_id = app.current_org());

-- Append-only for the server.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM {{app_role}};
GRANT SELECT, INSERT ON audit_events TO {{app_role}};
GRANT USAGE ON SEQUENCE audit_events_id_seq TO {{app_role}};

COMMENT ON TABLE audit_events IS 'Append-only audit log of security- and admin-relevant actions (docs/operations.md). The app role may only INSERT and SELECT.';
