#!/usr/bin/env bash
# Tests docker/nginx.conf with Debian's nginx, on loopback only.
#   scripts/nginx-test.sh           nginx -t on the config, its upstream rewritten to 127.0.0.1 ports
#   scripts/nginx-test.sh --smoke   also: two Payara Micro instances (same DIFFYNE_WS_KEY) behind that nginx,
#                                   /health (Payara's MicroProfile Health, the WAR being at /) must answer 200 UP
#                                   through nginx from both instances, listing the readiness checks diffyne and
#                                   demo-chat-storage; /_diffyne/health (Diffyne's own) 200 UP
# The compose host names (diffyne-1...) do not resolve outside Docker, and nginx -t resolves upstream servers,
# so the config is tested as the compose file uses it except for those addresses and the listen port.
# Needs: nginx, java, target/diffyne.war (mvn package), the Payara Micro jar in ~/.m2 (mvn verify fetches it).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SMOKE=false
[[ "${1:-}" == "--smoke" ]] && SMOKE=true

NGINX=$(command -v nginx || echo /usr/sbin/nginx)
[[ -x "$NGINX" ]] || { echo "nginx is not installed (apt-get install nginx)" >&2; exit 1; }

WORK=$(mktemp -d /tmp/diffyne-nginx.XXXXXX)
PIDS=()
# shellcheck source=lib/own-processes.sh
. scripts/lib/own-processes.sh
cleanup() {
    # stop only what this script started, by PID
    stop_pids "${PIDS[@]}"
    if [[ "${KEEP_WORK:-}" != "1" ]]; then rm -rf "$WORK"; fi
}
trap cleanup EXIT

# shellcheck source=lib/nginx-config.sh
. scripts/lib/nginx-config.sh
render_config() { render_nginx_config "$WORK" "$@"; }

nginx_args=(-p "$WORK" -c "$WORK/nginx.conf" -g "pid $WORK/nginx.pid; error_log $WORK/error.log;")

pick_port LISTEN
pick_port B1
pick_port B2
render_config "$LISTEN" "$B1" "$B2"
"$NGINX" -t "${nginx_args[@]}" 2>&1 | sed 's/^/nginx -t: /'
echo "docker/nginx.conf: syntax ok (upstream rewritten to 127.0.0.1:$B1, 127.0.0.1:$B2)"

$SMOKE || exit 0

require_war_and_micro_jar

KEY=$(head -c 32 /dev/urandom | base64 | tr -d '/+=' | head -c 40)
for port in "$B1" "$B2"; do
    # same key on both, as a cluster needs; --deploy war:/ as docker/entrypoint.sh does
    DIFFYNE_WS_KEY="$KEY" java -Xmx512m -jar "$JAR" --nocluster --disablephonehome --nohostaware \
        --prebootcommandfile "$ROOT/src/test/resources/payara-loopback.preboot" \
        --port "$port" --deploy "$WAR:/" > "$WORK/payara-$port.log" 2>&1 &
    PIDS+=($!)
done
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -g "pid $WORK/nginx.pid; error_log $WORK/error.log; daemon off;" \
    > "$WORK/nginx.out" 2>&1 &
PIDS+=($!)


for port in "$B1" "$B2"; do
    # Diffyne's own health: /health at the root is Payara's
    if ! wait_healthy "http://127.0.0.1:$port/_diffyne/health" 180; then
        echo "instance on $port did not become healthy; its log:" >&2
        tail -50 "$WORK/payara-$port.log" >&2
        exit 1
    fi
done

# Round-robin: several requests through nginx reach both instances; every answer is Payara's 200 UP, listing the
# diffyne check with the root context's WebSocket path and the demo's own check
expected='"websocketPath":"/diffyne"'
for i in 1 2 3 4; do
    body=$(curl -fsS -m 10 -D "$WORK/headers" "http://127.0.0.1:$LISTEN/health")
    grep -q '^HTTP/1.1 200' "$WORK/headers" || { echo "not 200 through nginx" >&2; cat "$WORK/headers" >&2; exit 1; }
    [[ "$body" == '{"status":"UP"'* && "$body" == *"$expected"* && "$body" == *'"name":"demo-chat-storage"'* ]] \
        || { echo "unexpected body: $body" >&2; exit 1; }
done
ready=$(curl -fsS -m 10 "http://127.0.0.1:$LISTEN/health/ready")
[[ "$ready" == *'"name":"diffyne"'* && "$ready" == *'"name":"demo-chat-storage"'* ]] \
    || { echo "/health/ready lacks a check: $ready" >&2; exit 1; }
curl -fsS -m 10 "http://127.0.0.1:$LISTEN/_diffyne/health" | grep -q '"status":"UP"'
for port in "$B1" "$B2"; do
    grep -q "^127.0.0.1:$port 200 /health" "$WORK/access.log" \
        || { echo "nginx never reached the instance on $port:" >&2; cat "$WORK/access.log" >&2; exit 1; }
done
echo "nginx on 127.0.0.1:$LISTEN -> Payara Micro on $B1 and $B2 (both reached): /health, /health/ready (diffyne and" \
    "demo-chat-storage) and /_diffyne/health 200 UP"

# A browser's WebSocket handshake through nginx on its non-default port: the page's token, the Origin a browser sends
# (with the port). The instance compares that Origin with the Host nginx passes on, so nginx must keep the port.
page=$(curl -fsS -m 10 "http://127.0.0.1:$LISTEN/")
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<< "$page" | head -1)
[[ -n "$token" ]] || { echo "no handshake token in the page served through nginx" >&2; exit 1; }
status=$(curl -s -m 5 -o /dev/null -w '%{http_code}' --http1.1 \
    -H "Connection: Upgrade" -H "Upgrade: websocket" -H "Sec-WebSocket-Version: 13" \
    -H "Sec-WebSocket-Key: $(head -c 16 /dev/urandom | base64)" -H "Origin: http://127.0.0.1:$LISTEN" \
    "http://127.0.0.1:$LISTEN/diffyne?token=$token" || true)
[[ "$status" == 101 ]] || { echo "WebSocket handshake through nginx answered $status, not 101" >&2; tail -5 "$WORK/access.log" >&2; exit 1; }
echo "a page's WebSocket handshake through nginx on 127.0.0.1:$LISTEN, Origin with the port: 101"
