#!/usr/bin/env bash
# Measures Understudy's release build with wrk (apt-get install wrk) on loopback only:
# the health endpoint, GoEvent's first events page, a Let's Do This participants page and
# Tito's releases and tickets pages of the generated event, each with its demo credentials.
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
echo
echo "== GET /letsdothis/v0/participants (100 of 1,500 participants, JWT)"
bulk_token=$(curl -fsS "http://127.0.0.1:$port/_understudy/credentials" | python3 -c '
import json, sys
tokens = json.load(sys.stdin)["providers"]["letsdothis"]["tokens"]
print(next(t["token"] for t in tokens if "bulk" in t["purpose"]))')
wrk -t1 -c50 -d"${duration}s" --latency -H "Authorization: Bearer $bulk_token" \
    "http://127.0.0.1:$port/letsdothis/v0/participants?page%5Bsize%5D=100"
echo
echo "== GET /tito/v3/demo/big-conf/releases (4 releases with counters over 4,000 tickets)"
wrk -t1 -c50 -d"${duration}s" --latency -H 'Authorization: Token token=tito-mock-live-token-ab1C' \
    "http://127.0.0.1:$port/tito/v3/demo/big-conf/releases"
echo
echo "== GET /tito/v3/demo/big-conf/tickets (100 of 4,000 tickets, 364 KB)"
wrk -t1 -c50 -d"${duration}s" --latency -H 'Authorization: Token token=tito-mock-live-token-ab1C' \
    "http://127.0.0.1:$port/tito/v3/demo/big-conf/tickets"
echo
echo "== GET /bookingkit/v3/dates?limit=100 (100 of the bulk vendor's 2,000 dates, 28 KB)"
bookingkit_token=$(curl -fsS "http://127.0.0.1:$port/_understudy/credentials" | python3 -c '
import json, sys
clients = json.load(sys.stdin)["providers"]["bookingkit"]["clients"]
print(next(c["access_token"] for c in clients if c["client_id"] == "mock-vendor-bulk"))')
wrk -t1 -c50 -d"${duration}s" --latency -H "Authorization: Bearer $bookingkit_token" \
    "http://127.0.0.1:$port/bookingkit/v3/dates?limit=100"
