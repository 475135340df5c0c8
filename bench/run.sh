#!/usr/bin/env bash
# Measures Understudy's release build with wrk (apt-get install wrk) on loopback only:
# the health endpoint, and GoEvent's first events page with the demo token.
# Usage: bench/run.sh [seconds per run, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5}"

swift build -c release --product understudy >/dev/null
binary="$(swift build -c release --show-bin-path)/understudy"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$binary" --port "$port" --log-level error >/dev/null &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/_understudy/health" 2>/dev/null && break
    sleep 0.1
done

echo "== GET /_understudy/health"
wrk -t1 -c50 -d"${duration}s" --latency "http://127.0.0.1:$port/_understudy/health"
echo
echo "== GET /goevent/developers/v1.0/events (20 events, bearer token)"
wrk -t1 -c50 -d"${duration}s" --latency -H 'Authorization: Bearer goevent-test-token' \
    "http://127.0.0.1:$port/goevent/developers/v1.0/events"
