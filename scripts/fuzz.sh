#!/usr/bin/env bash
# Protocol fuzzer (issue 12, "Fuzzing"; not part of any CI run): builds the WAR and the test classes into
# target/fuzz, starts one Payara Micro on a free loopback port with DIFFYNE_RATE_LIMIT=0 (otherwise most answers would
# be rate_limited instead of reaching the parsers and the runtime), and runs io.diffyne.fuzz.ProtocolFuzzer against
# it: FUZZ_MESSAGES generated and mutated messages per transport (WebSocket, AJAX), then /health, a ping on an old and
# a fresh socket, and no SEVERE line in the server log. Prints the server's heap after a full GC and its RSS before and
# after the run.
#
#   scripts/fuzz.sh                       100,000 messages per transport, a random seed (printed)
#   FUZZ_MESSAGES=20000 FUZZ_SEED=42 scripts/fuzz.sh
#
# Exits non-zero on any failure. Output: target/fuzz/run/ (payara.log, fuzz.txt). Needs JDK 17+ (jcmd), Maven, curl.
# Maven runs offline by default (MVN_FLAGS=-o). Loopback only. The server parts: scripts/lib/bench-server.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

MESSAGES="${FUZZ_MESSAGES:-100000}"
SEED="${FUZZ_SEED:-$RANDOM$RANDOM$RANDOM}"
OUT=target/fuzz
RUN="$OUT/run"

heap() { # used heap after a full GC, and RSS, of the server
  jcmd "$SERVER_PID" GC.run > /dev/null
  printf '%s; RSS %s\n' "$(jcmd "$SERVER_PID" GC.heap_info | grep -Eo 'used [0-9]+K' | head -1)" \
    "$(grep VmRSS "/proc/$SERVER_PID/status" | tr -s ' ' | cut -d' ' -f2-)"
}

START=$(date +%s)
log "building the WAR and the fuzzer ($OUT)"
build_test_war "$OUT"
fetch_payara
rm -rf "$RUN"
mkdir -p "$RUN"
PORT="$(free_port)"

log "Payara Micro on 127.0.0.1:$PORT ($RUN/payara.log)"
start_payara "$PORT" "$OUT/diffyne.war" "$RUN/payara.log" "$RUN/server.jfr" DIFFYNE_RATE_LIMIT=0
log "heap before: $(heap)"
log "fuzzing: $MESSAGES messages per transport, seed $SEED"
status=0
java -Xmx1g -cp "$CP" -Dfuzz.messages="$MESSAGES" -Dfuzz.seed="$SEED" -Dfuzz.log="$RUN/payara.log" \
  io.diffyne.fuzz.ProtocolFuzzer "http://127.0.0.1:$PORT/" | tee "$RUN/fuzz.txt" || status=$?
log "heap after: $(heap); connections to the server: $(ss -Htn state established "( sport = :$PORT )" | wc -l)"
if (( ${FUZZ_SETTLE:-0} > 0 )); then # what the server's own timers (keep-alive, idle, heartbeats) give back
  sleep "$FUZZ_SETTLE"
  log "heap $FUZZ_SETTLE s later: $(heap); connections to the server: $(ss -Htn state established "( sport = :$PORT )" | wc -l)"
fi
jcmd "$SERVER_PID" GC.class_histogram > "$RUN/histogram.txt" 2>&1 || true
log "largest classes on the heap after the run ($RUN/histogram.txt):"
sed -n 4,13p "$RUN/histogram.txt" >&2 || true
stop_server
log "done in $(( $(date +%s) - START )) s, exit $status: $RUN/fuzz.txt"
exit $status
