#!/usr/bin/env bash
# Instructions per request of Tito's list pages, counted by callgrind as bench/instructions.sh
# counts them (N+1 requests on one keep-alive connection minus 1, divided by N): the tickets
# page of 100 of demo/big-conf, and pages of 10 registrations and tickets of a large event
# (demo/big-conf: 2,500 registrations, 4,000 tickets), a small one (biscuit-box/2018) and the
# small one after 20,000 registrations are added to it (first page and last). A page should
# cost about the same whatever the size of its event: the ratios printed compare each page
# with the small event's. The response cache is off, so that every read renders its page.
# Usage: bench/tito-pages.sh [BINARY] [N, default 20]
# BINARY defaults to a release build made with `-Xcc -gdwarf-4` (valgrind 3.19 cannot read the
# DWARF 5 that clang writes for the C shim by default).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-}"
count="${2:-20}"
if [ -z "$binary" ]; then
    swift build -c release --product understudy --scratch-path .build-release -Xcc -gdwarf-4 >/dev/null
    binary=".build-release/release/understudy"
fi
command -v valgrind >/dev/null || { echo "valgrind is needed (apt-get install valgrind)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every run opens this seed, built once, so start-up costs the same each time.
"$binary" --seed-cache "$work/seed-cache" --write-seed-cache --log-level error >/dev/null
token="Authorization: Token token=tito-mock-live-token-ab1C"
added=20000

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Sends `requests` GETs of `path` on one keep-alive connection (or, with `post`, the registrations
# to add), waiting for the server to come up first.
client() {
    python3 - "$@" <<'PY'
import http.client, json, sys, time
port, mode, path, requests, header = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
name, _, value = header.partition(": ")
deadline = time.time() + 120
while True:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        connection.request("GET", "/_understudy/health")
        connection.getresponse().read()
        break
    except OSError:
        if time.time() > deadline: raise
        time.sleep(0.2)
for index in range(requests):
    if mode == "post":
        body = json.dumps({"registration": {
            "name": f"Bench {index}", "email": f"bench{index}@example.com",
            "line_items": [{"release_id": "coffee-brewing", "quantity": 1}]}})
        connection.request("POST", path, body, {name: value, "Content-Type": "application/json"})
        response = connection.getresponse()
        response.read()
        if response.status != 201: sys.exit(f"POST {path}: {response.status}")
    else:
        connection.request("GET", path, headers={name: value})
        response = connection.getresponse()
        body = response.read()
        if response.status != 200: sys.exit(f"GET {path}: {response.status}")
        if mode == "pages": print(json.loads(body)["meta"]["total_pages"])
connection.close()
PY
}

# The server on a free port (`$port`), with the database `$1` if given, under `$2` (a command
# prefix such as valgrind) if given; its pid in `$server`.
start() {
    local database="$1" prefix="${2:-}"
    port=$(free_port)
    local options=(--port "$port" --log-level error --seed-cache "$work/seed-cache" --response-cache off)
    [ -n "$database" ] && options+=(--db "$database")
    $prefix "$binary" "${options[@]}" >/dev/null 2>"$work/server.log" &
    server=$!
}

stop() {
    kill -TERM "$server"
    wait "$server" || true
}

# One callgrind run of `requests` GETs of `path`; prints the instructions counted.
run() {
    local path="$1" requests="$2" database="$3"
    local copy=""
    if [ -n "$database" ]; then
        # The database with its write-ahead log, which holds what was written last.
        copy="$work/run.db"
        rm -f "$copy" "$copy-wal" "$copy-shm"
        for suffix in "" -wal -shm; do
            if [ -f "$database$suffix" ]; then cp "$database$suffix" "$copy$suffix"; fi
        done
    fi
    start "$copy" "valgrind --tool=callgrind --callgrind-out-file=$work/out"
    client "$port" get "$path" "$requests" "$token"
    stop
    grep -E '^(summary|totals):' "$work/out" | head -1 | awk '{print $2}'
}

measure() {
    local path="$1" database="${2:-}"
    local many one
    many=$(run "$path" $((count + 1)) "$database")
    one=$(run "$path" 1 "$database")
    echo $(( (many - one) / count ))
}

report() {
    local label="$1" value="$2" reference="${3:-}"
    if [ -n "$reference" ]; then
        printf '%-64s %12s  %5sx\n' "$label" "$value" "$(python3 -c "print(f'{$value / $reference:.2f}')")"
    else
        printf '%-64s %12s\n' "$label" "$value"
    fi
}

echo "Building the grown event: $added registrations added to biscuit-box/2018 ..." >&2
grown="$work/grown.db"
start "$grown"
client "$port" post /tito/v3/biscuit-box/2018/registrations "$added" "$token"
last_registrations=$(client "$port" pages "/tito/v3/biscuit-box/2018/registrations?page%5Bsize%5D=10" 1 "$token")
last_tickets=$(client "$port" pages "/tito/v3/biscuit-box/2018/tickets?page%5Bsize%5D=10" 1 "$token")
stop

printf '%-64s %12s  %6s\n' "page" "instr./req." "ratio"
report "tickets, 100 (demo/big-conf)" "$(measure /tito/v3/demo/big-conf/tickets)"
for resource in registrations tickets; do
    small=$(measure "/tito/v3/biscuit-box/2018/$resource?page%5Bsize%5D=10")
    report "$resource, 10 (biscuit-box/2018)" "$small"
    report "$resource, 10 (demo/big-conf)" "$(measure "/tito/v3/demo/big-conf/$resource?page%5Bsize%5D=10")" "$small"
    report "$resource, 10, first page (biscuit-box/2018 + $added)" \
        "$(measure "/tito/v3/biscuit-box/2018/$resource?page%5Bsize%5D=10" "$grown")" "$small"
    last="last_$resource"
    report "$resource, 10, last page ${!last} (biscuit-box/2018 + $added)" \
        "$(measure "/tito/v3/biscuit-box/2018/$resource?page%5Bsize%5D=10&page%5Bnumber%5D=${!last}" "$grown")" "$small"
done
