-- SPDX-License-Identifier: GPL-3.0-or-later
-- 0032: webhooks and their delivery outbox (docs/operations.md).
--
-- webhooks                    an org's endpoints: URL, events, signing secret.
-- webhook_deliveries          the outbox: one row per (event, webhook),
--                             inserted in the transaction of the change that
--                             caused it, so a rolled-back change sends nothing.
-- webhook_delivery_attempts   the delivery log: one row per HTTP attempt.
--
-- The API works on these tables as the app role under row-level security,
-- scoped to the org. The app role cannot read webhooks.secret (column
-- privileges): the secret is shown once, when created, and only the delivery
-- worker reads it, through app.webhook_claim (SECURITY DEFINER, the pattern
-- of 0005 and 0020). The worker sees every org's due deliveries through the
-- same kind of narrow functions.
--
-- Delivery states: pending → delivering → succeeded | pending (retry later)
-- | failed (attempts exhausted). A 'delivering' row whose lease expired (its
-- worker died) is claimable again.

CREATE TABLE webhooks (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    url         text NOT NULL,
    events      text[] NOT NULL,
    secret      text NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    description text NOT NULL DEFAULT '',
    created_by  uuid REFERENCES users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhooks_url_length CHECK (length(url) BETWEEN 8 AND 2000),
    CONSTRAINT webhooks_events_nonempty CHECK (cardinality(events) BETWEEN 1 AND 64),
    CONSTRAINT webhooks_description_length CHECK (length(description) <= 500)
);
CREATE INDEX webhooks_org_idx ON webhooks (org_id, created_at);

CREATE TABLE webhook_deliveries (
    id               uuid PRIMARY KEY,
    org_id           uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    webhook_id       uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event            text NOT NULL,
    body             text NOT NULL,
    state            text NOT NULL DEFAULT 'pending',
    attempts         integer NOT NULL DEFAULT 0,
    max_attempts     integer NOT NULL DEFAULT 6,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    lease_expires_at timestamptz,
    last_status      integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT webhook_deliveries_state CHECK (state IN ('pending', 'delivering', 'succeeded', 'failed')),
    CONSTRAINT webhook_deliveries_max_attempts CHECK (max_attempts BETWEEN 1 AND 50)
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_lease_idx ON webhook_deliveries (lease_expires_at) WHERE state = 'delivering';
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC, id);

CREATE TABLE webhook_delivery_attempts (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id          uuid NOT NULL REFERENCES orgs (id) ON DELETE CASCADE,
    delivery_id     uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempt         integer NOT NULL,
    response_status integer,
    error           text,
    duration_ms     integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_delivery_attempts_delivery_idx ON webhook_delivery_attempts (delivery_id, attempt);

ALTER TABLE webhooks ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhooks FORCE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_deliveries FORCE ROW LEVEL SECURITY;
ALTER TABLE webhook_delivery_attempts ENABLE ROW LEVEL SECURITY;
ALTER TABLE webhook_delivery_attempts FORCE ROW LEVEL SECURITY;

CREATE POLICY webhooks_org ON webhooks
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY webhooks_trusted ON webhooks TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');
CREATE POLICY webhook_deliveries_org ON webhook_deliveries
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY webhook_deliveries_trusted ON webhook_deliveries TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');
CREATE POLICY webhook_delivery_attempts_org ON webhook_delivery_attempts
    USING (org_id = app.current_org()) WITH CHECK (org_id = app.current_org());
CREATE POLICY webhook_delivery_attempts_trusted ON webhook_delivery_attempts TO CURRENT_USER
    USING (current_setting('app.trusted_function', true) = 'on')
    WITH CHECK (current_setting('app.trusted_function', true) = 'on');

-- The secret is write-only for the server: every column but it is readable.
REVOKE SELECT ON webhooks FROM {{app_role}};
GRANT SELECT (id, org_id, url, events, active, description, created_by, created_at, updated_at)
    ON webhooks TO {{app_role}};
GRANT USAGE, SELECT ON SEQUENCE webhook_delivery_attempts_id_seq TO {{app_role}};

-- Claim up to p_limit due deliveries (pending and due, or delivering with an
-- expired lease), lease them for p_lease_seconds and count the attempt.
-- Returns what the worker needs to send them, the secret included.
CREATE FUNCTION app.webhook_claim(p_limit integer, p_lease_seconds double precision)
    RETURNS TABLE (id uuid, org_id uuid, webhook_id uuid, event text, body text, url text, secret text,
                   attempt integer, max_attempts integer)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    RETURN QUERY
    WITH due AS (
        SELECT d.id FROM public.webhook_deliveries d
        WHERE (d.state = 'pending' AND d.next_attempt_at <= now())
           OR (d.state = 'delivering' AND d.lease_expires_at < now())
        ORDER BY d.next_attempt_at
        LIMIT p_limit
        FOR UPDATE SKIP LOCKED
    ),
    claimed AS (
        UPDATE public.webhook_deliveries d
        SET state = 'delivering',
            attempts = d.attempts + 1,
            lease_expires_at = now() + make_interval(secs => p_lease_seconds),
            updated_at = now()
        FROM due
        WHERE d.id = due.id
        RETURNING d.id, d.org_id, d.webhook_id, d.event, d.body, d.attempts, d.max_attempts
    )
    SELECT c.id, c.org_id, c.webhook_id, c.event, c.body, w.url, w.secret, c.attempts, c.max_attempts
    FROM claimed c JOIN public.webhooks w ON w.id = c.webhook_id;
    PERFORM set_config('app.trusted_function', v_prev, true);
END
$$;

-- Records one attempt of a claimed delivery and moves it on: succeeded; or
-- pending again after p_retry_seconds; or failed when attempts are used up
-- (or p_permanent). Returns the new state.
CREATE FUNCTION app.webhook_finish(p_id uuid, p_attempt integer, p_success boolean, p_status integer,
                                   p_error text, p_duration_ms integer, p_retry_seconds double precision,
                                   p_permanent boolean)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_prev text := coalesce(current_setting('app.trusted_function', true), '');
    v_delivery public.webhook_deliveries;
    v_state text;
BEGIN
    PERFORM set_config('app.trusted_function', 'on', true);
    SELECT * INTO v_delivery FROM public.webhook_deliveries d
    WHERE d.id = p_id AND d.state = 'delivering' AND d.attempts = p_attempt
    FOR UPDATE;
    IF NOT FOUND THEN
        PERFORM set_config('app.trusted_function', v_prev, true);
        RETURN NULL;
    END IF;
    v_state := CASE
        WHEN p_success THEN 'succeeded'
        WHEN p_permanent OR v_delivery.attempts >= v_delivery.max_attempts THEN 'failed'
        ELSE 'pending' END;
    INSERT INTO public.webhook_delivery_attempts (org_id, delivery_id, attempt, response_status, error, duration_ms)
    VALUES (v_delivery.org_id, p_id, p_attempt, p_status, left(p_error, 2000), greatest(0, p_duration_ms));
    UPDATE public.webhook_deliveries d
    SET state = v_state,
        last_status = p_status,
        last_error = CASE WHEN p_success THEN NULL ELSE left(p_error, 2000) END,
        next_attempt_at = CASE WHEN v_state = 'pending'
                               THEN now() + make_interval(secs => greatest(0, p_retry_seconds))
                               ELSE d.next_attempt_at END,
        lease_expires_at = NULL,
        finished_at = CASE WHEN v_state IN ('succeeded', 'failed') THEN now() ELSE NULL END,
        updated_at = now()
    WHERE d.id = p_id;
    PERFORM set_config('app.trusted_function', v_prev, true);
    RETURN v_state;
END
$$;

REVOKE ALL ON FUNCTION app.webhook_claim(integer, double precision) FROM PUBLIC;
REVOKE ALL ON FUNCTION app.webhook_finish(uuid, integer, boolean, integer, text, integer, double precision, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.webhook_claim(integer, double precision) TO {{app_role}};
GRANT EXECUTE ON FUNCTION app.webhook_finish(uuid, integer, boolean, integer, text, integer, double precision, boolean) TO {{app_role}};

COMMENT ON TABLE webhooks IS 'Org webhooks (docs/operations.md). The app role cannot read secret.';
COMMENT ON TABLE webhook_deliveries IS 'Webhook outbox: one row per event and webhook, written in the causing transaction.';
COMMENT ON TABLE webhook_delivery_attempts IS 'Delivery log: one row per HTTP attempt.';
