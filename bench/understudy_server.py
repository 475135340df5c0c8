"""Starting an Understudy binary for the bench scripts: on 127.0.0.1 and a free port, with the
scripts' own options, waiting for its startup line."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start(binary, arguments=(), env=None):
    """Starts `binary --host 127.0.0.1 --port 0 --log-level error` plus `arguments`; returns the
    process and the port its startup line names."""
    process = subprocess.Popen([binary, "--host", "127.0.0.1", "--port", "0", "--log-level", "error", *arguments],
                               cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = process.stdout.readline()
    if "listening on" not in line:
        process.kill()
        raise SystemExit(f"server did not start: {line!r}")
    return process, int(line.split("http://127.0.0.1:")[1].split()[0])
