#!/usr/bin/env python3
"""Prints the figures a test suite feels: start-up time (with and without the on-disk seed
cache), reset time (after a few writes, and with none) and idle resident memory.

Usage: bench/figures.py [path to a release understudy binary]
Without a path it builds one with `swift build -c release`. Every server it starts listens on
127.0.0.1 and a free port, and is stopped before the script ends.
"""
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import understudy_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STARTS = 15
RESETS = 40
TITO = {"Authorization": "Token token=tito-mock-live-token-ab1C", "Content-Type": "application/json"}
GOEVENT = {"Authorization": "Bearer goevent-test-token", "Content-Type": "application/json"}


def binary_path():
    if len(sys.argv) > 1:
        return os.path.abspath(sys.argv[1])
    subprocess.run(["swift", "build", "-c", "release", "--product", "understudy"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    bin_dir = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_dir, "understudy")


def environment(cache):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    env["UNDERSTUDY_SEED_CACHE"] = cache
    return env


def start(binary, env):
    """Starts a server on a free port; returns the process, its port and the start time."""
    began = time.perf_counter()
    process, port = understudy_server.start(binary, env=env)
    return process, port, began


def stop(process):
    process.send_signal(signal.SIGTERM)
    try:
        _, status, usage = os.wait4(process.pid, 0)
    except ChildProcessError:
        return None
    process.returncode = status
    return usage


def time_to_first_health(binary, env):
    """Milliseconds from exec to the first 200 of /_understudy/health, and CPU milliseconds used."""
    process, port, began = start(binary, env)
    deadline = began + 10
    while time.perf_counter() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/_understudy/health")
            if connection.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.0005)
    elapsed = (time.perf_counter() - began) * 1000
    usage = stop(process)
    cpu = (usage.ru_utime + usage.ru_stime) * 1000 if usage else float("nan")
    return elapsed, cpu


def request(connection, method, path, headers=None, body=None):
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers or {})
    response = connection.getresponse()
    response.read()
    return response.status


def a_few_writes(connection, index):
    """Three writes in two providers, as a test might make."""
    statuses = [
        request(connection, "POST", "/tito/v3/biscuit-box/2018/registrations", TITO, {
            "registration": {"email": f"bench{index}@example.com", "name": "Bench Mark",
                             "line_items": [{"release_id": 123, "quantity": 1}]}}),
        request(connection, "PATCH", "/tito/v3/biscuit-box/2018", TITO, {"event": {"title": f"Bench {index}"}}),
        request(connection, "POST", "/goevent/developers/v1.0/tickets/create", GOEVENT, {
            "eventId": "643e7b194937913299554a7d",
            "tickets": [{"ticket_id": "65fff7aada40be007f09ee95", "quantity": 1}],
            "participant": {"participantId": "697f54811fc6cd47e04c39c3"}}),
    ]
    if any(status >= 300 for status in statuses):
        raise SystemExit(f"a write failed: {statuses}")


def reset_times(connection, writes):
    times = []
    for index in range(RESETS):
        if writes:
            a_few_writes(connection, index)
        began = time.perf_counter()
        status = request(connection, "POST", "/_understudy/reset")
        times.append((time.perf_counter() - began) * 1000)
        if status != 200:
            raise SystemExit(f"reset answered {status}")
    return statistics.median(times)


def resident_megabytes(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main():
    binary = binary_path()
    with tempfile.TemporaryDirectory() as cache:
        cold = [time_to_first_health(binary, environment("off")) for _ in range(STARTS)]
        time_to_first_health(binary, environment(cache))  # fills the cache
        warm = [time_to_first_health(binary, environment(cache)) for _ in range(STARTS)]

        process, port, _ = start(binary, environment(cache))
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            request(connection, "GET", "/_understudy/health")
            time.sleep(1)
            idle = resident_megabytes(process.pid)
            untouched = reset_times(connection, writes=False)
            touched = reset_times(connection, writes=True)
            after = resident_megabytes(process.pid)
        finally:
            stop(process)

    def median(runs, field):
        return statistics.median(run[field] for run in runs)

    print(f"start to first 200 of /_understudy/health, no seed cache:  {median(cold, 0):6.1f} ms "
          f"(CPU {median(cold, 1):.0f} ms), median of {STARTS}")
    print(f"start to first 200 of /_understudy/health, seed cached:    {median(warm, 0):6.1f} ms "
          f"(CPU {median(warm, 1):.0f} ms), median of {STARTS}")
    print(f"POST /_understudy/reset after 3 writes in 2 providers:      {touched:6.2f} ms, median of {RESETS}")
    print(f"POST /_understudy/reset with no writes:                     {untouched:6.2f} ms, median of {RESETS}")
    print(f"resident memory, idle after start:                          {idle:6.1f} MB")
    print(f"resident memory after {2 * RESETS} resets and {3 * RESETS} writes:            {after:6.1f} MB")


if __name__ == "__main__":
    main()
