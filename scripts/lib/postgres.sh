# A private PostgreSQL for a test script, sourced (bash): Debian's server binaries (apt-get install postgresql), a
# fresh cluster in its own temp folder, listening on 127.0.0.1 only (its Unix socket in that folder), password
# authentication for one user and one database, both named diffyne. PostgreSQL refuses to run as root: as root (CI)
# the server runs as the postgres user the package creates, in a folder it owns. pg_stop stops exactly this server,
# by the PID in its postmaster.pid.
#   pg_start <port>   sets PG_DIR, PG_PASSWORD, PG_URL (jdbc:postgresql://127.0.0.1:<port>/diffyne); fails if absent
#   pg_stop           fast shutdown by PID, then removes PG_DIR

pg_bin() {
    local bin
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    [[ -n "$bin" && -x "$bin/initdb" && -x "$bin/postgres" ]] || return 1
    echo "$bin"
}

pg_as_server_user() {
    if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
    local port=$1 bin
    bin=$(pg_bin) || { echo "PostgreSQL's server binaries are not in /usr/lib/postgresql/<version>/bin (apt-get install postgresql)" >&2; return 1; }
    PG_DIR=$(mktemp -d /tmp/diffyne-pg.XXXXXX)
    PG_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
    printf '%s\n' "$PG_PASSWORD" > "$PG_DIR/password"
    ((EUID == 0)) && chown -R postgres:postgres "$PG_DIR"
    pg_as_server_user "$bin/initdb" -D "$PG_DIR/data" -U diffyne --pwfile="$PG_DIR/password" \
        --auth-host=scram-sha-256 --auth-local=peer -E UTF8 --no-locale --no-sync > "$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; return 1; }
    rm -f "$PG_DIR/password"
    # the server's output goes to a file this shell (root or not) writes
    pg_as_server_user "$bin/postgres" -D "$PG_DIR/data" -h 127.0.0.1 -p "$port" -k "$PG_DIR" \
        -c fsync=off -c max_connections=100 > "$PG_DIR.log" 2>&1 &
    PG_LAUNCHER=$!
    local end=$((SECONDS + 60))
    until PGPASSWORD="$PG_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$port" -U diffyne -d postgres -qAtc 'select 1' \
            > /dev/null 2>&1; do
        if ((SECONDS > end)) || ! kill -0 "$PG_LAUNCHER" 2>/dev/null; then
            echo "PostgreSQL on 127.0.0.1:$port did not start; its log:" >&2; cat "$PG_DIR.log" >&2; return 1
        fi
        sleep 0.2
    done
    PGPASSWORD="$PG_PASSWORD" "$bin/psql" -h 127.0.0.1 -p "$port" -U diffyne -d postgres -qc 'CREATE DATABASE diffyne'
    PG_PORT=$port
    PG_URL="jdbc:postgresql://127.0.0.1:$port/diffyne"
}

# psql as diffyne on the test's database: pg_sql 'select ...'
pg_sql() {
    PGPASSWORD="$PG_PASSWORD" "$(pg_bin)/psql" -h 127.0.0.1 -p "$PG_PORT" -U diffyne -d diffyne -qAtc "$1"
}

pg_stop() {
    [[ -n "${PG_DIR:-}" ]] || return 0
    local pid
    pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true)
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -INT "$pid" 2>/dev/null || true
        for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
    fi
    [[ -n "${PG_LAUNCHER:-}" ]] && { kill "$PG_LAUNCHER" 2>/dev/null || true; wait "$PG_LAUNCHER" 2>/dev/null || true; }
    if [[ "${KEEP_WORK:-}" != "1" ]]; then rm -rf "$PG_DIR" "$PG_DIR.log"; fi
    PG_DIR=
}
