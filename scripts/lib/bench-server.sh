# shellcheck shell=bash
# Shared by scripts/bench.sh, soak.sh, fuzz.sh and memory.sh, sourced once they have changed to the repository root: the Maven
# build of the benchmark WAR, the Payara Micro jar, and one Payara Micro server on a free loopback port, started and
# stopped by its PID. Sourcing it sets SERVER_PID="" and the traps below; it defines:
#   log MESSAGE...                 "[bench.sh] MESSAGE" (the name of the script that sourced it)
#   run_mvn ARGS...                mvn with MVN_FLAGS (unset: -o, offline; empty: online), quiet, batch
#   random_key PREFIX              PREFIX-<24 random hex digits>, for DIFFYNE_WS_KEY
#   raise_fd_limit WHAT            ulimit -n to 8192 if lower; if it cannot, a warning that WHAT may fail
#   build_bench_war OUT            the benchmark WAR, its classpath (CP) and the free-port helper, all under OUT
#   build_test_war OUT             the production WAR, the test classpath (CP) and the free-port helper, under OUT
#   fetch_payara                   the Payara Micro jar (PAYARA_JAR) if it is missing
#   free_port                      a port that is free on 127.0.0.1 now
#   start_payara [--ready PATH]... PORT WAR LOG JFR [NAME=VALUE...]
#                                  the server, SERVER_PID, back once it answers (see there); JFR_SETTINGS=<file.jfc>
#                                  records with those settings instead of the JDK's default ones
#   stop_server                    the server started by start_payara, if it still runs

PAYARA_VERSION=6.2025.10
PAYARA_JAR="${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}"
SERVER_PID=""

log() { printf '[%s] %s\n' "${0##*/}" "$*"; }

run_mvn() {
  # MVN_FLAGS is a list of flags, split on purpose; ${MVN_FLAGS--o}, not :-, so that an empty MVN_FLAGS= runs Maven
  # online (e.g. to fill a fresh ~/.m2) instead of falling back to -o
  # shellcheck disable=SC2086
  mvn ${MVN_FLAGS--o} -q -B "$@"
}

random_key() { printf '%s-%s\n' "$1" "$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"; }

raise_fd_limit() {
  if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 8192 ]]; then
    ulimit -n 8192 2>/dev/null || log "warning: ulimit -n is $(ulimit -n); $1"
  fi
}

# -Pbench builds into its own folder OUT (-DbuildDir): the production code plus src/bench, OUT/diffyne-bench.war;
# OUT/cp.txt is the test-scope classpath the load generator runs with (CP)
build_bench_war() {
  local out="$1"
  run_mvn -Pbench -DbuildDir="$out" -DskipTests -DskipJsTests package
  run_mvn -DbuildDir="$out" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt"
  # shellcheck disable=SC2034 # CP is for the scripts that source this file
  CP="$out/classes:$(cat "$out/cp.txt")"
  FREE_PORT_JAVA="$out/FreePort.java"
  cat > "$FREE_PORT_JAVA" <<'JAVA'
public class FreePort {
    public static void main(String[] a) throws Exception {
        try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            System.out.println(s.getLocalPort());
        }
    }
}
JAVA
}

# the production WAR and the test classes (the fuzzer, the memory push) in their own folder OUT, OUT/diffyne.war; CP is
# the test classpath they run with, and the free-port helper is written there too
build_test_war() {
  local out="$1"
  run_mvn -DbuildDir="$out" -DskipTests -DskipJsTests package
  run_mvn -DbuildDir="$out" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt"
  # shellcheck disable=SC2034 # CP and FREE_PORT_JAVA are for the scripts that source this file
  CP="$out/test-classes:$out/classes:$(cat "$out/cp.txt")"
  FREE_PORT_JAVA="$out/FreePort.java"
  printf '%s\n' 'public class FreePort { public static void main(String[] a) throws Exception {' \
    '  try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {' \
    '    System.out.println(s.getLocalPort()); } } }' > "$FREE_PORT_JAVA"
}

fetch_payara() {
  if [[ ! -f "$PAYARA_JAR" ]]; then
    # the one artifact a fresh ~/.m2 may lack: fetched from Maven Central even when the build itself ran offline
    mvn -q -B dependency:get -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -Dtransitive=false
  fi
}

free_port() {
  java "${FREE_PORT_JAVA:?build_bench_war writes the free-port helper}"
}

# Answers 2xx on every PATH, each within 5 s (a server that accepts but does not answer must not stall the deadline)
_answers() {
  local port="$1" path
  shift
  for path in "$@"; do
    curl -sf -m 5 "http://127.0.0.1:$port$path" > /dev/null 2>&1 || return 1
  done
}

# start_payara [--ready PATH]... PORT WAR LOG JFR [NAME=VALUE...]
# Payara Micro with WAR at / on PORT, its HTTP listener bound to 127.0.0.1 by the preboot file, a heap of PAYARA_HEAP
# (default 1g), a flight
# recording to JFR (written when it exits), output to LOG, the NAME=VALUE pairs added to its environment. Sets
# SERVER_PID (the JVM's own PID: env execs java) and returns once /_diffyne/health and every --ready PATH answer;
# exits the script if the server exits first or does not answer within 120 s.
# JFR_SETTINGS=<file.jfc>: the recording uses those settings instead of the JDK's default ones (a finer sampling period).
start_payara() {
  local ready=(/_diffyne/health) within=120
  while [[ "${1:-}" == --ready ]]; do ready+=("$2"); shift 2; done
  local port="$1" war="$2" out="$3" jfr="$4"
  shift 4
  env "$@" java -Xms"${PAYARA_HEAP:-1g}" -Xmx"${PAYARA_HEAP:-1g}" -XX:StartFlightRecording=filename="$jfr",dumponexit=true${JFR_SETTINGS:+,settings=$JFR_SETTINGS} \
    -jar "$PAYARA_JAR" --nocluster --disablephonehome --port "$port" \
    --prebootcommandfile src/bench/payara/preboot.asadmin --contextroot / --deploy "$war" \
    > "$out" 2>&1 &
  SERVER_PID=$!
  local deadline=$(( $(date +%s) + within ))
  until _answers "$port" "${ready[@]}"; do
    kill -0 "$SERVER_PID" 2>/dev/null || { log "Payara Micro exited: see $out"; exit 1; }
    (( $(date +%s) < deadline )) || { log "Payara Micro did not become healthy within $within s: see $out"; exit 1; }
    sleep 0.5
  done
}

# Only the server this script started, by its PID: TERM, up to 30 s to exit (the JVM writes its flight recording on
# the way out), then KILL
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    local deadline=$(( $(date +%s) + 30 ))
    while kill -0 "$SERVER_PID" 2>/dev/null && (( $(date +%s) < deadline )); do sleep 0.5; done
    if kill -0 "$SERVER_PID" 2>/dev/null; then kill -9 "$SERVER_PID" 2>/dev/null || true; fi
  fi
  SERVER_PID=""
}
# the server goes with the script however it ends; INT and TERM exit (so the EXIT trap runs) rather than let the
# script carry on once the interrupted command returns
trap stop_server EXIT
trap 'exit 130' INT TERM
