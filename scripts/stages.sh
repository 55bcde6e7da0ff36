#!/usr/bin/env bash
# Where a click's time goes on the server (BENCHMARKS.md, "Where a click's time goes"): builds the benchmark WAR, then
# for each round starts Payara Micro with a flight recording, runs io.diffyne.bench.load.StageBench against it (counter
# clicks and appends to a 100-item list, WebSocket and AJAX, interleaved with echoes), stops it by PID and prints the
# stage table of each phase (io.diffyne.bench.load.StageTable, from the io.diffyne.Stage / io.diffyne.Action events).
#
#   scripts/stages.sh [ROUNDS]           ROUNDS rounds (default 1) of this working tree's WAR
#   BASE_WAR=path scripts/stages.sh 2    A/B: rounds alternate between BASE_WAR ("base") and this tree's ("new"),
#                                        base first, so a change in background load hits both alike
#   NEW_WAR=path                         "new" is that WAR instead of this tree's (built before, e.g. to queue a
#                                        run while the tree changes)
#   QUICK=1 scripts/stages.sh            small counts (a smoke run; figures not comparable)
#   SAMPLE_PERIOD="2 ms"                 execution samples every 2 ms (default 20 ms), for the hot frames of a stage
#   RATE_LIMIT=1000000                   DIFFYNE_RATE_LIMIT for both sides (default 0, off): a limit too high to refuse
#                                        anything, to see what counting every request against it costs
#
# About 2.5 minutes per round on 2 cores. Raw outputs: target/stages/run/<label>-<n>.{json,jfr,client.jfr,md,log}
# (the server's and the load generator's recordings, both with every socket read and write: see stages.jfc).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/bench-server.sh
source scripts/lib/bench-server.sh

ROUNDS="${1:-1}"
OUT=target/stages
RUN="$OUT/run"
KEY="$(random_key stages)"

log "building the benchmark WAR ($OUT/diffyne-bench.war)"
build_bench_war "$OUT"
fetch_payara
mkdir -p "$RUN"
# the JDK's default recording settings, but every socket read and write recorded (threshold 0, no stack trace: a
# few hundred nanoseconds each): StageTable places each WebSocket action between the server thread's read of the
# frame and its write of the answer (the stages before the handler and after the send)
JAVA_HOME_DIR="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')"
export JFR_SETTINGS="$PWD/$OUT/stages.jfc"
perl -0pe 's{(<event name="jdk\.Socket(?:Read|Write)">.*?</event>)}{my $b = $1;
  $b =~ s/(name="stackTrace">)true/${1}false/; $b =~ s/(control="socket-threshold">)[^<]*/${1}0 ms/; $b}gse' \
  "$JAVA_HOME_DIR/lib/jfr/default.jfc" > "$JFR_SETTINGS"
grep -A3 'jdk.SocketWrite"' "$JFR_SETTINGS" | grep -q '>0 ms<' || { log "could not write $JFR_SETTINGS"; exit 1; }
# and Diffyne's own events, which a default recording has only for actions of 20 ms or more (Action) or not at all
# (Stage): every one of them
perl -0pi -e 's{</configuration>}{  <event name="io.diffyne.Action"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
  <event name="io.diffyne.Stage"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
</configuration>}' "$JFR_SETTINGS"
grep -q 'io.diffyne.Stage' "$JFR_SETTINGS" || { log "could not enable the io.diffyne events in $JFR_SETTINGS"; exit 1; }
# SAMPLE_PERIOD (e.g. "2 ms"): Java execution samples that often instead of every 20 ms, to see which frames a stage's
# time is spent in (both sides of an A/B alike; the figures are then not comparable with a default round)
if [[ -n ${SAMPLE_PERIOD:-} ]]; then
  perl -0pi -e 's{(<event name="jdk\.ExecutionSample">.*?name="period"[^>]*>)[^<]*}{${1}'"$SAMPLE_PERIOD"'}s' "$JFR_SETTINGS"
  grep -A3 'jdk.ExecutionSample"' "$JFR_SETTINGS" | grep -q ">$SAMPLE_PERIOD<" || { log "could not set SAMPLE_PERIOD"; exit 1; }
fi

round() {
  local label="$1" war="$2" n="$3" port
  port="$(free_port)"
  log "round $n ($label, $war): Payara Micro on 127.0.0.1:$port; load $(cut -d' ' -f1-3 /proc/loadavg)"
  start_payara "$port" "$war" "$RUN/$label-$n.log" "$RUN/$label-$n.jfr" \
    DIFFYNE_WS_KEY="$KEY" DIFFYNE_RATE_LIMIT="${RATE_LIMIT:-0}" DIFFYNE_WS_HANDSHAKE_RATE=0 DIFFYNE_WS_CONNECTIONS_PER_CLIENT=0
  local status=0
  java -Xms256m -Xmx1g -XX:StartFlightRecording=filename="$RUN/$label-$n.client.jfr",dumponexit=true,settings="$JFR_SETTINGS" \
    -cp "$CP" io.diffyne.bench.load.StageBench "$port" "$KEY" "$RUN/$label-$n.json" \
    "$([[ -n ${QUICK:-} ]] && echo quick || echo full)" || status=$?
  stop_server
  if [[ $status -ne 0 ]]; then
    log "round $n failed (a failed check is an error, not a data point)"
    exit $status
  fi
  java -cp "$CP" io.diffyne.bench.load.StageTable "$RUN/$label-$n.jfr" "$RUN/$label-$n.json" \
    "$RUN/$label-$n.stages.json" "$RUN/$label-$n.client.jfr" | tee "$RUN/$label-$n.md"
  # the same round's exchanges one by one, without the stage marks: the server's share of the client's extra time
  java -cp "$CP" io.diffyne.bench.load.ExchangeWindows "$RUN/$label-$n.jfr" "$RUN/$label-$n.json" \
    "$RUN/$label-$n.client.jfr" | tee -a "$RUN/$label-$n.md"
}

for (( i = 1; i <= ROUNDS; i++ )); do
  if [[ -n ${BASE_WAR:-} ]]; then
    round base "$BASE_WAR" "$i"
  fi
  round new "${NEW_WAR:-$OUT/diffyne-bench.war}" "$i"
done
log "done: $RUN"
