#!/usr/bin/env bash
# Benchmarks (BENCHMARKS.md): builds the production WAR and the benchmark WAR (-Pbench: echo baselines, heap probe,
# one-component page), then twice: starts Payara Micro on a free loopback port, runs the Java load generator against
# it, stops it by PID and profiles it from its flight recording. Then the in-process pipeline micro-benchmark, and
# writes BENCHMARKS.md (the generated section) and benchmarks.json.
#
#   scripts/bench.sh          full run, about 11 minutes on 2 cores
#   scripts/bench.sh quick    smoke run with small counts (figures not comparable); writes nothing outside target/
#   scripts/bench.sh fanout   only the broadcast fan-out figure (full counts), one run: target/bench/run/fanout.json
#   scripts/bench.sh bytes    only the bytes and client-size figures, one run: target/bench/run/bytes.json
#   scripts/bench.sh heap     only the heap per connection and per open page, one run: target/bench/run/heap.json
#   scripts/bench.sh variants diagnostic: the click and echoes making one of Diffyne's container calls each, one run
#   BENCH_ONLY=fanout.shared scripts/bench.sh fanout   only the phases whose names start so (comma-separated)
#   CLIENT_JFR=/path/settings.jfc scripts/bench.sh …  the load generator records a JFR file too (target/bench/run)
#
# Not part of `mvn test`. Needs JDK 17+, Maven, curl. Maven runs offline by default (MVN_FLAGS=-o; fine once ~/.m2 is
# filled); an empty MVN_FLAGS= builds online. Loopback only. The build and server parts: scripts/lib/bench-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

MODE="${1:-full}"
OUT=target/bench
RUN="$OUT/run"
KEY="$(random_key bench)"

# 2,000 idle connections need about that many descriptors on each side
raise_fd_limit "the 2,000-connection heap figure may fail"

log "building the production WAR (target/diffyne.war) and the benchmark WAR ($OUT/diffyne-bench.war)"
run_mvn -DskipTests -DskipJsTests package
build_bench_war "$OUT"
fetch_payara
mkdir -p "$RUN"

run_once() {
  local n="$1" port only="${2:-}"
  local props=()
  [[ -n $only ]] && props=("-Dbench.only=$only")
  port="$(free_port)"
  log "run $n: Payara Micro on 127.0.0.1:$port"
  # DIFFYNE_RATE_LIMIT=0: one client clicks thousands of times a minute here; the fan-out and heap figures open
  # up to 2,000 connections from 127.0.0.1, beyond the per-address handshake rate and connection count
  start_payara "$port" "$OUT/diffyne-bench.war" "$RUN/payara-$n.log" "$RUN/server-$n.jfr" \
    DIFFYNE_WS_KEY="$KEY" DIFFYNE_RATE_LIMIT=0 DIFFYNE_WS_HANDSHAKE_RATE=0 DIFFYNE_WS_CONNECTIONS_PER_CLIENT=0
  local status=0
  # the load generator's own collections, to tell its pauses from the server's (uptime-stamped, in its log)
  # CLIENT_JFR=<file.jfc>: the load generator records itself too ($RUN/client-N.jfr), to see what checking costs it
  java -Xms512m -Xmx2g -Xlog:gc:file="$RUN/client-gc-$n.log":utctime,uptime \
    ${CLIENT_JFR:+-XX:StartFlightRecording=filename=$RUN/client-$n.jfr,dumponexit=true,settings=$CLIENT_JFR} \
    "${props[@]}" -cp "$CP" \
    io.diffyne.bench.load.BenchMain "$port" "$KEY" \
    "$RUN/results-$n.json" "$([[ $MODE == quick ]] && echo quick || echo full)" || status=$?
  stop_server
  if [[ $status -ne 0 ]]; then
    log "run $n failed (a failed check is an error, not a data point): see $RUN/results-$n.json"
    exit $status
  fi
  [[ -n $only ]] || java -cp "$CP" io.diffyne.bench.load.JfrTop "$RUN/server-$n.jfr" "$RUN/results-$n.json" \
    "$RUN/profile-$n.json"
}

if [[ $MODE == fanout || $MODE == bytes || $MODE == heap || $MODE == variants ]]; then
  # one figure alone, for a before/after on a busy machine: one run, nothing outside target/
  run_once "$MODE" "${BENCH_ONLY:-$(case $MODE in bytes) echo bytes,client ;; *) echo "$MODE" ;; esac)}"
  mv "$RUN/results-$MODE.json" "$RUN/$MODE.json"
  log "$MODE figures: $RUN/$MODE.json"
  grep -E '"(receivers|same_state|echo_info_timeouts|/bench/[a-z0-9-]*|diffyne_click|p50_x_echo|p99_x_echo|server_cpu_us_per_exchange|client_cpu_us_per_exchange|p50_us|p99_us|max_us|load_before|load_after|request_payload|response_payload|min_gzip_bytes|bytes_per_connection)"' \
    "$RUN/$MODE.json"
  exit 0
fi

START=$(date +%s)
run_once 1
run_once 2
log "in-process pipeline micro-benchmark"
java -Xms512m -Xmx1g -cp "$CP" io.diffyne.bench.micro.PipelineBench "$RUN/micro.json" \
  "$([[ $MODE == quick ]] && echo quick || echo full)" > "$RUN/micro.log" 2>&1

if [[ $MODE == quick ]]; then
  DEST="$RUN"
else
  DEST=.
fi
java -cp "$CP" io.diffyne.bench.load.Report "$RUN" "$DEST/BENCHMARKS.md" "$DEST/benchmarks.json" \
  "scripts/bench.sh${1:+ $1}" "$(( $(date +%s) - START ))"
log "done in $(( $(date +%s) - START )) s: $DEST/BENCHMARKS.md, $DEST/benchmarks.json"
