# docker/nginx.conf as a test runs it, sourced (bash), from the repository's root:
#   render_nginx_config <work> <listen port> <backend port>...
# writes <work>/nginx.conf: listening on 127.0.0.1:<listen port>, the upstream's servers 127.0.0.1:<backend port>...,
# an access log <work>/access.log of "$upstream_addr $status $request_uri" lines. The compose host names
# (diffyne-1...) do not resolve outside Docker, and nginx -t resolves upstream servers, so only those addresses and
# the listen port change.
render_nginx_config() {
    local work=$1 listen=$2; shift 2
    awk -v listen="$listen" -v backends="$*" -v work="$work" '
        /^[[:space:]]*upstream diffyne_websocket[[:space:]]*\{/ { print; inup = 1; n = split(backends, b, " ");
            for (i = 1; i <= n; i++) printf "        server 127.0.0.1:%s;\n", b[i]; next }
        inup && /^[[:space:]]*server[[:space:]]/ { next }
        inup && /\}/ { inup = 0 }
        /^http[[:space:]]*\{/ { print; print "    log_format upstreams \"$upstream_addr $status $request_uri\";";
            print "    access_log " work "/access.log upstreams;"; next }
        /^[[:space:]]*listen[[:space:]]+80;/ { sub(/listen[[:space:]]+80;/, "listen 127.0.0.1:" listen ";") }
        { print }
    ' docker/nginx.conf > "$work/nginx.conf"
    grep -q "server 127.0.0.1:" "$work/nginx.conf" || { echo "upstream block not found in docker/nginx.conf" >&2; return 1; }
    grep -q "listen 127.0.0.1:$listen;" "$work/nginx.conf" || { echo "listen 80 not found in docker/nginx.conf" >&2; return 1; }
}
