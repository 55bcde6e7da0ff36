#!/usr/bin/env bash
# Fan-out across nodes (BENCHMARKS.md, "Fan-out across three nodes"): one chat message to 100 and to 1,000 receivers,
# p50 and p99 until the last receiver holds it, measured by the load generator's Fanout (io.diffyne.bench.load.
# ClusterFanout) in one run on (1) a single Payara Micro with the in-JVM bus (--nocluster) and (2) three Payara Micro
# clustered by Payara's grid on 127.0.0.1, the receivers spread round-robin over the three, the sender on the first.
# The chat's messages are in one PostgreSQL (scripts/lib/postgres.sh) in both, so a receiver on any node renders the
# same list. Not in CI.
#   scripts/bench-cluster.sh      about 10 minutes on 2 cores; figures and load averages in target/bench-cluster
# Needs what scripts/bench.sh and scripts/cluster-test.sh need (Maven, PostgreSQL's server). Loopback only; stops
# what it started, by PID.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=lib/bench-server.sh
. scripts/lib/bench-server.sh
# shellcheck source=lib/own-processes.sh
. scripts/lib/own-processes.sh
# shellcheck source=lib/payara-cluster.sh
. scripts/lib/payara-cluster.sh
# shellcheck source=lib/postgres.sh
. scripts/lib/postgres.sh

OUT=target/bench-cluster
MESSAGES=${MESSAGES:-20}
KEY=$(random_key cluster)
JAR=$PAYARA_JAR
PIDS=()
FAILED=0
cleanup() {
    stop_pids "${PIDS[@]}"
    pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT TERM

raise_fd_limit "1,000 receivers may fail"
START=$SECONDS
log "building the benchmark WAR ($OUT/diffyne-bench.war)"
build_bench_war "$OUT"
fetch_payara
mkdir -p "$OUT/run"
pick_port pg_port
pg_start "$pg_port"
# every receiver connects from 127.0.0.1: the per-address limits off
settings=(DIFFYNE_WS_KEY="$KEY" DIFFYNE_RATE_LIMIT=0 DIFFYNE_WS_HANDSHAKE_RATE=0 DIFFYNE_WS_CONNECTIONS_PER_CLIENT=0
    DIFFYNE_DEMO_DB_URL="$PG_URL" DIFFYNE_DEMO_DB_USER=diffyne DIFFYNE_DEMO_DB_PASSWORD="$PG_PASSWORD")

# the load generator, its output to a log; the figures to <out.json>: fanout <label> <out.json> <port>...
fanout() {
    local label=$1 json=$2
    shift 2
    java -Xms512m -Xmx2g -cp "$CP" io.diffyne.bench.load.ClusterFanout "$KEY" "$json" "$label" "$MESSAGES" "$@" &
    PIDS+=($!)
    # a size that failed is recorded as an error in <out.json>; the other size and the other layout still run
    wait $! || { log "$label: a measurement failed, see $json"; FAILED=1; }
}

pick_port port
log "single node: Payara Micro on 127.0.0.1:$port, the in-JVM bus"
env "${settings[@]}" java -Xmx1g -jar "$JAR" --nocluster --nohostaware --disablephonehome \
    --prebootcommandfile src/test/resources/payara-loopback.preboot --port "$port" --contextroot / \
    --deploy "$OUT/diffyne-bench.war" > "$OUT/run/single.log" 2>&1 &
single=$!
PIDS+=("$single")
wait_healthy "http://127.0.0.1:$port/_diffyne/health" 180 || { log "the single node did not start: $OUT/run/single.log"; exit 1; }
fanout "1 node" "$OUT/run/single.json" "$port"
stop_pids "$single"

log "three nodes: Payara Micro clustered on 127.0.0.1 (Payara's grid as the bus)"
# the JVMs as the single node runs (the JIT's top tier, the default collector)
CLUSTER_HEAP=1g CLUSTER_JAVA_OPTS= cluster_start 3 "$OUT/diffyne-bench.war" "$OUT/run" "${settings[@]}"
PIDS+=("${CLUSTER_PIDS[@]}")
cluster_await 300 || exit 1
fanout "3 nodes" "$OUT/run/cluster.json" "${CLUSTER_HTTP[@]}"
log "done in $((SECONDS - START)) s: $OUT/run/single.json, $OUT/run/cluster.json"
exit "$FAILED"
