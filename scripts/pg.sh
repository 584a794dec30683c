#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A private PostgreSQL 15 cluster for development and tests, in a data folder
# of the project. Usage:
#   scripts/pg.sh start    # initialise (first time), start, create roles and databases
#   scripts/pg.sh stop
#   scripts/pg.sh status   # exit 0 when running
#   scripts/pg.sh env      # export lines: eval "$(scripts/pg.sh env)"
#
# Environment: SLIDESPEC_PGDATA (default <repo>/.pgdata), SLIDESPEC_PGPORT
# (default 54329), SLIDESPEC_PGBIN (default /usr/lib/postgresql/15/bin).
#
# The cluster listens on 127.0.0.1 and on a unix socket inside the data folder.
# Local authentication is `trust` on loopback and the socket only: this is a
# development and test cluster, never a production one (production connects
# with passwords carried by the database URL, see docs/server.md).
#
# Roles: slidespec_owner owns the schema and runs migrations; slidespec_app is
# what the server connects as (LOGIN, NOSUPERUSER, NOBYPASSRLS, owns nothing),
# so row-level security applies to it. Databases slidespec and slidespec_test
# are owned by slidespec_owner, which here may also create databases (the
# tests make one per run from slidespec_test's URL).
#
# PostgreSQL refuses to run as root: when run as root, the binaries run as the
# `postgres` system user and the data folder belongs to it.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
pgdata=${SLIDESPEC_PGDATA:-$root_dir/.pgdata}
pgport=${SLIDESPEC_PGPORT:-54329}
pgbin=${SLIDESPEC_PGBIN:-/usr/lib/postgresql/15/bin}
superuser=slidespec_admin

say() { printf '[pg] %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

# Absolute data path: the socket directory and pg_ctl need one.
case "$pgdata" in
    /*) ;;
    *) pgdata="$PWD/$pgdata" ;;
esac

# As root, the postgres user must reach the data folder. A checkout under a
# private home (/root is mode 700) cannot host it: fall back to a folder
# outside, named after the checkout, and say so.
if [[ $(id -u) -eq 0 && -z ${SLIDESPEC_PGDATA:-} ]] && id postgres >/dev/null 2>&1 \
    && ! runuser -u postgres -- test -x "$(dirname "$pgdata")" 2>/dev/null; then
    pgdata="/var/tmp/slidespec-pgdata-$(printf '%s' "$root_dir" | sha256sum | cut -c1-12)"
    printf '[pg] %s\n' "the postgres user cannot enter $root_dir; using $pgdata (set SLIDESPEC_PGDATA to choose)" >&2
fi

as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' system user (install postgresql-15)"
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

[[ -x "$pgbin/pg_ctl" ]] || die "PostgreSQL binaries not found in $pgbin (install postgresql-15 or set SLIDESPEC_PGBIN)"

psql_admin() {
    # Superuser connection over the socket in the data folder.
    as_pg "$pgbin/psql" -X -q -v ON_ERROR_STOP=1 -h "$pgdata" -p "$pgport" -U "$superuser" "$@"
}

is_running() {
    [[ -f "$pgdata/PG_VERSION" ]] && as_pg "$pgbin/pg_ctl" -D "$pgdata" status >/dev/null 2>&1
}

init_cluster() {
    say "initialising a PostgreSQL 15 cluster in $pgdata"
    mkdir -p "$pgdata"
    if [[ $(id -u) -eq 0 ]]; then
        chown postgres:postgres "$pgdata"
    fi
    chmod 700 "$pgdata"
    as_pg "$pgbin/initdb" -D "$pgdata" -U "$superuser" --auth-local=trust --auth-host=trust \
        --encoding=UTF8 --locale=C.UTF-8 >"$pgdata.initdb.log" 2>&1 \
        || { cat "$pgdata.initdb.log" >&2; die "initdb failed"; }
    rm -f "$pgdata.initdb.log"
    # Loopback and the socket only; trust is for this local cluster alone.
    as_pg sh -c "cat > '$pgdata/pg_hba.conf'" <<'EOF'
# Slidespec development/test cluster: loopback and unix socket only, trust.
# Production uses passwords (scram-sha-256) carried by the database URL.
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
host    all   all   ::1/128       trust
EOF
}

write_settings() {
    # Rewritten on every start so a changed port or folder takes effect.
    as_pg sh -c "cat > '$pgdata/postgresql.auto.conf'" <<EOF
# Written by scripts/pg.sh
listen_addresses = '127.0.0.1'
port = $pgport
unix_socket_directories = '$pgdata'
max_connections = 200
shared_buffers = 64MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
EOF
}

ensure_roles_and_databases() {
    psql_admin -d postgres <<'EOF'
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'slidespec_owner') THEN
        CREATE ROLE slidespec_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'slidespec_app') THEN
        CREATE ROLE slidespec_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
    END IF;
END
$$;
-- Keep the attributes right even on a cluster made by an older script.
ALTER ROLE slidespec_app NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
-- CREATEDB lets the test suite make one database per test run (this local
-- cluster only; a production owner role needs no CREATEDB).
ALTER ROLE slidespec_owner NOSUPERUSER NOBYPASSRLS CREATEDB;
EOF
    local db
    for db in slidespec slidespec_test; do
        if [[ -z $(psql_admin -d postgres -At -c "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
            say "creating database $db"
            psql_admin -d postgres -c "CREATE DATABASE $db OWNER slidespec_owner"
        fi
        psql_admin -d "$db" <<EOF
REVOKE ALL ON DATABASE $db FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE $db TO slidespec_app;
GRANT ALL ON DATABASE $db TO slidespec_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
EOF
    done
}

cmd_start() {
    [[ -f "$pgdata/PG_VERSION" ]] || init_cluster
    if is_running; then
        say "already running on 127.0.0.1:$pgport (data: $pgdata)"
    else
        write_settings
        as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start >/dev/null \
            || { tail -n 30 "$pgdata/server.log" >&2 || true; die "the server did not start (log: $pgdata/server.log)"; }
        say "started on 127.0.0.1:$pgport (data: $pgdata, socket in it)"
    fi
    ensure_roles_and_databases
}

cmd_stop() {
    if is_running; then
        as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null
        say "stopped"
    else
        say "not running"
    fi
}

cmd_status() {
    if is_running; then
        say "running on 127.0.0.1:$pgport (data: $pgdata)"
    else
        say "not running (data: $pgdata)"
        return 3
    fi
}

cmd_env() {
    local base="postgresql://%s@127.0.0.1:$pgport/%s"
    # shellcheck disable=SC2059
    {
        printf "export SLIDESPEC_DATABASE_URL='$base'\n" slidespec_app slidespec
        printf "export SLIDESPEC_MIGRATION_DATABASE_URL='$base'\n" slidespec_owner slidespec
        printf "export SLIDESPEC_TEST_DATABASE_URL='$base'\n" slidespec_app slidespec_test
        printf "export SLIDESPEC_TEST_MIGRATION_DATABASE_URL='$base'\n" slidespec_owner slidespec_test
    }
}

case "${1:-}" in
    start) cmd_start ;;
    stop) cmd_stop ;;
    status) cmd_status ;;
    env) cmd_env ;;
    *)
        echo "usage: scripts/pg.sh start|stop|status|env" >&2
        exit 2
        ;;
esac
