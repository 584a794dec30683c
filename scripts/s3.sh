#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A private S3-compatible server (s3rver, from npm) for development and the
# storage tests, kept inside the project:
#
#   scripts/s3.sh start   install s3rver if needed, start it, create the test
#                         bucket and wait until it answers (idempotent)
#   scripts/s3.sh stop    stop the server this script started
#   scripts/s3.sh env     print the variables the tests read, as shell lines:
#                         eval "$(scripts/s3.sh env)"
#   scripts/s3.sh status  say whether it runs
#
# Everything lives under .tools/ (gitignored): the npm install in
# .tools/s3rver/, objects in .tools/s3rver-data/PORT/, the pid file and the
# log (.tools/s3rver-PORT.pid, .log).
# Works as root (s3rver is a plain Node process; nothing is installed
# system-wide). s3rver knows one account, S3RVER / S3RVER. Beware: s3rver 3.7.1
# checks only the access key id of a Signature V4 request (an unknown id gets
# InvalidAccessKeyId); it does not recompute V4 signatures, so a wrong secret
# is NOT refused (lib/middleware/authentication.js: "Signature version 4
# calculation is unimplemented"). The signer is checked against AWS's
# published examples instead (tests/server/tst_storages3.cpp).
#
# Settings (environment): SLIDESPEC_S3_PORT (default 54330),
# SLIDESPEC_S3_BUCKET (default slidespec-test).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

version=3.7.1
port="${SLIDESPEC_S3_PORT:-54330}"
bucket="${SLIDESPEC_S3_BUCKET:-slidespec-test}"
address=127.0.0.1
# The service endpoint for virtual-host-style requests: s3rver reads the
# bucket from a Host of the form "<bucket>.s3.<endpoint>" (as AWS does with
# "<bucket>.s3.amazonaws.com"). Nothing needs to resolve these names: the
# client connects to $address and only sends (and signs) the Host header
# (the storage URL's "connect" parameter), so no /etc/hosts entry is needed.
endpoint=localtest
tools="$root/.tools"
prefix="$tools/s3rver"
data="$tools/s3rver-data/$port"
pidfile="$tools/s3rver-$port.pid"
logfile="$tools/s3rver-$port.log"
bin="$prefix/node_modules/.bin/s3rver"

say() { printf '[s3] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

running() {
    [[ -f "$pidfile" ]] || return 1
    local pid
    pid="$(cat "$pidfile")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# HTTP status of a request to the server, or 000 when nothing answers. Uses
# Node (needed for s3rver anyway) rather than curl, which a clean system may
# not have.
http_status() {
    local method="$1" path="$2"
    node -e '
        const req = require("http").request(
            { host: process.argv[1], port: +process.argv[2], method: process.argv[3], path: process.argv[4], timeout: 2000 },
            res => { console.log(res.statusCode); res.resume(); });
        req.on("timeout", () => { req.destroy(); });
        req.on("error", () => console.log("000"));
        req.end();' "$address" "$port" "$method" "$path" 2>/dev/null || echo 000
}

answers() {
    # Any HTTP answer counts (s3rver says 200 to an unsigned ListBuckets).
    local code
    code="$(http_status GET /)"
    [[ "$code" != "000" && -n "$code" ]]
}

bucket_exists() {
    [[ "$(http_status HEAD "/$bucket")" == "200" ]]
}

install() {
    if [[ -x "$bin" ]] && grep -q "\"version\": \"$version\"" "$prefix/node_modules/s3rver/package.json" 2>/dev/null; then
        return
    fi
    command -v node >/dev/null || die "Node.js is not installed (Debian: apt-get install nodejs npm)"
    command -v npm >/dev/null || die "npm is not installed (Debian: apt-get install npm)"
    say "installing s3rver $version into $prefix"
    mkdir -p "$prefix"
    [[ -f "$prefix/package.json" ]] || printf '{ "name": "slidespec-s3rver", "private": true }\n' >"$prefix/package.json"
    # --unsafe-perm is the default for root in npm >= 7; the install runs no
    # scripts of ours.
    npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "s3rver@$version" >&2 \
        || die "npm install s3rver@$version failed (see above)"
}

start() {
    install
    if running && answers; then
        say "s3rver already runs on $address:$port (pid $(cat "$pidfile"))"
    else
        if answers; then
            die "something else answers on $address:$port; set SLIDESPEC_S3_PORT to a free port"
        fi
        mkdir -p "$data"
        say "starting s3rver on $address:$port (data in ${data#"$root"/})"
        # setsid: the server outlives this shell and the CI step that ran it.
        setsid node "$bin" --address "$address" --port "$port" --directory "$data" \
            --service-endpoint "$endpoint" --configure-bucket "$bucket" --silent \
            >"$logfile" 2>&1 </dev/null &
        echo $! >"$pidfile"
        for _ in $(seq 1 100); do
            answers && break
            running || { cat "$logfile" >&2; die "s3rver exited while starting (log above)"; }
            sleep 0.1
        done
        answers || { cat "$logfile" >&2; die "s3rver did not answer on $address:$port within 10 s"; }
    fi
    # --configure-bucket creates the bucket at start-up; wait until it is there.
    for _ in $(seq 1 50); do
        bucket_exists && break
        sleep 0.1
    done
    bucket_exists || die "bucket $bucket does not exist on $address:$port"
    say "ready: bucket $bucket at http://$address:$port"
}

stop() {
    if running; then
        local pid
        pid="$(cat "$pidfile")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        say "stopped s3rver (pid $pid)"
    else
        say "s3rver is not running"
    fi
    rm -f "$pidfile"
}

env_lines() {
    # Path style: the bucket is the first path segment.
    echo "export SLIDESPEC_TEST_S3_URL='s3://S3RVER:S3RVER@$address:$port/$bucket?region=us-east-1&style=path&tls=0'"
    # Virtual-host style: Host is "$bucket.s3.$endpoint:$port", the connection
    # goes to $address.
    echo "export SLIDESPEC_TEST_S3_VHOST_URL='s3://S3RVER:S3RVER@s3.$endpoint:$port/$bucket?region=us-east-1&style=virtual&tls=0&connect=$address'"
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) env_lines ;;
    status)
        if running && answers; then say "running on $address:$port (pid $(cat "$pidfile"))"; else say "not running"; exit 1; fi ;;
    *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
