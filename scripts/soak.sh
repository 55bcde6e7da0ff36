#!/usr/bin/env bash
# Soak test (issue 11, "What must hold" point 5; not part of any CI run): builds the benchmark WAR (-Pbench: heap
# probe, one-component page), starts one Payara Micro on a free loopback port (the heap and flags of bench.sh), and
# runs io.diffyne.bench.load.Soak against it:
#   1. heap after full GC before any client (GET /bench/heap collects until two readings agree);
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
# MVN_FLAGS= builds online, e.g. to fill a fresh ~/.m2. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."

MODE="${1:-full}"
case "$MODE" in
  full) CLIENTS="${SOAK_CLIENTS:-200}"; SECONDS_ACTIVE="${SOAK_SECONDS:-300}" ;;
  quick) CLIENTS="${SOAK_CLIENTS:-20}"; SECONDS_ACTIVE="${SOAK_SECONDS:-20}" ;;
  *) echo "usage: scripts/soak.sh [full|quick]" >&2; exit 64 ;;
esac
# its own build folder, so a soak and a benchmark (target/bench) or the main build never share classes
OUT=target/soak
RUN="$OUT/run"
MVN="mvn ${MVN_FLAGS--o} -q -B"
PAYARA_VERSION=6.2025.10
PAYARA_JAR="${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}"
KEY="soak-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
SERVER_PID=""

log() { printf '[soak.sh] %s\n' "$*"; }

stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'exit 130' INT TERM

# each client holds an HTTP connection and a WebSocket on both sides
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 8192 ]]; then
  ulimit -n 8192 2>/dev/null || log "warning: ulimit -n is $(ulimit -n); $CLIENTS clients may run out of descriptors"
fi

START=$(date +%s)
log "building the benchmark WAR ($OUT/diffyne-bench.war)"
$MVN -Pbench -DbuildDir="$OUT" -DskipTests -DskipJsTests package
$MVN -DbuildDir="$OUT" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt"
if [[ ! -f "$PAYARA_JAR" ]]; then
  # the one artifact a fresh ~/.m2 may lack: fetched from Maven Central even when the build itself ran offline
  mvn -q -B dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false
fi
CP="$OUT/classes:$(cat "$OUT/cp.txt")"
rm -rf "$RUN"
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
PORT="$(java "$OUT/FreePort.java")"

log "Payara Micro on 127.0.0.1:$PORT ($RUN/payara.log)"
# DIFFYNE_RATE_LIMIT=0: each client clicks thousands of times a minute here
DIFFYNE_WS_KEY="$KEY" DIFFYNE_RATE_LIMIT=0 \
  java -Xms1g -Xmx1g -XX:StartFlightRecording=filename="$RUN/server.jfr",dumponexit=true \
  -jar "$PAYARA_JAR" --nocluster --disablephonehome --port "$PORT" \
  --prebootcommandfile src/bench/payara/preboot.asadmin --contextroot / --deploy "$OUT/diffyne-bench.war" \
  > "$RUN/payara.log" 2>&1 &
SERVER_PID=$!
healthy=""
deadline=$(( $(date +%s) + 120 ))
while (( $(date +%s) < deadline )); do
  if curl -sf "http://127.0.0.1:$PORT/_diffyne/health" > /dev/null 2>&1 \
      && curl -sf "http://127.0.0.1:$PORT/bench/page?c=counter" > /dev/null 2>&1; then
    healthy=yes
    break
  fi
  kill -0 "$SERVER_PID" 2>/dev/null || { log "Payara Micro exited: see $RUN/payara.log"; exit 1; }
  sleep 0.5
done
[[ -n "$healthy" ]] || { log "Payara Micro did not become healthy within 120 s: see $RUN/payara.log"; exit 1; }
log "up after $(( $(date +%s) - START )) s (build included); soak: $CLIENTS clients for $SECONDS_ACTIVE s"

status=0
java -Xms512m -Xmx2g -cp "$CP" io.diffyne.bench.load.Soak "$PORT" "$KEY" "$SERVER_PID" "$CLIENTS" \
  "$SECONDS_ACTIVE" "$RUN" || status=$?
stop_server
log "done in $(( $(date +%s) - START )) s, exit $status: $RUN/soak.json"
exit $status
