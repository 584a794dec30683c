-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0010: the org workspace's content — decks, brand kits and templates with
-- their revisions — and uploaded assets (docs/api-content.md).
--
-- Every table is org-scoped: org_id on each row, ENABLE + FORCE row-level
-- security, one policy on app.current_org() (set per transaction by the
-- server's OrgScope). The app role gets data access through 0001's default
-- privileges; it owns nothing.
--
-- A revision keeps the spec exactly as the client sent it (text: a spec is
-- UTF-8 JSON, which never holds a NUL), so loading a revision gives back the
-- very bytes that were saved. The object row says which revision is current;
-- revisions are never updated or deleted by the API.

-- One table shape per kind of content; the names are the API's (decks,
-- brand-kits → brand_kits, templates).
CREATE TABLE decks (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id           uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    name             text NOT NULL,
    current_revision integer NOT NULL DEFAULT 1,
    created_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    updated_by       uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    CONSTRAINT decks_org_id_key UNIQUE (org_id, id),
    CONSTRAINT decks_name_shape CHECK (char_length(name) BETWEEN 1 AND 200 AND name = btrim(name)
                                       AND name !~ '[[:cntrl:]]'),
    CONSTRAINT decks_revision_positive CHECK (current_revision >= 1)
);

CREATE TABLE deck_revisions (
    org_id     uuid NOT NULL,
    object_id  uuid NOT NULL,
    revision   integer NOT NULL,
    spec       text NOT NULL,
    size       integer NOT NULL,
    sha256     text NOT NULL,
    author     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (object_id, revision),
    FOREIGN KEY (org_id, object_id) REFERENCES decks (org_id, id) ON DELETE CASCADE,
    CONSTRAINT deck_revisions_revision_positive CHECK (revision >= 1),
    CONSTRAINT deck_revisions_size CHECK (size = octet_length(spec)),
    CONSTRAINT deck_revisions_sha256_shape CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

CREATE TABLE brand_kits (LIKE decks INCLUDING DEFAULTS);
ALTER TABLE brand_kits
    ADD PRIMARY KEY (id),
    ADD CONSTRAINT brand_kits_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
    ADD CONSTRAINT brand_kits_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
    ADD CONSTRAINT brand_kits_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
    ADD CONSTRAINT brand_kits_org_id_key UNIQUE (org_id, id),
    ADD CONSTRAINT brand_kits_name_shape CHECK (char_length(name) BETWEEN 1 AND 200 AND name = btrim(name)
                                                AND name !~ '[[:cntrl:]]'),
    ADD CONSTRAINT brand_kits_revision_positive CHECK (current_revision >= 1);

CREATE TABLE brand_kit_revisions (
    org_id     uuid NOT NULL,
    object_id  uuid NOT NULL,
    revision   integer NOT NULL,
    spec       text NOT NULL,
    size       integer NOT NULL,
    sha256     text NOT NULL,
    author     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (object_id, revision),
    FOREIGN KEY (org_id, object_id) REFERENCES brand_kits (org_id, id) ON DELETE CASCADE,
    CONSTRAINT brand_kit_revisions_revision_positive CHECK (revision >= 1),
    CONSTRAINT brand_kit_revisions_size CHECK (size = octet_length(spec)),
    CONSTRAINT brand_kit_revisions_sha256_shape CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

-- Templates: a slide template ("slidespec-template") or a whole deck used as
-- a starting point ("slidespec"); template_kind follows the current revision.
CREATE TABLE templates (LIKE decks INCLUDING DEFAULTS);
ALTER TABLE templates
    ADD COLUMN template_kind text NOT NULL DEFAULT 'slide',
    ADD PRIMARY KEY (id),
    ADD CONSTRAINT templates_org_fk FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
    ADD CONSTRAINT templates_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
    ADD CONSTRAINT templates_updated_by_fk FOREIGN KEY (updated_by) REFERENCES users (id) ON DELETE SET NULL,
    ADD CONSTRAINT templates_org_id_key UNIQUE (org_id, id),
    ADD CONSTRAINT templates_name_shape CHECK (char_length(name) BETWEEN 1 AND 200 AND name = btrim(name)
                                               AND name !~ '[[:cntrl:]]'),
    ADD CONSTRAINT templates_revision_positive CHECK (current_revision >= 1),
    ADD CONSTRAINT templates_kind CHECK (template_kind IN ('slide', 'deck'));

CREATE TABLE template_revisions (
    org_id     uuid NOT NULL,
    object_id  uuid NOT NULL,
    revision   integer NOT NULL,
    spec       text NOT NULL,
    size       integer NOT NULL,
    sha256     text NOT NULL,
    author     uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (object_id, revision),
    FOREIGN KEY (org_id, object_id) REFERENCES templates (org_id, id) ON DELETE CASCADE,
    CONSTRAINT template_revisions_revision_positive CHECK (revision >= 1),
    CONSTRAINT template_revisions_size CHECK (size = octet_length(spec)),
    CONSTRAINT template_revisions_sha256_shape CHECK (sha256 ~ '^[0-9a-f]{64}$')
);

-- Lists: newest first within an org (live or trash), and by name.
CREATE INDEX decks_org_updated_idx ON decks (org_id, updated_at DESC, id DESC);
CREATE INDEX decks_org_name_idx ON decks (org_id, lower(name), id);
CREATE INDEX brand_kits_org_updated_idx ON brand_kits (org_id, updated_at DESC, id DESC);
CREATE INDEX brand_kits_org_name_idx ON brand_kits (org_id, lower(name), id);
CREATE INDEX templates_org_updated_idx ON templates (org_id, updated_at DESC, id DESC);
CREATE INDEX templates_org_name_idx ON templates (org_id, lower(name), id);
CREATE INDEX deck_revisions_org_idx ON deck_revisions (org_id);
CREATE INDEX brand_kit_revisions_org_idx ON brand_kit_revisions (org_id);
CREATE INDEX template_revisions_org_idx ON template_revisions (org_id);

-- Assets: immutable bytes in storage under a content-addressed key
-- (orgs/<org>/assets/<sha256>); one row per org and content (dedup).
CREATE TABLE assets (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id        uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    sha256        text NOT NULL,
    size          bigint NOT NULL,
    content_type  text NOT NULL,
    original_name text NOT NULL,
    storage_key   text NOT NULL,
    sanitized     jsonb NOT NULL DEFAULT '[]'::jsonb,  -- what the SVG sanitiser removed
    created_by    uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT assets_org_sha256_key UNIQUE (org_id, sha256),
    CONSTRAINT assets_sha256_shape CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    CONSTRAINT assets_size CHECK (size >= 0),
    CONSTRAINT assets_name_shape CHECK (char_length(original_name) BETWEEN 1 AND 200
                                        AND original_name = btrim(original_name)
                                        AND original_name !~ '[[:cntrl:]/\\]'),
    CONSTRAINT assets_sanitized_array CHECK (jsonb_typeof(sanitized) = 'array')
);
CREATE INDEX assets_org_created_idx ON assets (org_id, created_at DESC, id DESC);

ALTER TABLE decks ENABLE ROW LEVEL SECURITY;
ALTER TABLE decks FORCE ROW LEVEL SECURITY;
ALTER TABLE deck_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE deck_revisions FORCE ROW LEVEL SECURITY;
ALTER TABLE brand_kits ENABLE ROW LEVEL SECURITY;
ALTER TABLE brand_kits FORCE ROW LEVEL SECURITY;
ALTER TABLE brand_kit_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE brand_kit_revisions FORCE ROW LEVEL SECURITY;
ALTER TABLE templates ENABLE ROW LEVEL SECURITY;
ALTER TABLE templates FORCE ROW LEVEL SECURITY;
ALTER TABLE template_revisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE template_revisions FORCE ROW LEVEL SECURITY;
ALTER TABLE assets ENABLE ROW LEVEL SECURITY;
ALTER TABLE assets FORCE ROW LEVEL SECURITY;

CREATE POLICY decks_org ON decks
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY deck_revisions_org ON deck_revisions
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY brand_kits_org ON brand_kits
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY brand_kit_revisions_org ON brand_kit_revisions
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY templates_org ON templates
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY template_revisions_org ON template_revisions
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY assets_org ON assets
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());

COMMENT ON TABLE decks IS 'Decks of an org; the spec bytes live in deck_revisions. deleted_at set: in the trash.';
COMMENT ON TABLE deck_revisions IS 'Every saved version of a deck, exactly as the client sent it.';
COMMENT ON TABLE brand_kits IS 'Brand kits of an org; the spec bytes live in brand_kit_revisions.';
COMMENT ON TABLE brand_kit_revisions IS 'Every saved version of a brand kit, exactly as the client sent it.';
COMMENT ON TABLE templates IS 'The org''s template gallery: slide templates and deck templates.';
COMMENT ON TABLE template_revisions IS 'Every saved version of a template, exactly as the client sent it.';
COMMENT ON TABLE assets IS 'Uploaded assets: metadata here, bytes in storage under storage_key (content-addressed).';
