-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0031: usage metering and plan quotas (docs/operations.md).
--
-- plans         the plans and their limits (NULL = unlimited); global, read
--               only for the server; operators edit them as the owner.
-- org_plans     which plan an org is on (no row: 'free').
-- usage_daily   per org, kind and UTC day: the amount used that day
--               (exports, previews, downloads: counts; storage_bytes: bytes
--               added that day, net of deletions).
-- usage_totals  per org and kind: running totals (storage_bytes: bytes
--               stored now), for quotas that are not per day.
--
-- Charging is one conditional UPDATE (… SET used = used + n WHERE used + n
-- <= limit): row locks serialise concurrent charges and the condition is
-- re-checked on the latest row, so a quota cannot be overshot by a race.

CREATE TABLE plans (
    name              text PRIMARY KEY,
    display_name      text NOT NULL,
    exports_per_day   bigint,
    previews_per_day  bigint,
    downloads_per_day bigint,
    storage_bytes     bigint,
    CONSTRAINT plans_name_shape CHECK (name ~ '^[a-z][a-z0-9_-]{0,31}$'),
    CONSTRAINT plans_limits_positive CHECK (coalesce(exports_per_day, 0) >= 0 AND coalesce(previews_per_day, 0) >= 0
                                            AND coalesce(downloads_per_day, 0) >= 0 AND coalesce(storage_bytes, 0) >= 0)
);

INSERT INTO plans (name, display_name, exports_per_day, previews_per_day, downloads_per_day, storage_bytes) VALUES
    ('free',       'Free',       20,   200,   500,   1073741824),     -- 1 GiB
    ('team',       'Team',       500,  5000,  20000, 53687091200),    -- 50 GiB
    ('enterprise', 'Enterprise', NULL, NULL,  NULL,  1099511627776);  -- 1 TiB

CREATE TABLE org_plans (
    org_id     uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
    plan       text NOT NULL REFERENCES plans (name),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE usage_daily (
    org_id uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    kind   text NOT NULL,
    day    date NOT NULL,
    used   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (org_id, kind, day),
    CONSTRAINT usage_daily_kind CHECK (kind IN ('exports', 'previews', 'downloads', 'storage_bytes'))
);

CREATE TABLE usage_totals (
    org_id     uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    kind       text NOT NULL,
    used       bigint NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (org_id, kind),
    CONSTRAINT usage_totals_kind CHECK (kind IN ('storage_bytes')),
    CONSTRAINT usage_totals_not_negative CHECK (used >= 0)
);

ALTER TABLE org_plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_plans FORCE ROW LEVEL SECURITY;
ALTER TABLE usage_daily ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_daily FORCE ROW LEVEL SECURITY;
ALTER TABLE usage_totals ENABLE ROW LEVEL SECURITY;
ALTER TABLE usage_totals FORCE ROW LEVEL SECURITY;

CREATE POLICY org_plans_org ON org_plans
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY usage_daily_org ON usage_daily
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY usage_totals_org ON usage_totals
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());

-- The plans are the operator's: the server reads them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON plans FROM {{app_role}};
GRANT SELECT ON plans TO {{app_role}};

COMMENT ON TABLE plans IS 'Plans and their quotas (NULL = unlimited). Edited by operators as the schema owner.';
COMMENT ON TABLE org_plans IS 'The plan of an org; no row means free.';
COMMENT ON TABLE usage_daily IS 'Usage per org, kind and UTC day (docs/operations.md).';
COMMENT ON TABLE usage_totals IS 'Running usage totals per org (storage bytes stored now).';
