#!/usr/bin/env bash
# What recording (io.diffyne.metrics) costs in click throughput (issue #18: at most 2 %). Builds the benchmark WAR of
# this tree and of a base commit without the recorder (default: the merge base with main), then ROUNDS times, in turn:
# the base, this tree with the dashboard closed, this tree with the dashboard open (a client loading
# /_diffyne/dashboard, i.e. all three panels, every 2 s, as an open page polls). Each run starts Payara Micro on a free
# loopback port and runs the benchmark's throughput phases (16 and 64 clients, WebSocket and AJAX, each beside its
# echo baseline, so machine load shows in both sides of the ratio). Prints ops/s and diffyne/echo per run and the
# per-run figures into target/metrics-overhead/summary.jsonl. REUSE=1 reuses the WARs of an earlier run. One client
# machine opens 64 sockets: the handshake rate and per-address connection limits are off in every variant.
#
#   scripts/metrics-overhead.sh [base-commit]       ROUNDS=2 by default; run under flock /work/heavy.lock on shared machines
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

BASE_COMMIT="${1:-$(git merge-base HEAD main)}"
ROUNDS="${ROUNDS:-2}"
OUT="$PWD/target/metrics-overhead"
KEY="$(random_key bench)"
DASH_KEY="$(random_key dashboard)"
mkdir -p "$OUT"
raise_fd_limit "throughput runs may fail"

if [[ -n "${REUSE:-}" && -f "$OUT/branch/diffyne-bench.war" && -f "$OUT/base/diffyne-bench.war" ]]; then
  log "REUSE: the benchmark WARs of an earlier run"
  FREE_PORT_JAVA="$OUT/branch/FreePort.java"
else
  log "building the benchmark WAR of this tree"
  build_bench_war "$OUT/branch"
  log "building the benchmark WAR of $BASE_COMMIT"
  rm -rf "$OUT/base-src" && mkdir -p "$OUT/base-src"
  git archive "$BASE_COMMIT" | tar -x -C "$OUT/base-src"
  (cd "$OUT/base-src" && build_bench_war "$OUT/base")
fi
BRANCH_CP="$OUT/branch/classes:$(cat "$OUT/branch/cp.txt")"
fetch_payara

poll_dashboard() {
  local port="$1"
  while sleep 2; do
    curl -s -o /dev/null -m 5 -H "X-Diffyne-Dashboard-Key: $DASH_KEY" "http://127.0.0.1:$port/_diffyne/dashboard" || true
  done
}

run() {
  local name="$1" war="$2" cp="$3" open="$4" port poller=""
  shift 4
  port="$(free_port)"
  start_payara "$port" "$war" "$OUT/$name.log" "$OUT/$name.jfr" DIFFYNE_WS_KEY="$KEY" DIFFYNE_RATE_LIMIT=0 \
    DIFFYNE_WS_HANDSHAKE_RATE=0 DIFFYNE_WS_CONNECTIONS_PER_CLIENT=0 "$@"
  if [[ "$open" == open ]]; then
    poll_dashboard "$port" &
    poller=$!
  fi
  local status=0
  java -Xms512m -Xmx2g -Dbench.only=throughput -cp "$cp" io.diffyne.bench.load.BenchMain "$port" "$KEY" \
    "$OUT/$name.json" quick > "$OUT/$name.out" 2>&1 || status=$?
  if [[ -n "$poller" ]]; then kill "$poller" 2>/dev/null || true; wait "$poller" 2>/dev/null || true; fi
  stop_server
  [[ $status -eq 0 ]] || { log "$name failed: see $OUT/$name.out"; exit $status; }
  log "$name: $(jq -c '[.throughput[] | .[] | {d: .diffyne.ops_per_s, r: .ratio}]' "$OUT/$name.json")"
}

for round in $(seq 1 "$ROUNDS"); do
  run "base-$round" "$OUT/base/diffyne-bench.war" "$BRANCH_CP" closed
  run "closed-$round" "$OUT/branch/diffyne-bench.war" "$BRANCH_CP" closed DIFFYNE_DASHBOARD=true DIFFYNE_DASHBOARD_KEY="$DASH_KEY"
  run "open-$round" "$OUT/branch/diffyne-bench.war" "$BRANCH_CP" open DIFFYNE_DASHBOARD=true DIFFYNE_DASHBOARD_KEY="$DASH_KEY"
done

for f in "$OUT"/{base,closed,open}-*.json; do
  v="$(basename "$f" .json)"
  jq -c --arg v "$v" '{run: $v, load_before: .load_before, ws16: .throughput."16".websocket.diffyne.ops_per_s,
    ws16_ratio: .throughput."16".websocket.ratio, ajax16: .throughput."16".ajax.diffyne.ops_per_s,
    ajax16_ratio: .throughput."16".ajax.ratio, ws64: .throughput."64".websocket.diffyne.ops_per_s,
    ws64_ratio: .throughput."64".websocket.ratio, ajax64: .throughput."64".ajax.diffyne.ops_per_s,
    ajax64_ratio: .throughput."64".ajax.ratio}' "$f"
done | tee "$OUT/summary.jsonl"
log "per-run figures: $OUT/summary.jsonl"
