-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0001: the base every later migration builds on.
--
-- Runs as the schema owner (SLIDESPEC_MIGRATION_DATABASE_URL). The server
-- connects as the app role ({{app_role}}, replaced by the migrator), which
-- owns nothing and does not bypass row-level security: it gets table and
-- sequence access through the default privileges below, for every table a
-- later migration creates.

CREATE EXTENSION IF NOT EXISTS pgcrypto;  -- gen_random_uuid(), digest()

-- Helper functions that row-level security policies use. The server sets the
-- settings per transaction with set_config(..., true) (OrgScope).
CREATE SCHEMA IF NOT EXISTS app;

CREATE OR REPLACE FUNCTION app.current_org() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.org_id', true), '')::uuid $$;

CREATE OR REPLACE FUNCTION app.current_user() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$ SELECT NULLIF(current_setting('app.user_id', true), '')::uuid $$;

COMMENT ON FUNCTION app.current_org() IS 'The org of the current transaction (app.org_id), or NULL.';
COMMENT ON FUNCTION app.current_user() IS 'The user of the current transaction (app.user_id), or NULL.';

-- The app role may use both schemas but create nothing in them.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {{app_role}};
GRANT USAGE ON SCHEMA app TO {{app_role}};
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA app TO {{app_role}};

-- Tables and sequences the owner creates from now on: data access only.
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {{app_role}};
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT USAGE, SELECT ON SEQUENCES TO {{app_role}};
ALTER DEFAULT PRIVILEGES IN SCHEMA public
    GRANT EXECUTE ON FUNCTIONS TO {{app_role}};
ALTER DEFAULT PRIVILEGES IN SCHEMA app
    GRANT EXECUTE ON FUNCTIONS TO {{app_role}};

-- The migrations table itself is read-only for the app role (readiness checks).
GRANT SELECT ON schema_migrations TO {{app_role}};
