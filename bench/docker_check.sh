#!/usr/bin/env bash
# Builds the Docker image and checks it as a user would run it: the startup line, health on
# the published port (loopback only), the shipped seed mapped rather than built, the HEALTHCHECK
# turning healthy, a non-root user, and exit status 0 within a second of `docker stop`. Prints
# the image size. Not part of .ci/run: it needs dockerd and the base images (see the README's
# Docker section).
# Usage: bench/docker_check.sh [image tag, default understudy:check]
set -euo pipefail
cd "$(dirname "$0")/.."
image="${1:-understudy:check}"
container=""
cleanup() { [ -n "$container" ] && docker rm -f "$container" >/dev/null 2>&1 || true; }
trap cleanup EXIT
fail() { echo "FAILED: $*"; [ -n "$container" ] && docker logs "$container" 2>&1 | tail -5; exit 1; }

echo "== building $image"
docker build -q -t "$image" . >/dev/null
size=$(docker image inspect -f '{{.Size}}' "$image")
echo "image size: $((size / 1000000)) MB ($size bytes)"

container=$(docker run -d -p 127.0.0.1::8080 "$image")
port=$(docker port "$container" 8080/tcp | head -n 1 | sed 's/.*://')

for _ in $(seq 1 100); do
    docker logs "$container" 2>/dev/null | grep -q 'understudy listening on' && break
    sleep 0.1
done
line=$(docker logs "$container" 2>/dev/null | head -n 1)
[[ "$line" == "understudy listening on http://0.0.0.0:8080 (providers: "* ]] || fail "startup line: $line"
echo "startup line: $line"

health=$(curl -fsS --max-time 5 "http://127.0.0.1:$port/_understudy/health") || fail "no health on port $port"
[[ "$health" == *'"status":"ok"'* ]] || fail "health: $health"
echo "health on 127.0.0.1:$port: $health"

# The image ships the built seed: the server maps it rather than building the seed at start.
docker exec "$container" grep -q /app/seed-cache/ /proc/1/maps || fail "the shipped seed is not mapped (built at start?)"
echo "shipped seed: mapped, resident $(docker exec "$container" grep VmRSS /proc/1/status | tr -s ' \t' ' ')"

user=$(docker exec "$container" id -u)
[ "$user" != "0" ] || fail "runs as root"
echo "user id: $user ($(docker exec "$container" id -un))"

state=""
for _ in $(seq 1 60); do
    state=$(docker inspect -f '{{.State.Health.Status}}' "$container")
    [ "$state" = "healthy" ] && break
    sleep 1
done
[ "$state" = "healthy" ] || fail "health check is $state after 60 s"
echo "HEALTHCHECK: $state"

started=$(date +%s%N)
docker stop -t 10 "$container" >/dev/null
elapsed=$(( ($(date +%s%N) - started) / 1000000 ))
status=$(docker inspect -f '{{.State.ExitCode}}' "$container")
[ "$status" = "0" ] || fail "exit status $status after docker stop"
[ "$elapsed" -lt 1000 ] || fail "docker stop took $elapsed ms"
echo "docker stop: exit status $status after $elapsed ms"
echo "passed"
