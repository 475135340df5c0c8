#!/usr/bin/env bash
# Measures Understudy's release build against reference servers run in the same minutes on the
# same machine, with wrk (apt-get install wrk nginx-light) on loopback only, so every figure is
# a ratio that holds on a shared, noisy machine:
#   - GET /_understudy/health against nginx serving the same bytes from a file;
#   - GoEvent's first events page (20 events) against Hummingbird serving a fixed 10 KB JSON
#     body (bench/reference, a separate package);
#   - the other providers' largest pages, each as a share of the same Hummingbird figure.
# Each pair is measured back to back, reference first, and the rounds interleave.
#   - with UNDERSTUDY_BASELINE_BINARY (an earlier release build, and UNDERSTUDY_BASELINE_SEED its
#     seed folder), Tito's tickets page of 100 against the same page served by that build.
# Usage: bench/run.sh [seconds per run, default 5] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5}"
rounds="${2:-3}"
command -v wrk >/dev/null || { echo "wrk is needed (apt-get install wrk)"; exit 1; }
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { echo "nginx is needed (apt-get install nginx-light)"; exit 1; }
nginx_binary=$(command -v nginx || echo /usr/sbin/nginx)

# UNDERSTUDY_BINARY: a release binary already built (default: build one here).
binary="${UNDERSTUDY_BINARY:-}"
if [ -z "$binary" ]; then
    swift build -c release --product understudy >/dev/null
    binary="$(swift build -c release --show-bin-path)/understudy"
fi
(cd bench/reference && swift build -c release >/dev/null)
reference="$(cd bench/reference && swift build -c release --show-bin-path)/Reference"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

wait_for() {
    for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
    echo "no answer from $1"; exit 1
}

port=$(free_port)
"$binary" --port "$port" --log-level error >/dev/null &
pids+=($!)
wait_for "http://127.0.0.1:$port/_understudy/health"

baseline_port=""
if [ -n "${UNDERSTUDY_BASELINE_BINARY:-}" ]; then
    baseline_port=$(free_port)
    # Its own seed folder (UNDERSTUDY_BASELINE_SEED) when the seed files have changed since.
    "$UNDERSTUDY_BASELINE_BINARY" --port "$baseline_port" --log-level error \
        ${UNDERSTUDY_BASELINE_SEED:+--seed "$UNDERSTUDY_BASELINE_SEED"} >/dev/null &
    pids+=($!)
    wait_for "http://127.0.0.1:$baseline_port/_understudy/health"
fi

reference_port=$(free_port)
"$reference" "$reference_port" >/dev/null 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$reference_port/fixed"

# nginx serves the health body, byte for byte, as a static file.
nginx_port=$(free_port)
mkdir -p "$work/html"
curl -fsS "http://127.0.0.1:$port/_understudy/health" > "$work/html/health"
# nginx's workers run as another user when started as root: they must be able to read the file.
chmod a+rx "$work" "$work/html" && chmod a+r "$work/html/health"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 1024; }
http {
    access_log off;
    server {
        listen 127.0.0.1:$nginx_port;
        location = /health { root $work/html; default_type application/json; }
    }
}
CONF
"$nginx_binary" -c "$work/nginx.conf" -p "$work"
wait_for "http://127.0.0.1:$nginx_port/health"

# Credentials the runs use.
bulk_token=$(curl -fsS "http://127.0.0.1:$port/_understudy/credentials" | python3 -c '
import json, sys
tokens = json.load(sys.stdin)["providers"]["letsdothis"]["tokens"]
print(next(t["token"] for t in tokens if "bulk" in t["purpose"]))')
bookingkit_token=$(curl -fsS "http://127.0.0.1:$port/_understudy/credentials" | python3 -c '
import json, sys
clients = json.load(sys.stdin)["providers"]["bookingkit"]["clients"]
print(next(c["access_token"] for c in clients if c["client_id"] == "mock-vendor-bulk"))')

rps() {  # rps URL [HEADER]: requests per second of one wrk run
    local url="$1" header="${2:-}"
    local output
    if [ -n "$header" ]; then
        output=$(wrk -t1 -c50 -d"${duration}s" -H "$header" "$url")
    else
        output=$(wrk -t1 -c50 -d"${duration}s" "$url")
    fi
    echo "$output" | awk '/Requests\/sec/ {print $2}'
}

declare -A sums counts
record() { sums[$1]=$(python3 -c "print(${sums[$1]:-0} + $2)"); counts[$1]=$(( ${counts[$1]:-0} + 1 )); }

for round in $(seq 1 "$rounds"); do
    record nginx "$(rps "http://127.0.0.1:$nginx_port/health")"
    record health "$(rps "http://127.0.0.1:$port/_understudy/health")"
    record hummingbird "$(rps "http://127.0.0.1:$reference_port/fixed")"
    record goevent "$(rps "http://127.0.0.1:$port/goevent/developers/v1.0/events" 'Authorization: Bearer goevent-test-token')"
    if [ -n "$baseline_port" ]; then
        record tito_tickets_baseline "$(rps "http://127.0.0.1:$baseline_port/tito/v3/demo/big-conf/tickets" \
            'Authorization: Token token=tito-mock-live-token-ab1C')"
    fi
    record tito_tickets "$(rps "http://127.0.0.1:$port/tito/v3/demo/big-conf/tickets" \
        'Authorization: Token token=tito-mock-live-token-ab1C')"
    record ldt_participants "$(rps "http://127.0.0.1:$port/letsdothis/v0/participants?page%5Bsize%5D=100" \
        "Authorization: Bearer $bulk_token")"
    record bookingkit_dates "$(rps "http://127.0.0.1:$port/bookingkit/v3/dates?limit=100" \
        "Authorization: Bearer $bookingkit_token")"
    echo "round $round of $rounds done" >&2
done

mean() { python3 -c "print(${sums[$1]} / ${counts[$1]})"; }
row() {  # row LABEL KEY REFERENCE_KEY
    python3 - "$1" "$(mean "$2")" "$(mean "$3")" <<'PY'
import sys
label, value, reference = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
print(f"| {label} | {value:,.0f} | {value / reference:.2f}x |")
PY
}

echo
echo "Release build, wrk -t1 -c50 -d${duration}s, mean of $rounds interleaved rounds."
echo
echo "| endpoint | requests/s | ratio |"
echo "|---|---|---|"
row "nginx: the health body as a static file" nginx nginx
row "\`GET /_understudy/health\` (against nginx)" health nginx
row "Hummingbird: a fixed 10 KB JSON body" hummingbird hummingbird
row "GoEvent first events page, 20 events (against Hummingbird)" goevent hummingbird
row "Tito tickets page of 100, demo/big-conf (against Hummingbird)" tito_tickets hummingbird
row "Let's Do This participants page of 100 (against Hummingbird)" ldt_participants hummingbird
row "bookingkit dates page of 100 (against Hummingbird)" bookingkit_dates hummingbird
if [ -n "$baseline_port" ]; then
    row "Tito tickets page of 100: the baseline build" tito_tickets_baseline tito_tickets_baseline
    row "Tito tickets page of 100 (against the baseline build)" tito_tickets tito_tickets_baseline
fi
