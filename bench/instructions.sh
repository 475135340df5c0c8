#!/usr/bin/env bash
# Instructions per request, counted by callgrind (valgrind) on a release build: repeatable on a
# shared, noisy machine where wall-clock figures are not. For each endpoint it runs the server
# under callgrind twice, once sending N+1 requests on one keep-alive connection and once sending
# 1, and divides the difference by N, so start-up and the first request's warm-up fall out.
# Every run opens a seed cache built beforehand, so that start-up costs the same each time (a
# build of the seed runs on several threads and varies by more than a page costs); the response
# cache is on, as by default, unless a row says otherwise.
# Usage: bench/instructions.sh [BINARY] [N, default 200] [PATTERN: only endpoints whose label matches]
# BINARY defaults to a release build made with `-Xcc -gdwarf-4` (valgrind 3.19 cannot read the
# DWARF 5 that clang writes for the C shim by default).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
count="${2:-200}"
only="${3:-}"
if [ -z "$binary" ]; then
    swift build -c release --product understudy -Xcc -gdwarf-4 >/dev/null
    binary="$(swift build -c release --show-bin-path)/understudy"
fi
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$binary" --seed-cache "$work/seed-cache" --write-seed-cache --log-level error >/dev/null

# One run: start the server under callgrind, send `requests` requests, stop it, print its total.
run() {
    local path="$1" header="$2" requests="$3" options="${4:-}"
    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
    valgrind --tool=callgrind --callgrind-out-file="$work/out" "$binary" --port "$port" --log-level error --seed-cache "$work/seed-cache" $options \
        >/dev/null 2>"$work/valgrind.log" &
    local server=$!
    python3 - "$port" "$path" "$header" "$requests" <<'PY'
import socket, sys, time
port, path, header, requests = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
deadline = time.time() + 120
while True:
    try:
        connection = socket.create_connection(("127.0.0.1", port), timeout=60)
        break
    except OSError:
        if time.time() > deadline: raise
        time.sleep(0.2)
extra = header + "\r\n" if header else ""
request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode()
for _ in range(requests):
    connection.sendall(request)
    buffer = b""
    while b"\r\n\r\n" not in buffer:
        buffer += connection.recv(65536)
    head, _, body = buffer.partition(b"\r\n\r\n")
    length = int([l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")][0])
    while len(body) < length:
        body += connection.recv(65536)
connection.close()
PY
    kill -INT "$server"
    wait "$server" || true
    grep -E '^(summary|totals):' "$work/out" | head -1 | awk '{print $2}'
}

measure() {
    local label="$1" path="$2" header="${3:-}" options="${4:-}"
    [[ -z "$only" || "$label" =~ $only ]] || return 0
    local many one
    many=$(run "$path" "$header" $((count + 1)) "$options")
    one=$(run "$path" "$header" 1 "$options")
    printf '%-60s %12s instructions/request\n' "$label" $(( (many - one) / count ))
}

measure "GET /_understudy/health" "/_understudy/health"
measure "GoEvent events page (20 events)" "/goevent/developers/v1.0/events" "Authorization: Bearer goevent-test-token"
measure "GoEvent events page (20 events), response cache off" "/goevent/developers/v1.0/events" \
    "Authorization: Bearer goevent-test-token" "--response-cache off"
measure "Tito tickets page of 100 (demo/big-conf)" "/tito/v3/demo/big-conf/tickets" \
    "Authorization: Token token=tito-mock-live-token-ab1C"
measure "Tito tickets page of 100 (demo/big-conf), response cache off" "/tito/v3/demo/big-conf/tickets" \
    "Authorization: Token token=tito-mock-live-token-ab1C" "--response-cache off"
# Let's Do This: organiser A's seeded token, and the bulk organiser's (1,500 participants). The
# last page starts after the 1,400th participant in list order.
ldt_a="Authorization: Bearer $(python3 -c 'import json; print(json.load(open("seed/letsdothis/organisers.json"))["tokens"][0]["token"])')"
ldt_bulk="Authorization: Bearer $(python3 -c 'import json; print(json.load(open("seed/letsdothis/organisers.json"))["tokens"][2]["token"])')"
measure "Let's Do This participants, page of 10 (organiser A)" "/letsdothis/v0/participants?page%5Bsize%5D=10" "$ldt_a"
measure "Let's Do This participants, first page of 100 (bulk)" "/letsdothis/v0/participants?page%5Bsize%5D=100" "$ldt_bulk"
measure "Let's Do This participants, last page of 100 (bulk)" \
    "/letsdothis/v0/participants?page%5Bsize%5D=100&page%5Bafter%5D=6677c0de000000003f617ff8" "$ldt_bulk"
