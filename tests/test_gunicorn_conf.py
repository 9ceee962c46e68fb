"""gunicorn.conf.py: gunicorn finds it, and a worker freezes what it holds after its first
requests, so the garbage collector's full passes stay short (the cached pages' p99)."""

import gc
import importlib.util
import subprocess
import sys
import types
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load():
    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_worker_freezes_after_its_first_requests_and_then_leaves_the_collector_alone():
    conf = load()
    worker = types.SimpleNamespace()
    frozen_at, kept = [], []
    try:
        for request in range(1, 151):
            kept.append([request])  # what a request loads for good (a template, say)
            before = gc.get_freeze_count()
            conf.post_request(worker, None, {}, None)
            if gc.get_freeze_count() > before:
                frozen_at.append(request)
        assert frozen_at == [1, 10, 100]
    finally:
        gc.unfreeze()  # the other tests' objects go back to the collector


def test_gunicorn_reads_it_from_the_project_directory():
    printed = subprocess.run(  # noqa: S603 - our own command line
        [sys.executable, "-m", "gunicorn", "--print-config", "portal.wsgi"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert "<post_request()>" in printed
