#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for Warta's tests and print its URL on stdout.
#
# Idempotent: a second call finds the running server and prints the same URL. The cluster
# lives in its own directory (not Debian's /var/lib/postgresql), listens only on 127.0.0.1,
# and trusts local TCP connections: it is for tests and benchmarks, never for real data.
#
#   export WARTA_TEST_POSTGRES="$(scripts/start-postgres.sh)"
#   scripts/start-postgres.sh stop
#
# Settings (environment): WARTA_PG_DIR (default /tmp/warta-pg), WARTA_PG_PORT (54329),
# WARTA_PG_BIN (the newest /usr/lib/postgresql/*/bin, else what is on PATH).
set -euo pipefail

DIR="${WARTA_PG_DIR:-/tmp/warta-pg}"
PORT="${WARTA_PG_PORT:-54329}"
URL="postgresql://warta:warta@127.0.0.1:${PORT}/warta"

find_bin() {
    if [[ -n "${WARTA_PG_BIN:-}" ]]; then echo "$WARTA_PG_BIN"; return; fi
    local newest
    newest="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
    if [[ -n "$newest" ]]; then echo "$newest"; return; fi
    dirname "$(command -v initdb || command -v pg_ctl || echo /usr/bin/initdb)"
}
BIN="$(find_bin)"
if [[ ! -x "$BIN/initdb" || ! -x "$BIN/pg_ctl" ]]; then
    echo "start-postgres: no PostgreSQL server found (apt-get install -y postgresql)" >&2
    exit 1
fi

# The server refuses to run as root: run it as the 'postgres' user Debian creates.
as_owner() {
    if [[ "$(id -u)" == 0 ]]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

psql_admin() {
    as_owner "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtAX "$@"
}

if [[ "${1:-start}" == stop ]]; then
    if [[ -f "$DIR/data/postmaster.pid" ]]; then
        as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2
    fi
    exit 0
fi

if [[ ! -f "$DIR/data/PG_VERSION" ]]; then
    mkdir -p "$DIR"
    [[ "$(id -u)" == 0 ]] && chown postgres:postgres "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2
fi

if ! as_owner "$BIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
    # fsync off: a test server trades crash safety for speed; the socket goes to the data
    # directory so the server never needs /var/run/postgresql.
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start \
        -o "-h 127.0.0.1 -p $PORT -k $DIR/data -c fsync=off -c max_connections=100" >&2
fi

if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = 'warta'")" != 1 ]]; then
    psql_admin -c "CREATE ROLE warta LOGIN PASSWORD 'warta'"
fi
if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = 'warta'")" != 1 ]]; then
    psql_admin -c "CREATE DATABASE warta OWNER warta"
fi

echo "$URL"
