#!/usr/bin/env bash
# Benchmarks (BENCHMARKS.md): builds the production WAR and the benchmark WAR (-Pbench: echo baselines, heap probe,
# one-component page), then twice: starts Payara Micro on a free loopback port, runs the Java load generator against
# it, stops it by PID and profiles it from its flight recording. Then the in-process pipeline micro-benchmark, and
# writes BENCHMARKS.md (the generated section) and benchmarks.json.
#
#   scripts/bench.sh          full run, about 8 minutes on 2 cores
#   scripts/bench.sh quick    smoke run with small counts (figures not comparable); writes nothing outside target/
#
# Not part of `mvn test`. Needs JDK 17+, Maven (offline is fine once ~/.m2 is filled: MVN_FLAGS=-o by default), curl.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-full}"
OUT=target/bench
RUN="$OUT/run"
MVN="mvn ${MVN_FLAGS:--o} -q -B"
PAYARA_VERSION=6.2025.10
PAYARA_JAR="${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}"
KEY="bench-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
SERVER_PID=""

log() { printf '[bench.sh] %s\n' "$*"; }

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT INT TERM

free_port() {
  java "$OUT/FreePort.java"
}

# 2,000 idle connections need about that many descriptors on each side
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 8192 ]]; then
  ulimit -n 8192 2>/dev/null || log "warning: ulimit -n is $(ulimit -n); the 2,000-connection heap figure may fail"
fi

log "building the production WAR (target/diffyne.war) and the benchmark WAR ($OUT/diffyne-bench.war)"
$MVN -DskipTests -DskipJsTests package
$MVN -Pbench -DbuildDir="$OUT" -DskipTests -DskipJsTests package
$MVN -DbuildDir="$OUT" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt"
if [[ ! -f "$PAYARA_JAR" ]]; then
  $MVN dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false
fi
CP="$OUT/classes:$(cat "$OUT/cp.txt")"
mkdir -p "$RUN"
cat > "$OUT/FreePort.java" <<'JAVA'
public class FreePort {
    public static void main(String[] a) throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            System.out.println(s.getLocalPort());
        }
    }
}
JAVA

run_once() {
  local n="$1" port
  port="$(free_port)"
  log "run $n: Payara Micro on 127.0.0.1:$port"
  # DIFFYNE_RATE_LIMIT=0: one client clicks thousands of times a minute here
  DIFFYNE_WS_KEY="$KEY" DIFFYNE_RATE_LIMIT=0 \
    java -Xms1g -Xmx1g -XX:StartFlightRecording=filename="$RUN/server-$n.jfr",dumponexit=true \
    -jar "$PAYARA_JAR" --nocluster --disablephonehome --port "$port" \
    --prebootcommandfile src/bench/payara/preboot.asadmin --contextroot / --deploy "$OUT/diffyne-bench.war" \
    > "$RUN/payara-$n.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$port/_diffyne/health" > /dev/null 2>&1 && break
    kill -0 "$SERVER_PID" 2>/dev/null || { log "Payara Micro exited: see $RUN/payara-$n.log"; exit 1; }
    sleep 0.5
  done
  curl -sf "http://127.0.0.1:$port/_diffyne/health" > /dev/null || { log "Payara Micro did not become healthy"; exit 1; }
  local status=0
  java -Xms512m -Xmx2g -cp "$CP" io.diffyne.bench.load.BenchMain "$port" "$KEY" "$RUN/results-$n.json" \
    "$([[ $MODE == quick ]] && echo quick || echo full)" || status=$?
  stop_server
  if [[ $status -ne 0 ]]; then
    log "run $n failed (a failed check is an error, not a data point): see $RUN/results-$n.json"
    exit $status
  fi
  java -cp "$CP" io.diffyne.bench.load.JfrTop "$RUN/server-$n.jfr" "$RUN/results-$n.json" "$RUN/profile-$n.json"
}

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
