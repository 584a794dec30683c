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
# system-wide). s3rver knows one account, S3RVER / S3RVER.
#
# s3rver 3.7.1 checks only the access key id of a Signature V4 request; it
# does not recompute the signature (lib/middleware/authentication.js:
# "Signature version 4 calculation is unimplemented"), so a wrongly signing
# client would pass against it. The plain-HTTP URLs the tests get therefore
# go through scripts/s3-sigv4-gateway.cjs, which recomputes every request's
# signature with AWS's own signer (@smithy/signature-v4, installed next to
# s3rver), refuses mismatches with SignatureDoesNotMatch as S3 does, and
# forwards the rest to s3rver.
#
# Processes: s3rver over plain HTTP on SLIDESPEC_S3_PORT (default 54330),
# the checking gateway in front of it on SLIDESPEC_S3_SIGNED_PORT (default
# 54334; SLIDESPEC_TEST_S3_URL and SLIDESPEC_TEST_S3_VHOST_URL point here),
# and s3rver over HTTPS on SLIDESPEC_S3_TLS_PORT (default 54332) with a
# self-signed certificate for localhost / 127.0.0.1 made with openssl in
# .tools/s3rver-tls/ (the tests trust it through the storage URL's ca_file;
# signatures are not recomputed on this one). The bucket is
# SLIDESPEC_S3_BUCKET (default slidespec-test).
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

version=3.7.1
signer_version=5.7.5   # @smithy/signature-v4
protocol_version=5.6.2 # @smithy/protocol-http
port="${SLIDESPEC_S3_PORT:-54330}"
signed_port="${SLIDESPEC_S3_SIGNED_PORT:-54334}"
tls_port="${SLIDESPEC_S3_TLS_PORT:-54332}"
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
tls_dir="$tools/s3rver-tls"
bin="$prefix/node_modules/.bin/s3rver"

say() { printf '[s3] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

pidfile() { echo "$tools/s3rver-$1.pid"; }
logfile() { echo "$tools/s3rver-$1.log"; }

running() { # PORT
    local file pid
    file="$(pidfile "$1")"
    [[ -f "$file" ]] || return 1
    pid="$(cat "$file")"
    [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null
}

# HTTP status of a request to an instance, or 000 when nothing answers. Uses
# Node (needed for s3rver anyway) rather than curl, which a clean system may
# not have. TLS probes do not check the certificate (it is ours).
http_status() { # PORT SCHEME METHOD PATH
    node -e '
        const [host, port, scheme, method, path] = process.argv.slice(1);
        const req = require(scheme).request(
            { host, port: +port, method, path, timeout: 2000, rejectUnauthorized: false },
            res => { console.log(res.statusCode); res.resume(); });
        req.on("timeout", () => { req.destroy(); });
        req.on("error", () => console.log("000"));
        req.end();' "$address" "$1" "$2" "$3" "$4" 2>/dev/null || echo 000
}

answers() { # PORT SCHEME — any HTTP answer counts
    local code
    code="$(http_status "$1" "$2" GET /)"
    [[ "$code" != "000" && -n "$code" ]]
}

bucket_exists() { # PORT SCHEME
    [[ "$(http_status "$1" "$2" HEAD "/$bucket")" == "200" ]]
}

has_package() { # NAME VERSION
    grep -q "\"version\": \"$2\"" "$prefix/node_modules/$1/package.json" 2>/dev/null
}

install() {
    if [[ -x "$bin" ]] && has_package s3rver "$version" \
        && has_package @smithy/signature-v4 "$signer_version" && has_package @smithy/protocol-http "$protocol_version"; then
        return
    fi
    command -v node >/dev/null || die "Node.js is not installed (Debian: apt-get install nodejs npm)"
    command -v npm >/dev/null || die "npm is not installed (Debian: apt-get install npm)"
    say "installing s3rver $version and the SigV4 checker into $prefix"
    mkdir -p "$prefix"
    [[ -f "$prefix/package.json" ]] || printf '{ "name": "slidespec-s3rver", "private": true }\n' >"$prefix/package.json"
    npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "s3rver@$version" \
        "@smithy/signature-v4@$signer_version" "@smithy/protocol-http@$protocol_version" >&2 \
        || die "npm install of s3rver and @smithy/signature-v4 failed (see above)"
}

certificate() {
    [[ -s "$tls_dir/cert.pem" && -s "$tls_dir/key.pem" ]] && return
    command -v openssl >/dev/null || die "openssl is not installed (Debian: apt-get install openssl)"
    mkdir -p "$tls_dir"
    say "making a self-signed certificate for localhost and $address in ${tls_dir#"$root"/}"
    openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -subj "/CN=localhost" \
        -addext "subjectAltName=DNS:localhost,IP:$address" \
        -keyout "$tls_dir/key.pem" -out "$tls_dir/cert.pem" 2>/dev/null \
        || die "openssl could not make the certificate"
}

start_instance() { # PORT SCHEME [extra s3rver options...]
    local p="$1" scheme="$2"
    shift 2
    local data="$tools/s3rver-data/$p" log
    log="$(logfile "$p")"
    if running "$p" && answers "$p" "$scheme"; then
        say "s3rver already runs on $scheme://$address:$p (pid $(cat "$(pidfile "$p")"))"
    else
        if answers "$p" http || answers "$p" https; then
            die "something else answers on $address:$p; set SLIDESPEC_S3_PORT / SLIDESPEC_S3_TLS_PORT to free ports"
        fi
        mkdir -p "$data"
        say "starting s3rver on $scheme://$address:$p (data in ${data#"$root"/})"
        # setsid: the server outlives this shell and the CI step that ran it.
        setsid node "$bin" --address "$address" --port "$p" --directory "$data" \
            --service-endpoint "$endpoint" --configure-bucket "$bucket" --silent "$@" \
            >"$log" 2>&1 </dev/null &
        echo $! >"$(pidfile "$p")"
        for _ in $(seq 1 100); do
            answers "$p" "$scheme" && break
            running "$p" || { cat "$log" >&2; die "s3rver exited while starting (log above)"; }
            sleep 0.1
        done
        answers "$p" "$scheme" || { cat "$log" >&2; die "s3rver did not answer on $address:$p within 10 s"; }
    fi
    # --configure-bucket creates the bucket at start-up; wait until it is there.
    for _ in $(seq 1 50); do
        bucket_exists "$p" "$scheme" && break
        sleep 0.1
    done
    bucket_exists "$p" "$scheme" || die "bucket $bucket does not exist on $address:$p"
    say "ready: bucket $bucket at $scheme://$address:$p"
}

stop_instance() { # PORT
    local file pid
    file="$(pidfile "$1")"
    if running "$1"; then
        pid="$(cat "$file")"
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
        say "stopped the server on port $1 (pid $pid)"
    else
        say "nothing of ours runs on port $1"
    fi
    rm -f "$file"
}

start_gateway() {
    local log
    log="$(logfile "$signed_port")"
    if running "$signed_port" && answers "$signed_port" http; then
        say "SigV4 gateway already runs on http://$address:$signed_port (pid $(cat "$(pidfile "$signed_port")"))"
        return
    fi
    answers "$signed_port" http && die "something else answers on $address:$signed_port; set SLIDESPEC_S3_SIGNED_PORT to a free port"
    say "starting the SigV4 gateway on http://$address:$signed_port -> s3rver on port $port"
    NODE_PATH="$prefix/node_modules" setsid node "$root/scripts/s3-sigv4-gateway.cjs" \
        "$address" "$signed_port" "$address" "$port" S3RVER S3RVER >"$log" 2>&1 </dev/null &
    echo $! >"$(pidfile "$signed_port")"
    for _ in $(seq 1 100); do
        answers "$signed_port" http && break
        running "$signed_port" || { cat "$log" >&2; die "the SigV4 gateway exited while starting (log above)"; }
        sleep 0.1
    done
    answers "$signed_port" http || { cat "$log" >&2; die "the SigV4 gateway did not answer within 10 s"; }
    say "ready: signatures checked on http://$address:$signed_port"
}

start() {
    install
    certificate
    start_instance "$port" http
    start_gateway
    start_instance "$tls_port" https --key "$tls_dir/key.pem" --cert "$tls_dir/cert.pem"
}

stop() {
    stop_instance "$signed_port"
    stop_instance "$port"
    stop_instance "$tls_port"
}

env_lines() {
    # Path style: the bucket is the first path segment. Through the gateway,
    # so every signature is recomputed.
    echo "export SLIDESPEC_TEST_S3_URL='s3://S3RVER:S3RVER@$address:$signed_port/$bucket?region=us-east-1&style=path&tls=0'"
    # Virtual-host style: Host is "$bucket.s3.$endpoint:$signed_port", the
    # connection goes to $address (the gateway passes Host on to s3rver).
    echo "export SLIDESPEC_TEST_S3_VHOST_URL='s3://S3RVER:S3RVER@s3.$endpoint:$signed_port/$bucket?region=us-east-1&style=virtual&tls=0&connect=$address'"
    # HTTPS, the certificate checked against our self-signed one.
    echo "export SLIDESPEC_TEST_S3_TLS_URL='s3://S3RVER:S3RVER@localhost:$tls_port/$bucket?region=us-east-1&style=path&tls=1&ca_file=$tls_dir/cert.pem'"
}

status() {
    local rc=0
    if running "$port" && answers "$port" http; then say "running on http://$address:$port"; else say "not running on port $port"; rc=1; fi
    if running "$signed_port" && answers "$signed_port" http; then say "SigV4 gateway on http://$address:$signed_port"; else say "SigV4 gateway not running on port $signed_port"; rc=1; fi
    if running "$tls_port" && answers "$tls_port" https; then say "running on https://$address:$tls_port"; else say "not running on port $tls_port"; rc=1; fi
    return $rc
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    env) env_lines ;;
    status) status ;;
    *) echo "usage: $0 start|stop|env|status" >&2; exit 2 ;;
esac
