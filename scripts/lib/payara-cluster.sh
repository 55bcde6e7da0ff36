# Payara Micro instances clustered by Payara's own data grid on 127.0.0.1, sourced (bash) from the repository's root
# after own-processes.sh (pick_port): TCP/IP join over the listed members (never multicast), a cluster name unique to
# the run (two runs on one machine never join), the grid bound to 127.0.0.1 only (-Dhazelcast.socket.bind.any=false:
# Hazelcast binds every address otherwise, whatever --interfaces says), HTTP on 127.0.0.1 (payara-loopback.preboot,
# which also turns off the H2 TCP server of the default datasource). CLUSTER_JAVA_OPTS (default: C1 only and the
# serial collector, so three JVMs boot faster on two cores; a benchmark sets it empty) and CLUSTER_HEAP (512m).
#   cluster_start <count> <war> <work> [NAME=VALUE...]
#       starts them, output to <work>/payara-<n>.log, the NAME=VALUE pairs (and DIFFYNE_CLUSTER_PAYARA_GRID=true) in
#       their environment; sets CLUSTER_NAME, CLUSTER_HTTP (ports), CLUSTER_GRID (ports), CLUSTER_PIDS
#   cluster_await <seconds>
#       until every instance answers /_diffyne/health and Payara has printed a data grid of all of them; fails (with
#       the log's tail) when the deadline passes or a JVM exits first

cluster_start() {
    local count=$1 war=$2 work=$3 i members=""
    shift 3
    CLUSTER_HTTP=() CLUSTER_GRID=() CLUSTER_PIDS=()
    local http grid
    for ((i = 0; i < count; i++)); do
        pick_port http; pick_port grid; CLUSTER_HTTP+=("$http"); CLUSTER_GRID+=("$grid")
    done
    for ((i = 0; i < count; i++)); do members+="${members:+,}127.0.0.1:${CLUSTER_GRID[$i]}"; done
    CLUSTER_NAME="diffyne-cluster-$$-$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
    CLUSTER_WORK=$work
    for ((i = 0; i < count; i++)); do
        env DIFFYNE_CLUSTER_PAYARA_GRID=true "$@" \
            java -Xmx"${CLUSTER_HEAP:-512m}" ${CLUSTER_JAVA_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} \
            -Dhazelcast.socket.bind.any=false \
            -jar "${JAR:?set JAR to the Payara Micro jar}" \
            --clustermode "tcpip:$members" --interfaces 127.0.0.1 --startport "${CLUSTER_GRID[$i]}" \
            --clustername "$CLUSTER_NAME" --nohostaware --disablephonehome \
            --prebootcommandfile src/test/resources/payara-loopback.preboot \
            --port "${CLUSTER_HTTP[$i]}" --contextroot / --deploy "$war" > "$work/payara-$((i + 1)).log" 2>&1 &
        CLUSTER_PIDS+=($!)
    done
}

cluster_await() {
    local end=$((SECONDS + $1)) i count=${#CLUSTER_PIDS[@]}
    for ((i = 0; i < count; i++)); do
        until curl -fsS -m 5 -o /dev/null "http://127.0.0.1:${CLUSTER_HTTP[$i]}/_diffyne/health" 2>/dev/null; do
            if ! kill -0 "${CLUSTER_PIDS[$i]}" 2>/dev/null || ((SECONDS > end)); then
                echo "payara-$((i + 1)) did not become healthy; its log:" >&2
                tail -60 "$CLUSTER_WORK/payara-$((i + 1)).log" >&2
                return 1
            fi
            sleep 0.5
        done
    done
    # Payara prints its "Data Grid Status" on every change
    until grep -q "DG Name: $CLUSTER_NAME DG Size: $count" "$CLUSTER_WORK"/payara-*.log; do
        if ((SECONDS > end)) || ! kill -0 "${CLUSTER_PIDS[@]}" 2>/dev/null; then
            echo "the $count instances did not form one data grid in time:" >&2
            grep -h 'DG Size' "$CLUSTER_WORK"/payara-*.log >&2 || true
            return 1
        fi
        sleep 0.5
    done
}
