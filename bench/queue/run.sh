#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The job queue against pg-boss 10.4.2 and graphile-worker 0.17.3 (npm, Node
# 20, installed into the ignored bench/.peers/queue), one after another on the
# project's PostgreSQL (scripts/pg.sh), each in a fresh database of its own,
# with the same connections and jobs in flight and no-op handlers:
#   (a) enqueue rate of BENCH_QUEUE_JOBS jobs (default 200,000), every
#       system through its batch API, 1,000 jobs per call (Slidespec:
#       JobQueue::enqueueMany); Slidespec's one-call-per-job rate is measured
#       too, on BENCH_QUEUE_SINGLE_JOBS (20,000) jobs of its own,
#   (b) burn-down jobs/s of those jobs (capped at BENCH_QUEUE_BURN_CAP_S),
#   (c) enqueue → handler start latency p50/p95/p99 at a steady
#       BENCH_QUEUE_RATE jobs/s (500) for BENCH_QUEUE_LATENCY_S s (20).
# Prints a markdown table (also bench/results/queue.md). bench/run.sh calls
# it; alone: bench/queue/run.sh. Measures; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

build=${BENCH_QUEUE_BUILD_DIR:-$root/build/release}
if [[ ! -f $build/build.ninja ]]; then
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSLIDESPEC_BUILD_EDITOR=OFF >&2
fi
cmake --build "$build" --target bench_queue -j2 >&2

scripts/pg.sh start >&2
eval "$(scripts/pg.sh env)"
owner_url=$SLIDESPEC_TEST_MIGRATION_DATABASE_URL
base_url=${owner_url%/*}
psql=${SLIDESPEC_PGBIN:-/usr/lib/postgresql/15/bin}/psql

peers=$root/bench/.peers/queue
if [[ ! -d $peers/node_modules/pg-boss || ! -d $peers/node_modules/graphile-worker ]]; then
    echo "[bench] installing pg-boss@10.4.2 and graphile-worker@0.17.3 into bench/.peers/queue" >&2
    mkdir -p "$peers"
    npm install --prefix "$peers" --no-audit --no-fund --silent --save-exact pg-boss@10.4.2 graphile-worker@0.17.3 >&2
fi
export NODE_PATH=$peers/node_modules

export BENCH_QUEUE_JOBS=${BENCH_QUEUE_JOBS:-200000}
export BENCH_QUEUE_CONNECTIONS=${BENCH_QUEUE_CONNECTIONS:-10}
export BENCH_QUEUE_IN_FLIGHT=${BENCH_QUEUE_IN_FLIGHT:-8}
export BENCH_QUEUE_BURN_CAP_S=${BENCH_QUEUE_BURN_CAP_S:-150}
export BENCH_QUEUE_RATE=${BENCH_QUEUE_RATE:-500}
export BENCH_QUEUE_LATENCY_S=${BENCH_QUEUE_LATENCY_S:-20}

# fresh_db NAME — drops and creates a database owned by the schema owner.
fresh_db() {
    "$psql" -X -q -v ON_ERROR_STOP=1 "$owner_url" -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" \
        -c "CREATE DATABASE $1" >/dev/null 2>&1
    echo "$base_url/$1"
}

# run_one LABEL COMMAND... — runs one system, keeps its RESULT line.
declare -A result
run_one() {
    local label=$1; shift
    echo "[bench] queue: $label" >&2
    local out
    out=$("$@" 2>"$root/bench/results/queue-$label.stderr") || {
        echo "[bench] $label failed:" >&2; tail -20 "$root/bench/results/queue-$label.stderr" >&2; return 1; }
    result[$label]=$(grep '^RESULT ' <<<"$out" | tail -1)
    echo "[bench] ${result[$label]}" >&2
}
field() { grep -o "\b$2=[^ ]*" <<<"${result[$1]}" | cut -d= -f2; }
mkdir -p bench/results

BENCH_QUEUE_URL=$(fresh_db bench_queue_slidespec) run_one slidespec "$build/bench/queue/bench_queue"
BENCH_QUEUE_URL=$(fresh_db bench_queue_graphile) run_one graphile node bench/peers/queue/graphile.cjs
# pg-boss with the same 8 in flight sleeps 0.5 s between fetches: 30 s show its rate.
BENCH_QUEUE_URL=$(fresh_db bench_queue_pgboss8) BENCH_QUEUE_BURN_CAP_S=30 \
    run_one pgboss8 node bench/peers/queue/pgboss.cjs
BENCH_QUEUE_URL=$(fresh_db bench_queue_pgboss500) BENCH_QUEUE_PGBOSS_BATCH=500 \
    run_one pgboss500 node bench/peers/queue/pgboss.cjs

# The databases hold hundreds of thousands of finished jobs: drop them.
for db in bench_queue_slidespec bench_queue_graphile bench_queue_pgboss8 bench_queue_pgboss500; do
    "$psql" -X -q "$owner_url" -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
done

row() {
    local label=$1 name=$2 enqueue_api=$3 burn lat
    burn="$(field "$label" burn_rate) jobs/s"
    [[ $(field "$label" burn_capped) == 1 ]] && burn+=" ($(field "$label" burn_jobs) in $(field "$label" burn_s) s, capped)"
    if [[ $(field "$label" lat_n) == 0 ]]; then
        lat="— (cannot sustain $BENCH_QUEUE_RATE jobs/s)"
    else
        lat="$(field "$label" p50_ms) / $(field "$label" p95_ms) / $(field "$label" p99_ms) ms"
    fi
    echo "| $name | $(field "$label" enqueue_rate) jobs/s ($enqueue_api) | $burn | $lat |"
}
{
    echo "## Job queue ($(date -u +%Y-%m-%d), $(nproc) cores, PostgreSQL $("$psql" -X -At "$owner_url" -c 'SHOW server_version'), fsync $("$psql" -X -At "$owner_url" -c 'SHOW fsync'))"
    echo
    echo "$BENCH_QUEUE_JOBS no-op jobs; $BENCH_QUEUE_CONNECTIONS connections and $BENCH_QUEUE_IN_FLIGHT jobs in flight per system unless said; latency at $BENCH_QUEUE_RATE jobs/s for $BENCH_QUEUE_LATENCY_S s."
    echo
    echo "| system | enqueue | burn-down | enqueue → start p50 / p95 / p99 |"
    echo "|---|---:|---:|---:|"
    row slidespec "Slidespec (JobQueue + Worker, concurrency $BENCH_QUEUE_IN_FLIGHT)" "enqueueMany, 1,000 per call, $BENCH_QUEUE_IN_FLIGHT threads; one call per job: $(field slidespec single_rate) jobs/s"
    row graphile "graphile-worker 0.17.3 (concurrency $BENCH_QUEUE_IN_FLIGHT)" "addJobs, 1,000 per call"
    row pgboss8 "pg-boss 10.4.2 (batchSize $BENCH_QUEUE_IN_FLIGHT)" "insert, 1,000 per call"
    row pgboss500 "pg-boss 10.4.2 (batchSize 500: more in flight)" "insert, 1,000 per call"
    echo
    # Ratios of the same run: Slidespec's burn-down and enqueue against the better peer.
    best_burn=0 best_enqueue=0
    for label in graphile pgboss8 pgboss500; do
        b=$(field "$label" burn_rate) e=$(field "$label" enqueue_rate)
        (( ${b:-0} > best_burn )) && best_burn=$b
        (( ${e:-0} > best_enqueue )) && best_enqueue=$e
    done
    awk -v s="$(field slidespec burn_rate)" -v p="$best_burn" -v se="$(field slidespec enqueue_rate)" -v pe="$best_enqueue" \
        'BEGIN { printf "Same run: burn-down %.2f× the better peer (%d vs %d jobs/s); batch enqueue %.2f× (%d vs %d jobs/s).\n", s / p, s, p, se / pe, se, pe }'
} | tee bench/results/queue.md
