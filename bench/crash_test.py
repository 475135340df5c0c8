#!/usr/bin/env python3
"""Crash safety with --db FILE: writes under load, kill -9, restart, check.

Each round starts the server on the same database file, has two clients create Let's Do This
partners as fast as they can, kills the server with SIGKILL mid-load, and then checks that
`PRAGMA integrity_check` answers ok and that every write the server acknowledged (a 2xx with
the new id) is readable after a restart. Everything runs on 127.0.0.1; every loop is bounded.

Usage: bench/crash_test.py [path to the understudy binary] [rounds, default 5]
"""
import http.client
import json
import os
import random
import signal
import sqlite3
import sys
import tempfile
import threading
import time

import understudy_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOAD_SECONDS = (0.5, 2.0)
WRITERS = 2


def start(binary, database):
    return understudy_server.start(binary, ["--db", database, "--seed-cache", "off"])


def request(port, method, path, headers=None, body=None, connection=None):
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers or {})
    response = connection.getresponse()
    return response.status, response.read()


def authorization(port):
    _, body = request(port, "GET", "/_understudy/credentials")
    headers = json.loads(body)["providers"]["letsdothis"]["headers"]
    return {**headers, "Content-Type": "application/json"}


def write_until_killed(port, headers, acknowledged, stop, writer):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    index = 0
    while not stop.is_set() and index < 100_000:
        index += 1
        name = f"crash writer {writer} #{index} {random.random()}"
        try:
            status, body = request(port, "POST", "/letsdothis/v0/partners", headers,
                                   {"name": name, "contacts": [{"emailAddress": "crash@example.com"}]}, connection)
        except (OSError, http.client.HTTPException):
            return  # the server is gone
        if 200 <= status < 300:
            acknowledged.append((json.loads(body)["id"], name))


def main():
    binary = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/understudy")
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    acknowledged = []
    with tempfile.TemporaryDirectory() as folder:
        database = os.path.join(folder, "crash.sqlite")
        for round_number in range(1, rounds + 1):
            process, port = start(binary, database)
            headers = authorization(port)
            stop = threading.Event()
            writers = [threading.Thread(target=write_until_killed, args=(port, headers, acknowledged, stop, n))
                       for n in range(WRITERS)]
            for writer in writers:
                writer.start()
            time.sleep(random.uniform(*LOAD_SECONDS))
            process.send_signal(signal.SIGKILL)
            process.wait()
            stop.set()
            for writer in writers:
                writer.join(timeout=10)

            with sqlite3.connect(database) as check:
                integrity = check.execute("PRAGMA integrity_check").fetchone()[0]
            process, port = start(binary, database)
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                missing = []
                for partner_id, name in acknowledged:
                    status, body = request(port, "GET", f"/letsdothis/v0/partners/{partner_id}", headers,
                                           connection=connection)
                    record = json.loads(body) if status == 200 else {}
                    if record.get("data", record).get("name") != name:
                        missing.append(partner_id)
            finally:
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=10)
            print(f"round {round_number}: integrity_check {integrity}; {len(acknowledged)} acknowledged writes so far, "
                  f"{len(acknowledged) - len(missing)} readable after the restart")
            if integrity != "ok" or missing:
                raise SystemExit(f"FAILED: integrity {integrity}, {len(missing)} acknowledged writes missing: {missing[:5]}")
    print(f"passed: {rounds} kill -9 rounds, {len(acknowledged)} acknowledged writes all readable, integrity ok")


if __name__ == "__main__":
    main()
