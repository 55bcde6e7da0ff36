#!/usr/bin/env bash
# Soak test (issue 11, "What must hold" point 5; not part of any CI run): builds the benchmark WAR (-Pbench: heap
# probe, one-component page), starts one Payara Micro on a free loopback port (the heap and flags of bench.sh), and
# runs io.diffyne.bench.load.Soak against it:
#   1. heap after full GC before any client (GET /bench/heap: the live total of a class histogram);
#   2. SOAK_CLIENTS page sessions, each with its own WebSocket, click the counter as fast as answers come for
#      SOAK_SECONDS, every answer verified; messages and errors counted;
#   3. heap after full GC near the end, with every client still clicking (retained bytes per message), and
#   5. a class histogram of the server then (jcmd GC.class_histogram): top 15 and the idle-timer leak's classes;
#   4. the clients close; heap after full GC every 3 s for up to 60 s, until within 64 MB of the start.
# Exits non-zero if any error occurred or the heap did not come back within 64 MB of its start within 60 s.
#
#   scripts/soak.sh          200 clients for 300 s: about 7 minutes with the build on 2 cores
#   scripts/soak.sh quick    20 clients for 20 s: a smoke check of the script, about 2 minutes with the build
#
# SOAK_CLIENTS and SOAK_SECONDS override either mode's figures. Output: target/soak/run/ (soak.json, histograms,
# payara.log, server.jfr). Needs JDK 17+ (jcmd), Maven, curl. Maven runs offline by default (MVN_FLAGS=-o); an empty
# MVN_FLAGS= builds online, e.g. to fill a fresh ~/.m2. Loopback only. The build and server parts:
# scripts/lib/bench-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

MODE="${1:-full}"
case "$MODE" in
  full) CLIENTS="${SOAK_CLIENTS:-200}"; SECONDS_ACTIVE="${SOAK_SECONDS:-300}" ;;
  quick) CLIENTS="${SOAK_CLIENTS:-20}"; SECONDS_ACTIVE="${SOAK_SECONDS:-20}" ;;
  *) echo "usage: scripts/soak.sh [full|quick]" >&2; exit 64 ;;
esac
# its own build folder, so a soak and a benchmark (target/bench) or the main build never share classes
OUT=target/soak
RUN="$OUT/run"
KEY="$(random_key soak)"

# each client holds an HTTP connection and a WebSocket on both sides
raise_fd_limit "$CLIENTS clients may run out of descriptors"

START=$(date +%s)
log "building the benchmark WAR ($OUT/diffyne-bench.war)"
build_bench_war "$OUT"
fetch_payara
rm -rf "$RUN"
mkdir -p "$RUN"
PORT="$(free_port)"

log "Payara Micro on 127.0.0.1:$PORT ($RUN/payara.log)"
# DIFFYNE_RATE_LIMIT=0: each client clicks thousands of times a minute here. Ready once the page the clients open
# answers too, not only the health check
start_payara --ready "/bench/page?c=counter" "$PORT" "$OUT/diffyne-bench.war" "$RUN/payara.log" "$RUN/server.jfr" \
  DIFFYNE_WS_KEY="$KEY" DIFFYNE_RATE_LIMIT=0
log "up after $(( $(date +%s) - START )) s (build included); soak: $CLIENTS clients for $SECONDS_ACTIVE s"

status=0
java -Xms512m -Xmx2g -cp "$CP" io.diffyne.bench.load.Soak "$PORT" "$KEY" "$SERVER_PID" "$CLIENTS" \
  "$SECONDS_ACTIVE" "$RUN" || status=$?
stop_server
log "done in $(( $(date +%s) - START )) s, exit $status: $RUN/soak.json"
exit $status
