#!/usr/bin/env bash
# The cluster test: three Payara Micro instances clustered over TCP/IP on 127.0.0.1 (never multicast), the demo chat
# on a private PostgreSQL (scripts/lib/postgres.sh), docker/nginx.conf in front round-robin over the three, and real
# Chromium driving src/test/e2e/cluster/cluster.test.mjs through nginx: two pages whose WebSockets are on different
# instances chat and a third on SSE sees it; AJAX actions nginx sends to alternating instances keep a counter exact;
# kill -9 of the instance holding a page's WebSocket mid-session while the user clicks and another page chats (every
# click counts once, the missed message arrives once); a requestId retried on another instance answers the first
# answer. Then `ss`: no socket of the instances, nginx or PostgreSQL beyond loopback.
#   scripts/cluster-test.sh        (KEEP_WORK=1 keeps the temp folder with every log)
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
LISTEN=$(free_port)
HTTP=() GRID=()
for i in 1 2 3; do HTTP+=("$(free_port)"); GRID+=("$(free_port)"); done
members="127.0.0.1:${GRID[0]},127.0.0.1:${GRID[1]},127.0.0.1:${GRID[2]}"
# unique per run: two runs on one machine never join each other's grid
CLUSTER="diffyne-cluster-test-$$-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"

pg_start "$(free_port)"
echo "cluster-test: PostgreSQL on 127.0.0.1:$PG_PORT ($PG_DIR)"

KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
INSTANCES=()
for i in 0 1 2; do
    log="$WORK/payara-$((i + 1)).log"
    # the settings a cluster shares: the key, Payara's grid as the bus (DIFFYNE_CLUSTER_PAYARA_GRID), the chat's database; the chat page of the test adds a counter to the
    # chat room (DIFFYNE_TEMPLATE_DIR), so one page's socket carries both. The grid binds 127.0.0.1 only (Hazelcast
    # binds every address otherwise, whatever --interfaces says).
    DIFFYNE_WS_KEY="$KEY" DIFFYNE_CLUSTER_PAYARA_GRID=true DIFFYNE_DEMO_DB_URL="$PG_URL" DIFFYNE_DEMO_DB_USER=diffyne \
        DIFFYNE_DEMO_DB_PASSWORD="$PG_PASSWORD" DIFFYNE_TEMPLATE_DIR="$ROOT/src/test/e2e/cluster" \
        java -Xmx512m -Dhazelcast.socket.bind.any=false -jar "$JAR" \
        --clustermode "tcpip:$members" --interfaces 127.0.0.1 --startport "${GRID[$i]}" \
        --clustername "$CLUSTER" --nohostaware --disablephonehome \
        --prebootcommandfile "$ROOT/src/test/resources/payara-loopback.preboot" \
        --port "${HTTP[$i]}" --deploy "$WAR:/" > "$log" 2>&1 &
    PIDS+=($!)
    INSTANCES+=("{\"name\":\"payara-$((i + 1))\",\"url\":\"http://127.0.0.1:${HTTP[$i]}\",\"pid\":$!,\"log\":\"$log\"}")
done
INSTANCE_PIDS=("${PIDS[@]}")

render_nginx_config "$WORK" "$LISTEN" "${HTTP[@]}"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g "pid $WORK/nginx.pid; error_log $WORK/error.log; daemon off;" \
    > "$WORK/nginx.out" 2>&1 &
PIDS+=($!)
NGINX_PID=$!

for i in 0 1 2; do
    if ! wait_healthy "http://127.0.0.1:${HTTP[$i]}/_diffyne/health" 240; then
        echo "payara-$((i + 1)) did not become healthy; its log:" >&2; tail -60 "$WORK/payara-$((i + 1)).log" >&2
        exit 1
    fi
done
echo "cluster-test: three instances healthy after $((SECONDS - started)) s (HTTP ${HTTP[*]}, grid ${GRID[*]}," \
    "cluster $CLUSTER)"

# the grid: Payara prints its "Data Grid Status" on every change; wait until an instance has seen all three
end=$((SECONDS + 120))
until grep -q "DG Name: $CLUSTER DG Size: 3" "$WORK"/payara-*.log; do
    if ((SECONDS > end)); then
        echo "the three instances did not form one data grid within 120 s:" >&2
        grep -h 'DG Size' "$WORK"/payara-*.log >&2 || true
        exit 1
    fi
    sleep 1
done
echo "cluster-test: one data grid of 3 members on 127.0.0.1"

# every instance on the shared database: the demo's readiness check says so
for i in 0 1 2; do
    ready=$(curl -fsS -m 10 "http://127.0.0.1:${HTTP[$i]}/health/ready")
    [[ "$ready" == *'"storage":"database"'* && "$ready" == *'"database":"postgresql"'* ]] \
        || { echo "payara-$((i + 1)) does not keep the chat in PostgreSQL: $ready" >&2; exit 1; }
    ! grep -qF "$PG_PASSWORD" "$WORK/payara-$((i + 1)).log" || { echo "payara-$((i + 1)) logged the password" >&2; exit 1; }
done
echo "cluster-test: the chat of all three in PostgreSQL (demo-chat-storage: database postgresql), no password logged"

failed=0
instances_json="[$(IFS=,; echo "${INSTANCES[*]}")]"
CLUSTER_INSTANCES="$instances_json" CLUSTER_ACCESS_LOG="$WORK/access.log" E2E_OUT="$WORK/e2e" \
    E2E_BASE_URL="http://127.0.0.1:$LISTEN" timeout 900 node scripts/e2e.mjs --out "$WORK/e2e" \
    src/test/e2e/cluster/cluster.test.mjs || failed=1

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

echo "cluster-test: $( ((failed)) && echo FAILED || echo passed) in $((SECONDS - started)) s"
exit "$failed"
