#!/usr/bin/env bash
# Tests docker/supervisor/diffyne.conf under Debian's supervisord, on loopback only:
#   its own supervisord (own config, unix socket in a temp folder, no inet server, in the foreground) includes the
#   program file with only its paths, port, user and key substituted (and the HTTP listener bound to 127.0.0.1);
#   Payara Micro must answer /_diffyne/health UP, then its JVM is killed with kill -9, Supervisor must start a new one
#   (another PID) that answers UP again, and the program's stdout_logfile must hold the startup lines of both runs;
#   supervisorctl stop must end it with SIGTERM (exit 143), not SIGKILL.
# Needs: supervisor (supervisord, supervisorctl), java, curl, python3, target/diffyne.war (mvn package), the Payara
# Micro jar in ~/.m2 (mvn verify fetches it). Every wait has a deadline; .ci/run bounds the whole with timeout.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
PROGRAM=docker/supervisor/diffyne.conf

for tool in supervisord supervisorctl curl python3 java; do
    command -v "$tool" >/dev/null || { echo "$tool is not installed (apt-get install supervisor curl python3)" >&2; exit 1; }
done
WAR="$ROOT/target/diffyne.war"
JAR="${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar}"
[[ -f "$WAR" ]] || { echo "$WAR is missing: run mvn package" >&2; exit 1; }
[[ -f "$JAR" ]] || { echo "$JAR is missing: run mvn verify (it fetches Payara Micro)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/diffyne-supervisor.XXXXXX)
HOME_DIR="$WORK/app"      # stands for /opt/diffyne
SUPERVISORD_PID=""
JVM_PIDS=()
ctl() { timeout 20 supervisorctl -c "$WORK/supervisord.conf" "$@"; }
cleanup() {
    # only what this script started, by PID: supervisord stops its program (SIGTERM, stopwaitsecs) on shutdown
    if [[ -n "$SUPERVISORD_PID" ]] && kill -0 "$SUPERVISORD_PID" 2>/dev/null; then
        ctl shutdown >/dev/null 2>&1 || kill "$SUPERVISORD_PID" 2>/dev/null || true
        for _ in $(seq 80); do kill -0 "$SUPERVISORD_PID" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$SUPERVISORD_PID" 2>/dev/null || true
    fi
    for pid in "${JVM_PIDS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    if [[ "${KEEP_WORK:-}" != "1" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

fail() {
    echo "supervisor-test: $*" >&2
    echo "--- supervisord log:" >&2; tail -20 "$WORK/supervisord.log" >&2 2>/dev/null || true
    echo "--- program log:" >&2; tail -40 "$HOME_DIR/logs/diffyne.log" >&2 2>/dev/null || true
    exit 1
}

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

PORT=$(free_port)
KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)

# the layout the program file's header asks for, under $HOME_DIR
mkdir -p "$HOME_DIR/logs/diffyne-websocket" "$WORK/conf.d"
ln -s "$JAR" "$HOME_DIR/payara-micro.jar"
ln -s "$WAR" "$HOME_DIR/diffyne.war"
cp docker/logging.properties "$HOME_DIR/logging.properties"

# the program file itself, with nothing changed but: /opt/diffyne, the port (plus the preboot file that binds the
# HTTP listener to 127.0.0.1), the java binary if it is elsewhere, the user (this one) and the key's placeholder
JAVA=$(command -v java)
sed -e "s#/opt/diffyne#$HOME_DIR#g" \
    -e "s#--port 8080#--port $PORT --prebootcommandfile $ROOT/src/test/resources/payara-loopback.preboot#" \
    -e "s#^command=/usr/bin/java #command=$JAVA #" \
    -e "s#^user=diffyne\$#user=$(id -un)#" \
    -e "s#DIFFYNE_WS_KEY=\"CHANGE-ME\"#DIFFYNE_WS_KEY=\"$KEY\"#" \
    "$PROGRAM" > "$WORK/conf.d/diffyne.conf"
for expected in "--port $PORT --prebootcommandfile" "directory=$HOME_DIR" "user=$(id -un)" "DIFFYNE_WS_KEY=\"$KEY\"" \
        "stdout_logfile=$HOME_DIR/logs/diffyne.log" "--logproperties $HOME_DIR/logging.properties"; do
    grep -qF -- "$expected" "$WORK/conf.d/diffyne.conf" || fail "$PROGRAM no longer has what the test substitutes: $expected"
done
! grep -q /opt/diffyne "$WORK/conf.d/diffyne.conf" || fail "a path of $PROGRAM was not substituted"

cat > "$WORK/supervisord.conf" <<EOF
[unix_http_server]
file=$WORK/supervisor.sock
chmod=0700

[supervisord]
nodaemon=true
logfile=$WORK/supervisord.log
pidfile=$WORK/supervisord.pid
childlogdir=$WORK
directory=$WORK

[rpcinterface:supervisor]
supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

[supervisorctl]
serverurl=unix://$WORK/supervisor.sock

[include]
files=$WORK/conf.d/diffyne.conf
EOF

supervisord -c "$WORK/supervisord.conf" > "$WORK/supervisord.out" 2>&1 &
SUPERVISORD_PID=$!

# the PID of the program's JVM once Supervisor reports it RUNNING, waiting at most $1 seconds; empty if none
running_pid() {
    local end=$((SECONDS + $1)) status
    while ((SECONDS < end)); do
        kill -0 "$SUPERVISORD_PID" 2>/dev/null || fail "supervisord exited: $(cat "$WORK/supervisord.out")"
        status=$(ctl status diffyne 2>/dev/null || true)
        if [[ "$status" =~ RUNNING[[:space:]]+pid[[:space:]]+([0-9]+) ]]; then echo "${BASH_REMATCH[1]}"; return 0; fi
        [[ "$status" == *FATAL* ]] && fail "the program is FATAL: $status"
        sleep 0.5
    done
}

wait_healthy() { # seconds
    local end=$((SECONDS + $1)) body
    while ((SECONDS < end)); do
        body=$(curl -fsS -m 5 "http://127.0.0.1:$PORT/_diffyne/health" 2>/dev/null || true)
        if [[ "$body" == '{"status":"UP"'* ]]; then return 0; fi
        sleep 1
    done
    return 1
}

start=$SECONDS
FIRST=$(running_pid 60)
[[ -n "$FIRST" ]] || fail "Supervisor did not report the program RUNNING within 60 s"
JVM_PIDS+=("$FIRST")
[[ "$(readlink "/proc/$FIRST/exe" 2>/dev/null)" == *java ]] || fail "PID $FIRST is not the JVM: $(ps -o args= -p "$FIRST")"
wait_healthy 180 || fail "the first run did not answer /_diffyne/health UP within 180 s"
echo "supervisor-test: first run, JVM $FIRST, /_diffyne/health UP after $((SECONDS - start)) s"

kill -9 "$FIRST"
killed=$SECONDS
end=$((SECONDS + 60))
SECOND=""
while ((SECONDS < end)); do
    SECOND=$(running_pid 5)
    [[ -n "$SECOND" && "$SECOND" != "$FIRST" ]] && break
    SECOND=""
done
[[ -n "$SECOND" ]] || fail "Supervisor did not start a new JVM within 60 s of kill -9"
JVM_PIDS+=("$SECOND")
kill -0 "$FIRST" 2>/dev/null && fail "the killed JVM $FIRST is still there"
wait_healthy 180 || fail "the restarted JVM $SECOND did not answer /_diffyne/health UP within 180 s"
echo "supervisor-test: after kill -9, new JVM $SECOND, /_diffyne/health UP after $((SECONDS - killed)) s"

grep -q "exited: diffyne (terminated by SIGKILL" "$WORK/supervisord.log" \
    || fail "supervisord did not log the SIGKILL exit"
LOG="$HOME_DIR/logs/diffyne.log"
ready=$(grep -c "Payara Micro .* ready in" "$LOG" || true)
configured=$(grep -c "Diffyne configuration: .*DIFFYNE_WS_CORS_ORIGINS=https://example.com" "$LOG" || true)
[[ "$ready" == 2 ]] || fail "stdout_logfile $LOG holds $ready 'ready in' lines, not one per run"
# the environment= settings reached the application (the key is masked in that line, the origins are not)
[[ "$configured" == 2 ]] || fail "stdout_logfile $LOG holds $configured configuration lines with environment='s origins, not 2"

# supervisorctl stop: stopsignal=TERM ends the JVM cleanly (143) within stopwaitsecs, so no SIGKILL was needed
ctl stop diffyne >/dev/null || fail "supervisorctl stop diffyne failed"
grep -q "stopped: diffyne (exit status 143)" "$WORK/supervisord.log" || fail "the JVM did not stop cleanly on SIGTERM"
echo "supervisor-test: $PROGRAM under supervisord $(supervisord --version): restarted after kill -9," \
    "both runs' startup lines in stdout_logfile, stopped by SIGTERM (exit 143) in $((SECONDS - start)) s in all"
