#!/usr/bin/env bash
# The cluster test: three Payara Micro instances clustered over TCP/IP on 127.0.0.1 (never multicast), the demo chat
# on a private PostgreSQL (scripts/lib/postgres.sh), docker/nginx.conf in front round-robin over the three, and real
# Chromium driving src/test/e2e/cluster/cluster.test.mjs through nginx: two pages whose WebSockets are on different
# instances chat and a third on SSE sees it; AJAX actions nginx sends to alternating instances keep a counter exact;
# kill -9 of the instance holding a page's WebSocket mid-session while the user clicks and another page chats (every
# click counts once, the missed message arrives once); a requestId retried on another instance answers the first
# answer. Then `ss`: no socket of the instances, nginx or PostgreSQL beyond loopback.
#   scripts/cluster-test.sh        (KEEP_WORK=1 keeps the temp folder with every log; about 75 s on 2 cores, .ci/run)
#   CLUSTER_E2E=<file> runs another browser test file against the same cluster (a diagnosis loop, say)
# Needs: java, node (npm ci done), nginx, PostgreSQL's server (apt-get install postgresql), ss, python3, curl,
# target/diffyne.war (mvn package), the Payara Micro jar in ~/.m2 (mvn verify fetches it). Loopback only, free ports,
# its own temp folder; the trap stops exactly what it started, by PID.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=lib/nginx-config.sh
. scripts/lib/nginx-config.sh
# shellcheck source=lib/postgres.sh
. scripts/lib/postgres.sh
# shellcheck source=lib/own-processes.sh
. scripts/lib/own-processes.sh
# shellcheck source=lib/payara-cluster.sh
. scripts/lib/payara-cluster.sh

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$NGINX" ]] || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 1; }
pg_bin > /dev/null || { echo "PostgreSQL's server is not installed (apt-get install postgresql)" >&2; exit 1; }
command -v ss > /dev/null || { echo "ss is not installed (apt-get install iproute2)" >&2; exit 1; }
require_war_and_micro_jar

WORK=$(mktemp -d /tmp/diffyne-cluster.XXXXXX)
PIDS=()
cleanup() {
    # stop only what this script started, by PID (an instance the test killed is gone already)
    stop_pids "${PIDS[@]}"
    pg_stop
    if [[ "${KEEP_WORK:-}" == "1" ]]; then echo "cluster-test: logs kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started=$SECONDS
pick_port LISTEN

pick_port pg_port
pg_start "$pg_port"
echo "cluster-test: PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"

KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
# the settings a cluster shares: the key, the chat's database (and Payara's grid as the bus, cluster_start); the chat
# page of the test adds a counter to the chat room (DIFFYNE_TEMPLATE_DIR), so one page's socket carries both
cluster_start 3 "$WAR" "$WORK" DIFFYNE_WS_KEY="$KEY" DIFFYNE_DEMO_DB_URL="$PG_URL" DIFFYNE_DEMO_DB_USER=diffyne \
    DIFFYNE_DEMO_DB_PASSWORD="$PG_PASSWORD" DIFFYNE_TEMPLATE_DIR="$ROOT/src/test/e2e/cluster"
PIDS+=("${CLUSTER_PIDS[@]}")
INSTANCE_PIDS=("${CLUSTER_PIDS[@]}")
HTTP=("${CLUSTER_HTTP[@]}")
INSTANCES=()
for i in 0 1 2; do
    INSTANCES+=("{\"name\":\"payara-$((i + 1))\",\"url\":\"http://127.0.0.1:${HTTP[$i]}\",\"pid\":${INSTANCE_PIDS[$i]},\"log\":\"$WORK/payara-$((i + 1)).log\"}")
done

render_nginx_config "$WORK" "$LISTEN" "${HTTP[@]}"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g "pid $WORK/nginx.pid; error_log $WORK/error.log; daemon off;" \
    > "$WORK/nginx.out" 2>&1 &
PIDS+=($!)
NGINX_PID=$!

cluster_await 240 || exit 1
echo "cluster-test: three instances healthy, one data grid of 3 members on 127.0.0.1, after $((SECONDS - started)) s" \
    "(HTTP ${HTTP[*]}, grid ${CLUSTER_GRID[*]}, cluster $CLUSTER_NAME)"

# every instance on the shared database: the demo's readiness check says so
for i in 0 1 2; do
    ready=$(curl -fsS -m 10 "http://127.0.0.1:${HTTP[$i]}/health/ready")
    [[ "$ready" == *'"storage":"database"'* && "$ready" == *'"database":"postgresql"'* ]] \
        || { echo "payara-$((i + 1)) does not keep the chat in PostgreSQL: $ready" >&2; exit 1; }
    ! grep -qF "$PG_PASSWORD" "$WORK/payara-$((i + 1)).log" || { echo "payara-$((i + 1)) logged the password" >&2; exit 1; }
done
echo "cluster-test: the chat of all three in PostgreSQL (demo-chat-storage: database postgresql), no password logged"
browser_from=$SECONDS

failed=0
instances_json="[$(IFS=,; echo "${INSTANCES[*]}")]"
# in the background and waited for, so a TERM (timeout, Ctrl-C) reaches the trap at once, not after the browser;
# timeout leads its own process group and passes a TERM to all of it (the test runner, its test process, whose
# Playwright closes Chromium), so the trap's TERM to its PID ends the browser side too
CLUSTER_INSTANCES="$instances_json" CLUSTER_ACCESS_LOG="$WORK/access.log" E2E_OUT="$WORK/e2e" \
    E2E_BASE_URL="http://127.0.0.1:$LISTEN" timeout 300 node scripts/e2e.mjs --out "$WORK/e2e" \
    "${CLUSTER_E2E:-src/test/e2e/cluster/cluster.test.mjs}" &
PIDS+=($!)
wait $! || failed=1
e2e_done=$SECONDS

# no socket beyond loopback: every TCP/UDP socket of the instances still running, nginx and PostgreSQL, listening or
# connected, has loopback addresses at both ends
own=("${INSTANCE_PIDS[@]}" "$NGINX_PID")
pg_pid=$(head -1 "$PG_DIR/data/postmaster.pid" 2>/dev/null || true)
[[ -n "$pg_pid" ]] && own+=("$pg_pid")
# nginx's workers and PostgreSQL's backends hold the connections: the children of those two
for parent in "$NGINX_PID" $pg_pid; do
    while read -r child; do [[ -n "$child" ]] && own+=("$child"); done < <(ps -o pid= --ppid "$parent" 2>/dev/null || true)
done
beyond=$(ss -H -tuanp 2>/dev/null | awk -v pids=" ${own[*]} " '
    { owned = 0; line = $0
      while (match(line, /pid=[0-9]+/)) { if (index(pids, " " substr(line, RSTART + 4, RLENGTH - 4) " ")) owned = 1;
          line = substr(line, RSTART + RLENGTH) }
      if (!owned) next
      for (f = 5; f <= 6; f++) { a = $f; sub(/:[^:]*$/, "", a); gsub(/[\[\]]/, "", a); sub(/%.*/, "", a)
          if (a !~ /^(127\.|::1$|::ffff:127\.)/ && !(f == 6 && (a == "*" || a == "0.0.0.0" || a == "::"))) { print; break } } }')
checked=$(ss -H -tuanp 2>/dev/null | grep -cE "pid=($(IFS='|'; echo "${own[*]}"))," || true)
if [[ -n "$beyond" ]]; then
    echo "cluster-test: sockets beyond loopback:" >&2; echo "$beyond" >&2; failed=1
else
    echo "cluster-test: ss: all $checked sockets of the instances, nginx and PostgreSQL are on loopback"
fi

for i in 0 1 2; do
    if grep -q 'SEVERE' "$WORK/payara-$((i + 1)).log"; then
        echo "cluster-test: SEVERE lines in payara-$((i + 1))'s log:" >&2
        grep -m 10 'SEVERE' "$WORK/payara-$((i + 1)).log" >&2; failed=1
    fi
done

echo "cluster-test: $( ((failed)) && echo FAILED || echo passed) in $((SECONDS - started)) s (browser checks" \
    "$((e2e_done - browser_from)) s)"
exit "$failed"
