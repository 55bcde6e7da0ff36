# What the test scripts share, sourced (bash) from the repository's root: free loopback ports, the built WAR and
# Payara Micro's jar, waiting for health, and stopping exactly the processes a script started, by PID.

# pick_port <var>: sets <var> to a port free on 127.0.0.1 now and not handed out before in this shell. The kernel may
# hand a port out again once its probe socket is closed, and a server binds its port only when it starts: two ports
# picked one after the other for two servers were once the same one (one Payara Micro's HTTP port, another's data
# grid port), and the later server failed with "Address already in use".
PICKED_PORTS=""
pick_port() {
    local _picked # not "port": printf -v would set this local instead of a caller's variable of that name
    _picked=$(python3 -c '
import socket, sys
taken = set(sys.argv[1].split())
for _ in range(100):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
    if str(port) not in taken:
        print(port); break
else:
    sys.exit("no free port not picked before")' "$PICKED_PORTS") || return 1
    PICKED_PORTS+=" $_picked"
    printf -v "$1" '%s' "$_picked"
}

# sets WAR (target/diffyne.war) and JAR (MICRO_JAR, else Payara Micro's in ~/.m2), failing when either is missing
require_war_and_micro_jar() {
    WAR="$(pwd)/target/diffyne.war"
    JAR="${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar}"
    [[ -f "$WAR" ]] || { echo "$WAR is missing: run mvn package" >&2; return 1; }
    [[ -f "$JAR" ]] || { echo "$JAR is missing: run mvn verify (it fetches Payara Micro)" >&2; return 1; }
}

# waits until <url> answers 2xx, at most <seconds>: wait_healthy <url> <seconds>
wait_healthy() {
    local end=$((SECONDS + $2))
    while ((SECONDS < end)); do
        if curl -fsS -m 5 -o /dev/null "$1" 2>/dev/null; then return 0; fi
        sleep 1
    done
    return 1
}

# SIGTERM to each PID given, SIGKILL to any still running 20 s later (one already gone is skipped)
stop_pids() {
    local pid
    for pid in "$@"; do kill "$pid" 2>/dev/null || true; done
    for pid in "$@"; do
        for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
