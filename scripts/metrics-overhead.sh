#!/usr/bin/env bash
# What recording (io.diffyne.metrics) costs in click throughput (issue #18: at most 2 %), measured so that a machine
# shared with other work still gives a figure. Builds two benchmark WARs of the committed tree: this one, and the same
# with the recorder's seven recording methods emptied (Metrics.action, rateLimited, handshakeRefused, broadcast,
# replayed, slowConsumerClosed, ajaxClient return at once: the only difference between the two, unlike a build of
# the commit before the recorder, which differs by every commit since). Then starts three Payara Micro side by side
# on free loopback ports and keeps them up: off (the emptied build), on (this build, DIFFYNE_DASHBOARD=true, nobody
# looking: it still publishes its figures every 5 s) and open (the same, its dashboard page loaded every 2 s while
# its windows run). io.diffyne.bench.load.OverheadRounds warms all three, then ROUNDS times measures each once,
# WebSocket then AJAX, 16 clients clicking the counter for WINDOW_MS each, the order rotated every round, and
# reports the median of the per-round ratios on/off and open/off with quartiles, a bootstrap 95 % interval of the
# median, and the load average. Output: target/metrics-overhead/result.json and rounds.txt.
#
#   flock /work/heavy.lock scripts/metrics-overhead.sh      ROUNDS=24 WINDOW_MS=2000: about 8 minutes on 2 cores
#   REUSE=1 reuses the WARs of an earlier run; BUILD_ONLY=1 builds them and stops (no server: no lock needed)
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

ROUNDS="${ROUNDS:-24}"
WINDOW_MS="${WINDOW_MS:-2000}"
OUT="$PWD/target/metrics-overhead"
KEY="$(random_key bench)"
DASH_KEY="$(random_key dashboard)"
mkdir -p "$OUT"
raise_fd_limit "the runs may fail"

# the recording methods of Metrics, each to return before it records anything
empty_the_recorder() {
  local file="$1/src/main/java/io/diffyne/metrics/Metrics.java"
  python3 - "$file" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
names = ["action", "rateLimited", "handshakeRefused", "broadcast", "replayed", "slowConsumerClosed", "ajaxClient"]
for name in names:
    pattern = re.compile(r"(    public void " + name + r"\([^)]*\) \{\n)")
    text, n = pattern.subn(r"\1        if (true) {\n            return; // metrics-overhead.sh: recording off\n        }\n", text)
    if n != 1:
        sys.exit("metrics-overhead.sh: Metrics." + name + " not found once in " + path)
open(path, "w").write(text)
PY
}

if [[ -n "${REUSE:-}" && -f "$OUT/on/diffyne-bench.war" && -f "$OUT/off/diffyne-bench.war" ]]; then
  log "REUSE: the benchmark WARs of an earlier run"
  # shellcheck disable=SC2034 # read by free_port
  FREE_PORT_JAVA="$OUT/on/FreePort.java"
else
  for variant in on off; do
    log "building the benchmark WAR ($variant) of $(git rev-parse --short HEAD)"
    rm -rf "$OUT/$variant-src" && mkdir -p "$OUT/$variant-src"
    git archive HEAD | tar -x -C "$OUT/$variant-src"
    [[ "$variant" == off ]] && empty_the_recorder "$OUT/$variant-src"
    (cd "$OUT/$variant-src" && build_bench_war "$OUT/$variant")
  done
fi
[[ -z "${BUILD_ONLY:-}" ]] || { log "built: $OUT/on, $OUT/off"; exit 0; }
CP="$OUT/on/classes:$(cat "$OUT/on/cp.txt")"
fetch_payara

PIDS=()
stop_all() {
  local pid
  for pid in "${PIDS[@]}"; do SERVER_PID="$pid"; stop_server; done
  PIDS=()
}
trap stop_all EXIT

ARGS=()
for variant in off on open; do
  port="$(free_port)"
  war="$OUT/on/diffyne-bench.war"
  settings=(DIFFYNE_DASHBOARD=true DIFFYNE_DASHBOARD_KEY="$DASH_KEY")
  if [[ "$variant" == off ]]; then war="$OUT/off/diffyne-bench.war"; settings=(); fi
  PAYARA_HEAP=512m start_payara "$port" "$war" "$OUT/$variant.log" "$OUT/$variant.jfr" DIFFYNE_WS_KEY="$KEY" \
    DIFFYNE_RATE_LIMIT=0 DIFFYNE_WS_HANDSHAKE_RATE=0 DIFFYNE_WS_CONNECTIONS_PER_CLIENT=0 "${settings[@]}"
  PIDS+=("$SERVER_PID")
  SERVER_PID=""
  ARGS+=("$variant=$port")
  log "$variant on port $port"
done

log "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $ROUNDS rounds of ${WINDOW_MS} ms windows"
java -Xms256m -Xmx1g -cp "$CP" io.diffyne.bench.load.OverheadRounds "$KEY" "$DASH_KEY" "$ROUNDS" "$WINDOW_MS" \
  "$OUT/result.json" "${ARGS[@]}" | tee "$OUT/rounds.txt"
log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
jq -c '.paired_ratios | to_entries[] | {ratio: .key, median: .value.median, ci95: [.value.median_ci95_low,
  .value.median_ci95_high], iqr: [.value.p25, .value.p75], overhead_percent: .value.overhead_percent}' "$OUT/result.json"
log "figures: $OUT/result.json"
