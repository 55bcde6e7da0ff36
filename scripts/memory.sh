#!/usr/bin/env bash
# Memory under a hostile client (issue 12, finding 1; not part of any CI run): builds the WAR and the test classes into
# target/memory, starts one Payara Micro on a free loopback port with an explicit heap (MEMORY_HEAP, default 512m) and
# the default memory bounds, and runs io.diffyne.memory.MemoryPush against it: demo todo lists of 1,000 items set to a
# new value with one character changed per request, MEMORY_BYTES bytes in all (default 1 GB) over AJAX with the full
# snapshot and over WebSocket connections. Prints the bytes pushed, the requests, the time, the server's heap after a
# full GC before and after, and the bound; then checks the server answers /health and the same work again (AJAX and a
# fresh WebSocket connection), and that its log has no SEVERE line.
#
#   scripts/memory.sh                                   1 GB, 512 MB heap
#   MEMORY_BYTES=200000000 MEMORY_HEAP=384m scripts/memory.sh
#
# The bound: the heap after a full GC may grow by at most what the bounded caches may hold by their estimates
# (DIFFYNE_TREE_CACHE_SIZE + DIFFYNE_WS_LIVE_TOTAL_SIZE + the runtime's 32 MiB of remembered answers + 16 MiB of issued
# versions, 176 MiB with the defaults). DIFFYNE_RATE_LIMIT=0: the push comes from one address, and the rate limit would
# only slow it down, it bounds no memory. Exits non-zero when the bound is exceeded or a check fails. Output:
# target/memory/run/ (payara.log, push.txt). Needs JDK 17+ (jcmd), Maven, curl. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

BYTES="${MEMORY_BYTES:-1000000000}"
HEAP="${MEMORY_HEAP:-512m}"
OUT=target/memory
RUN="$OUT/run"
MIB=$(( 1 << 20 ))
BOUND_KIB=$(( (32 * MIB + 96 * MIB + 32 * MIB + 16 * MIB) / 1024 ))

used_kib() { # used heap after a full GC, in KiB
  jcmd "$SERVER_PID" GC.run > /dev/null
  jcmd "$SERVER_PID" GC.heap_info | grep -Eo 'used [0-9]+K' | head -1 | grep -Eo '[0-9]+'
}

START=$(date +%s)
log "building the WAR and the push ($OUT)"
build_test_war "$OUT"
fetch_payara
rm -rf "$RUN"
mkdir -p "$RUN"
PORT="$(free_port)"
BASE="http://127.0.0.1:$PORT/"

log "Payara Micro on 127.0.0.1:$PORT, heap $HEAP ($RUN/payara.log)"
PAYARA_HEAP="$HEAP" start_payara "$PORT" "$OUT/diffyne.war" "$RUN/payara.log" "$RUN/server.jfr" \
  DIFFYNE_RATE_LIMIT=0 DIFFYNE_WS_HANDSHAKE_RATE=0
push() { java -Xmx1g -cp "$CP" io.diffyne.memory.MemoryPush "$BASE" "$@"; }
log "warming up"
push 5000000 1 1 1 > /dev/null
BEFORE=$(used_kib)
log "heap before: $BEFORE KiB after a full GC; pushing $BYTES bytes"
status=0
push "$BYTES" 1 4 2 | tee "$RUN/push.txt" || status=$?
AFTER=$(used_kib)
GROWTH=$(( AFTER - BEFORE ))
log "heap after: $AFTER KiB after a full GC (+$GROWTH KiB; bound +$BOUND_KIB KiB); RSS $(grep VmRSS "/proc/$SERVER_PID/status" | tr -s ' ' | cut -d' ' -f2-)"
if (( GROWTH > BOUND_KIB )); then
  log "FAIL: the heap grew by more than the bound"
  status=1
fi
if ! curl -sf -m 10 "${BASE}_diffyne/health" > /dev/null; then
  log "FAIL: /_diffyne/health does not answer"
  status=1
fi
if ! push 1000000 1 1 1 > /dev/null; then
  log "FAIL: the server no longer answers the same work"
  status=1
fi
if grep -q SEVERE "$RUN/payara.log"; then
  log "FAIL: SEVERE lines in $RUN/payara.log"
  status=1
fi
stop_server
log "done in $(( $(date +%s) - START )) s, exit $status"
exit $status
