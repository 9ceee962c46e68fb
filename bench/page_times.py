"""Median in-process time of single page views, uncached: a quick check between load runs.

    DATABASE_URL=postgres://…/<db> PAGE_CACHE_TIMEOUT=0 \\
        .venv/bin/python bench/page_times.py /id/ /id/agenda/ "/id/agenda/?page=50"

Each URL is requested once to warm what every visitor shares (the chrome cache, renditions),
then `--repeat` times; prints the median and the fastest in milliseconds. Django's test
client, dev settings with DEBUG off: no gunicorn, no network, no page cache.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ.setdefault("PAGE_CACHE_TIMEOUT", "0")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("urls", nargs="+")
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.test import Client

    settings.ALLOWED_HOSTS = ["*"]
    settings.DEBUG = False
    client = Client()
    print("| URL | status | median ms | fastest ms |\n|---|---|---|---|")
    for url in options.urls:
        client.get(url)
        times = []
        for _ in range(options.repeat):
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        print(
            f"| `{url}` | {response.status_code} | {statistics.median(times):.1f} "
            f"| {min(times):.1f} |"
        )


if __name__ == "__main__":
    main()
