"""What the HTTP benchmarks share: production settings in a child environment, gunicorn on a
free port, and wrk driven by a Lua script that prints the percentiles wrk's --latency leaves
out (p95) on one machine-readable line.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# wrk calls request() for every request (cycling through a file of paths) and done() once.
# Latencies are in microseconds; summary.errors.status counts answers that are not 2xx/3xx.
WRK_SCRIPT = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = (i %% #paths) + 1
  return wrk.format("GET", paths[i], {["Host"] = "localhost"})
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%.1f %%.2f %%.2f %%.2f %%.2f %%d %%d %%d\\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.status, e.connect + e.read + e.write + e.timeout, summary.requests))
end
"""


def production_env(**extra):
    """The environment of a production process on this machine (no TLS, local hosts)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-key-" + "x" * 40),
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        **extra,
    }


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


def vacuum_analyze():
    """Statistics and visibility maps for the whole database, as autovacuum keeps them in
    production: after a bulk load the planner otherwise guesses (it may be off here)."""
    subprocess.run(  # noqa: S603
        ["psql", os.environ["DATABASE_URL"], "-q", "-c", "VACUUM ANALYZE"],  # noqa: S607
        check=True,
    )


@contextlib.contextmanager
def collected_static(env):
    """Production settings serve hashed static files: collect them into a throwaway folder."""
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env["STATIC_ROOT"] = static_root
    try:
        manage("collectstatic", "--noinput", "-v0", env=env)
        yield static_root
    finally:
        shutil.rmtree(static_root, ignore_errors=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def gunicorn(env, workers, threads=1):
    """Start `gunicorn portal.wsgi`, wait for /healthz, yield its base URL, stop it."""
    port = free_port()
    server = subprocess.Popen(  # noqa: S603 - our own command line
        [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--workers",
            str(workers),
            "--threads",
            str(threads),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],  # fmt: skip
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=2)  # noqa: S310 - localhost
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError("gunicorn exited while starting") from None
                time.sleep(0.5)
        else:
            raise RuntimeError("gunicorn did not answer /healthz within 60 s")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_wrk(base, urls, duration, connections, threads=1):
    """wrk against `base`, cycling through `urls` (paths); returns the parsed RESULT line."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = Path(tmp) / "paths.txt"
        paths.write_text("\n".join(urls) + "\n")
        script = Path(tmp) / "paths.lua"
        script.write_text(WRK_SCRIPT % paths)
        output = subprocess.run(  # noqa: S603
            [
                shutil.which("wrk") or "/usr/bin/wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{duration}s",
                "--latency",
                "-s",
                str(script),
                base,
            ],  # fmt: skip
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    line = next(row for row in output.splitlines() if row.startswith("RESULT"))
    rps, p50, p90, p95, p99, status_errors, socket_errors, total = line.split()[1:]
    return {
        "rps": float(rps),
        "p50": float(p50),
        "p90": float(p90),
        "p95": float(p95),
        "p99": float(p99),
        "errors": int(status_errors),
        "socket_errors": int(socket_errors),
        "requests": int(total),
    }
