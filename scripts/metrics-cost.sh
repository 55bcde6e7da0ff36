#!/usr/bin/env bash
# What recording (io.diffyne.metrics) costs a click, in ONE JVM (issue #18: at most 2 % of click throughput): two
# runtimes identical but for the recorder, blocks of clicks alternated on off off on (BENCHMARKS.md, "What recording
# costs a click"). Unlike scripts/metrics-overhead.sh no server is started and no socket opened: the difference
# between two JVMs (about 10 % here) is out of the comparison. Builds the benchmark classes as scripts/bench.sh does
# (-Pbench into target/metrics-cost, compile only: no WAR is needed), runs io.diffyne.bench.micro.MetricsOverheadBench
# and prints its table with the load average before and after; then the dashboard's timers and what an open dashboard
# page's three 2-second polls cost (io.diffyne.bench.micro.OpenDashboard, about 20 s of the run).
# Output: target/metrics-cost/result.json, run.log.
#
#   flock /work/heavy.lock scripts/metrics-cost.sh          about 2.5 minutes on 2 cores, the build (25 s) included
#   flock /work/heavy.lock scripts/metrics-cost.sh quick    smoke run with small counts (figures not comparable)
#   REUSE=1 skips the build when target/metrics-cost holds one
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

MODE="${1:-full}"
OUT="$PWD/target/metrics-cost"
mkdir -p "$OUT"

if [[ -n "${REUSE:-}" && -d "$OUT/classes" && -f "$OUT/cp.txt" ]]; then
  log "REUSE: the classes of an earlier build in $OUT"
else
  log "building the benchmark classes (-Pbench) of $(git rev-parse --short HEAD) into $OUT"
  run_mvn -Pbench -DbuildDir="$OUT" -DskipTests -DskipJsTests compile
  run_mvn -DbuildDir="$OUT" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/cp.txt"
fi
CP="$OUT/classes:$(cat "$OUT/cp.txt")"

log "load average before: $(cat /proc/loadavg)"
java -Xms1g -Xmx1g -cp "$CP" io.diffyne.bench.micro.MetricsOverheadBench "$OUT/result.json" \
  "$([[ $MODE == quick ]] && echo quick || echo full)" 2>&1 | tee "$OUT/run.log"
log "load average after: $(cat /proc/loadavg)"
log "figures: $OUT/result.json"
