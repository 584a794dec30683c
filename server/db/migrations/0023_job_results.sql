-- SPDX-License-Identifier: GPL-3.0-or-later
-- Results of render jobs (preview, export-pptx, export-pdf), keyed by what
-- was rendered: (org, deck, revision, kind, options). A job that runs again
-- (after a crash, a lost lease, an admin retry) upserts the same row, so a
-- result is never duplicated. The output files are rows of `assets`
-- (content-addressed, deduplicated per org by sha256), listed in `outputs`.
CREATE TABLE job_results (
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    deck_id      uuid NOT NULL,
    revision     integer NOT NULL,
    kind         text NOT NULL,
    options_key  text NOT NULL,            -- canonical (sorted, compact) JSON of the options
    options      jsonb NOT NULL DEFAULT '{}'::jsonb,
    outputs      jsonb NOT NULL DEFAULT '[]'::jsonb, -- [{name, assetId, sha256, size, contentType, …}]
    job_id       bigint,                   -- the job that wrote it last (jobs are pruned; no FK)
    runs         integer NOT NULL DEFAULT 1, -- how many times a job wrote it
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT job_results_key UNIQUE (org_id, deck_id, revision, kind, options_key),
    CONSTRAINT job_results_revision CHECK (revision >= 1),
    CONSTRAINT job_results_outputs_array CHECK (jsonb_typeof(outputs) = 'array')
);

ALTER TABLE job_results ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_results FORCE ROW LEVEL SECURITY;
CREATE POLICY job_results_org ON job_results
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());

COMMENT ON TABLE job_results IS 'One result per (deck revision, job kind, options); re-runs overwrite it (docs/queue.md).';
