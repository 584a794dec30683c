#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# What the job webhook trigger costs each final transition (docs/queue.md,
# "Webhooks"): 10,000 running jobs of an org without webhooks are set to
# `succeeded` in one UPDATE, best of BENCH_TRIGGER_RUNS (5) timings, with
#   - the trigger of migration 0037 (looks for a subscribed webhook first),
#   - the trigger of migration 0036 (built the event's JSON first),
#   - no webhook trigger at all.
# The difference to "none", divided by 10,000, is the trigger's cost per job.
# Uses the project's PostgreSQL (scripts/pg.sh) and a fresh database
# migrated by slidespec-server. Measures; asserts nothing.
#
#   bench/queue/trigger_cost.sh [build-dir]     (default build/release)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
server=$build/server/app/slidespec-server
[[ -x $server ]] || { echo "no $server: build the slidespec-server target first" >&2; exit 2; }
runs=${BENCH_TRIGGER_RUNS:-5}
scripts/pg.sh start >&2
eval "$(scripts/pg.sh env)"
owner_url=$SLIDESPEC_TEST_MIGRATION_DATABASE_URL
base_url=${owner_url%/*}
db=bench_trigger_cost
psql=${SLIDESPEC_PGBIN:-/usr/lib/postgresql/15/bin}/psql
export PGOPTIONS="-c client_min_messages=warning"
"$psql" -X -q -v ON_ERROR_STOP=1 "$owner_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >/dev/null
url=$base_url/$db
SLIDESPEC_MIGRATION_DATABASE_URL=$url "$server" migrate >/dev/null 2>&1 \
    || { echo "migrating $db failed" >&2; exit 1; }
q() { "$psql" -X -q -v ON_ERROR_STOP=1 "$url" "$@"; }
q -c "SET app.trusted_function = 'on'" \
  -c "INSERT INTO orgs (id, name, slug) VALUES ('11111111-1111-1111-1111-111111111111', 'Bench', 'bench')" >/dev/null

# best_ms LABEL — the best of $runs timings of the UPDATE.
best_ms() {
    local best=
    for _ in $(seq 1 "$runs"); do
        q -c "TRUNCATE jobs CASCADE" -c "INSERT INTO jobs (kind, org_id, state, attempts, lease_owner, lease_expires_at)
              SELECT 'export-pptx', '11111111-1111-1111-1111-111111111111', 'running', 1, 'w', now() + interval '1 hour'
              FROM generate_series(1, 10000)" >/dev/null
        local ms
        ms=$(q -c '\timing on' -c "UPDATE jobs SET state = 'succeeded', finished_at = now()" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p')
        if [[ -z $best ]] || awk "BEGIN { exit !($ms < $best) }"; then best=$ms; fi
    done
    echo "$best"
}

now=$(best_ms)
sed -n '/^CREATE FUNCTION app.jobs_emit_webhook/,/^\$\$;/p' server/db/migrations/0036_job_webhooks.sql \
    | sed 's/^CREATE FUNCTION/CREATE OR REPLACE FUNCTION/' | q >/dev/null
before=$(best_ms)
q -c "ALTER TABLE jobs DISABLE TRIGGER jobs_webhook_final" >/dev/null
none=$(best_ms)
"$psql" -X -q "$owner_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null

per_job() { awk "BEGIN { printf \"%.1f\", ($1 - $none) * 1000 / 10000 }"; }
echo "| webhook trigger | 10,000 final transitions (best of $runs) | cost per job |"
echo "|---|---:|---:|"
echo "| 0037 (current) | $now ms | $(per_job "$now") µs |"
echo "| 0036 (before) | $before ms | $(per_job "$before") µs |"
echo "| none | $none ms | — |"
