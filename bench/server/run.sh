#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# HTTP benchmark of the team server with wrk on loopback (issue #4):
#   1. GET a deck, authenticated, paced to ~1,000 requests/s;
#   2. PUT deck revisions with If-Match following the ETag, paced (200/s);
#   3. GET the deck unpaced: the maximum throughput;
#   4. GET paced at a low rate (100/s), for the latency of a server far from
#      saturation.
# Prints a markdown table on stdout; progress goes to stderr. It measures and
# asserts nothing.
#
#   bench/server/run.sh [path/to/slidespec-server]
#
# Builds nothing: the binary defaults to build/release/server/app/slidespec-server.
# Uses the project's private PostgreSQL (scripts/pg.sh) and a database of its
# own, slidespec_bench, dropped and created afresh on every run (and dropped at
# the end). The server gets a temporary secret key, file storage in a temporary
# folder, and its default pool (8 connections, 8 worker threads) and log level
# (info, one JSON line per request, to a file).
#
# Environment: BENCH_SERVER_PORT (18480), BENCH_SERVER_DURATION (20s),
# BENCH_GET_RATE (1000), BENCH_PUT_RATE (200), BENCH_GET_LOW_RATE (100),
# BENCH_KEEP_DB=1 keeps the database.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD

server=${1:-$root/build/release/server/app/slidespec-server}
server=$(realpath "$server")
port=${BENCH_SERVER_PORT:-18480}
duration=${BENCH_SERVER_DURATION:-20s}
get_rate=${BENCH_GET_RATE:-1000}
put_rate=${BENCH_PUT_RATE:-200}
get_low_rate=${BENCH_GET_LOW_RATE:-100}
# GET: 2 wrk threads, 64 connections (each connection ~16 req/s at 1,000/s, so
# pacing, not connections, sets the rate until latency nears 60 ms).
get_threads=2 get_conns=64
# PUT: one connection per thread, one deck per connection, so no two writers
# race for a revision (a 412 here would be a bug); 16 connections at 200/s is
# 12.5 saves/s each, enough until a save takes 80 ms.
put_threads=16
sample=resources/samples/quarterly-review.json
db=slidespec_bench

say() { printf '[bench/server] %s\n' "$*" >&2; }

[[ -x $server ]] || { say "no server binary at $server: build it (scripts/build.sh release) or pass its path"; exit 2; }
for tool in wrk curl jq psql; do
    command -v "$tool" >/dev/null || { say "$tool is missing: run scripts/setup.sh"; exit 2; }
done
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    say "something already listens on 127.0.0.1:$port: set BENCH_SERVER_PORT"; exit 2
fi

work=$(mktemp -d -t slidespec-srv-bench.XXXXXX)
server_pid=
owner_url='' app_url=''
cleanup() {
    if [[ -n $server_pid ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" && wait "$server_pid" 2>/dev/null || true
    fi
    if [[ -n $owner_url && ${BENCH_KEEP_DB:-0} != 1 ]]; then
        psql "${owner_url%/*}/postgres" -q -v ON_ERROR_STOP=1 \
            -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

scripts/pg.sh start >&2
eval "$(scripts/pg.sh env)"
owner_url=${SLIDESPEC_MIGRATION_DATABASE_URL%/*}/$db
app_url=${SLIDESPEC_DATABASE_URL%/*}/$db
say "database $db (fresh)"
psql "${owner_url%/*}/postgres" -q -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db" >&2

head -c 48 /dev/urandom | base64 > "$work/secret.key"
chmod 600 "$work/secret.key"
mkdir -p "$work/storage"
export SLIDESPEC_DATABASE_URL=$app_url
export SLIDESPEC_MIGRATION_DATABASE_URL=$owner_url
export SLIDESPEC_STORAGE_URL=file://$work/storage
export SLIDESPEC_SECRET_KEY_FILE=$work/secret.key
export SLIDESPEC_LISTEN=127.0.0.1:$port
unset SLIDESPEC_TEST_DATABASE_URL SLIDESPEC_TEST_MIGRATION_DATABASE_URL

"$server" migrate 2>"$work/migrate.log" || { say "migrate failed:"; cat "$work/migrate.log" >&2; exit 1; }
"$server" serve 2>"$work/server.log" &
server_pid=$!
base=http://127.0.0.1:$port
for ((i = 0; i < 100; i++)); do
    curl -sf -o /dev/null "$base/readyz" && break
    kill -0 "$server_pid" 2>/dev/null || { say "the server exited:"; tail -20 "$work/server.log" >&2; exit 1; }
    sleep 0.1
done
curl -sf -o /dev/null "$base/readyz" || { say "the server is not ready after 10 s:"; tail -20 "$work/server.log" >&2; exit 1; }
say "server $("$server" --version 2>&1 | head -1) ready on $base (pid $server_pid)"

# api METHOD PATH [curl args…] — JSON answer on stdout; fails loudly on non-2xx.
api() {
    local method=$1 path=$2; shift 2
    local out status
    out=$(curl -s -w '\n%{http_code}' -X "$method" "$base/api/v1$path" "$@")
    status=${out##*$'\n'}
    out=${out%$'\n'*}
    if [[ $status != 2* ]]; then
        say "$method $path → $status: $out"; return 1
    fi
    printf '%s' "$out"
}

# The sample deck, self-contained: the server refuses brandRef, so the brand
# kit it names is embedded (what the desktop app sends).
brand_file=$(dirname "$sample")/$(jq -r .brandRef "$sample")
jq --slurpfile brand "$brand_file" 'del(.brandRef) | .brand = $brand[0]' "$sample" > "$work/deck.json"

password=$(head -c 18 /dev/urandom | base64)
token=$(api POST /auth/signup -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench@example.com\",\"password\":\"$password\",\"displayName\":\"Bench\"}" | jq -r .token)
auth=(-H "Authorization: Bearer $token")
org=$(api POST /orgs "${auth[@]}" -H 'Content-Type: application/json' -d '{"name":"Bench"}' | jq -r .id)
decks=()
for ((i = 0; i < 1 + put_threads; i++)); do
    decks+=("$(api POST "/orgs/$org/decks?name=bench-$i" "${auth[@]}" -H 'Content-Type: application/json' \
        --data-binary "@$work/deck.json" | jq -r .id)")
done
get_bytes=$(curl -sf "${auth[@]}" "$base/api/v1/orgs/$org/decks/${decks[0]}" | wc -c)
say "org $org, ${#decks[@]} decks of $(stat -c %s "$work/deck.json") bytes (GET answers $get_bytes bytes)"

export BENCH_TOKEN=$token BENCH_URL_PATH=/api/v1/orgs/$org/decks BENCH_BODY=$work/deck.json

# bench NAME MODE RATE THREADS CONNECTIONS DURATION DECKS… — runs wrk, keeps its BENCH line.
declare -A result
bench() {
    local name=$1 mode=$2 rate=$3 threads=$4 conns=$5 time=$6; shift 6
    local from
    from=$(wc -l < "$work/server.log")
    say "$name: wrk -t$threads -c$conns -d$time, $mode, rate $rate (0: unpaced), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    BENCH_MODE=$mode BENCH_RATE=$rate BENCH_THREADS=$threads BENCH_DECKS="$*" \
        wrk -t"$threads" -c"$conns" -d"$time" --timeout 5s -s bench/server/deck.lua "$base/" \
        > "$work/$name.out" 2>&1 || { say "wrk failed:"; cat "$work/$name.out" >&2; return 1; }
    result[$name]=$(grep '^BENCH ' "$work/$name.out")
    # The server's own view: latency_ms of its request log lines written during
    # this run (dispatch → response ready: worker-pool queueing and the handler,
    # not the event loop's parsing and writing).
    local to
    to=$(wc -l < "$work/server.log")
    result[$name]+=" $(sed -n "$((from + 1)),${to}p" "$work/server.log" \
        | jq -r 'select(.msg == "request") | .latency_ms' 2>/dev/null | sort -g \
        | awk 'function at(p,  i) { i = int(NR * p + 0.5); return a[i < 1 ? 1 : i] }
               {a[NR] = $1}
               END { if (NR == 0) print "server_p50_ms=? server_p95_ms=? server_p99_ms=?"
                     else printf "server_p50_ms=%s server_p95_ms=%s server_p99_ms=%s", at(0.50), at(0.95), at(0.99) }')"
    say "  ${result[$name]}"
}
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"${result[$1]}"; }

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
# Warm-up (not reported): connections, prepared statements, caches.
bench warmup get 0 2 8 3s "${decks[0]}"
bench get_paced get "$get_rate" "$get_threads" "$get_conns" "$duration" "${decks[0]}"
bench put_paced put "$put_rate" "$put_threads" "$put_threads" "$duration" "${decks[@]:1}"
bench get_max get 0 "$get_threads" "$get_conns" "$duration" "${decks[0]}"
bench get_low get "$get_low_rate" "$get_threads" "$get_conns" "$duration" "${decks[0]}"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# Every successful PUT is one revision: the decks' revisions after the run
# (each started at 1) must add up to the PUTs wrk saw succeed.
revisions=0
for id in "${decks[@]:1}"; do
    r=$(api GET "/orgs/$org/decks/$id/metadata" "${auth[@]}" | jq -r .revision)
    revisions=$((revisions + r - 1))
done
server_errors=$(grep -c '"level":"error"' "$work/server.log" || true)

row() {
    local name=$1 what=$2 offered=$3 errors
    errors="$(field "$name" non2xx3xx) non-2xx, $(field "$name" socket_errors) socket errors, $(field "$name" timeouts) timeouts"
    if [[ $name == put_* ]]; then
        errors+="; $(field "$name" ok) saved, $(field "$name" conflicts) × 412, $(field "$name" other) other"
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s / %s / %s | %s |\n' "$what" "$offered" \
        "$(field "$name" rate)" "$(field "$name" p50_ms)" "$(field "$name" p95_ms)" \
        "$(field "$name" p99_ms)" "$(field "$name" max_ms)" "$(field "$name" server_p50_ms)" \
        "$(field "$name" server_p95_ms)" "$(field "$name" server_p99_ms)" "$errors"
}

echo "## Team server over HTTP ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average $load_before before, $load_after after)"
echo
echo "| run | offered | achieved req/s | p50 ms | p95 ms | p99 ms | max ms | server p50 / p95 / p99 ms | errors |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---|"
row get_paced "GET deck (wrk -t$get_threads -c$get_conns, $duration)" "$get_rate/s"
row put_paced "PUT revision, If-Match (wrk -t$put_threads -c$put_threads, one deck each, $duration)" "$put_rate/s"
row get_max "GET deck, unpaced (wrk -t$get_threads -c$get_conns, $duration)" "max"
row get_low "GET deck, low rate (wrk -t$get_threads -c$get_conns, $duration)" "$get_low_rate/s"
echo
echo "Deck: $sample with its brand kit embedded, $(stat -c %s "$work/deck.json") bytes; GET answers $get_bytes bytes."
echo "New revisions in the database after the run: $revisions (PUTs answered 2xx: $(field put_paced ok)); server log lines at level error: $server_errors."
echo "Latencies are wrk's, from each request's write to its response (coordinated omission: a send slot"
echo "missed while every connection waited is dropped, not timed; compare achieved with offered). The server"
echo "columns are the latency_ms of its request log (dispatch → response ready) for the same run. wrk stops"
echo "with up to one PUT per connection in flight: the server may have saved those without wrk counting them."
