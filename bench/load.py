"""Load-test every public page type under gunicorn, production settings, PostgreSQL.

Usage (from the project root, on a throwaway PostgreSQL database):

    createdb -h 127.0.0.1 -U postgres bench_load
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load \\
        .venv/bin/python bench/load.py --scale small --write

Steps: migrate, `generate_dataset --scale small|large` and `rebuild_search_index` (skip them
with --skip-generate); pick real URLs of each page type from the database; count the SQL
queries of one request per type (in-process, caches off); then, for each cache mode, start
gunicorn and run wrk on each page type, and print a markdown table. --write puts the table,
the machine and the command into docs/performance.md (between `<!-- load:<scale>:start -->`
and `<!-- load:<scale>:end -->`).
"""

import argparse
import os
import platform
import random
import shlex
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.httpbench import (  # noqa: E402
    collected_static,
    gunicorn,
    manage,
    production_env,
    run_wrk,
    vacuum_analyze,
)

# The one place that says what "uncached" and "cached" mean (environment of gunicorn).
# uncached: every cache is Django's dummy backend, so each request does all of its work.
# cached: Redis shared by the workers, the search answer cache and the anonymous page cache on.
CACHE_MODES = {
    "uncached": {
        "DJANGO_SETTINGS_MODULE": "bench.settings_nocache",
        "SEARCH_CACHE_TIMEOUT": "0",
        "PAGE_CACHE_TIMEOUT": "0",
    },
    # A page-cache miss on a running site: the page and the search answer are made again,
    # while what every page shares (chrome, locales, vocabularies; home/chrome.py) is in Redis.
    "miss": {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SEARCH_CACHE_TIMEOUT": "0",
        "PAGE_CACHE_TIMEOUT": "0",
    },
    "cached": {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SEARCH_CACHE_TIMEOUT": "600",
        "PAGE_CACHE_TIMEOUT": "600",
    },
}
PAGE_TYPES = [
    "home", "community listing", "community", "meeting", "article", "library", "resource",
    "search", "ics feed",
]  # fmt: skip
DOC = ROOT / "docs" / "performance.md"
SEARCHES = ["pembelajaran berdiferensiasi", "asesmen diagnostik", "literasi", "aksi nyata"]


def pick_urls(per_type, seed=9):
    """{page type: [paths]}: live, public pages of each type, in both languages."""
    from wagtail.models import Locale

    from communities.models import (
        AgendaPage,
        CommunityIndexPage,
        CommunityPage,
        MeetingPage,
        PracticeArticlePage,
        Province,
        SchoolLevel,
        Subject,
    )
    from resources.models import LearningResourceIndexPage, LearningResourcePage

    rng = random.Random(seed)

    def sample(model, n=per_type):
        ids = list(model.objects.live().public().values_list("pk", flat=True).order_by("pk"))
        if not ids:
            raise SystemExit(f"No live {model.__name__} in the database: generate a dataset first.")
        chosen = rng.sample(ids, min(n, len(ids)))
        return list(model.objects.filter(pk__in=chosen))

    indonesian = Locale.objects.get(language_code="id")
    listings = list(CommunityIndexPage.objects.live().filter(locale=indonesian)[:1])
    provinces = list(
        Province.objects.filter(regencies__communities__isnull=False)
        .distinct()
        .values_list("slug", flat=True)
    )
    levels = list(SchoolLevel.objects.filter(locale=indonesian).values_list("slug", flat=True))
    listing_urls = []
    for _ in range(per_type):
        params = rng.choice([{"province": rng.choice(provinces)}, {"level": rng.choice(levels)}])
        listing_urls.append(listings[0].url + "?" + urlencode(params))
    library = LearningResourceIndexPage.objects.live().filter(locale=indonesian).first()
    subjects = list(Subject.objects.filter(locale=indonesian).values_list("slug", flat=True))
    library_urls = [
        library.url
        + "?"
        + urlencode({"level": rng.choice(levels), "subject": rng.choice(subjects)})
        for _ in range(per_type)
    ]
    agenda = AgendaPage.objects.live().filter(locale=indonesian).first()
    communities = sample(CommunityPage)
    return {
        "home": ["/id/", "/en/"],
        "community listing": listing_urls,
        "community": [page.url for page in communities],
        "meeting": [page.url for page in sample(MeetingPage)],
        "article": [page.url for page in sample(PracticeArticlePage)],
        "library": library_urls,
        "resource": [page.url for page in sample(LearningResourcePage)],
        "search": ["/id/cari/?" + urlencode({"q": q}) for q in SEARCHES],
        "ics feed": [
            f"{agenda.url}kalender/{page.slug}/"
            for page in communities
            if page.locale_id == indonesian.pk
        ]
        or [f"{agenda.url}kalender/"],
    }


def count_queries(urls_by_type):
    """SQL queries of one request per page type (the second, after a warm-up), caches off."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    counts = {}
    for name, urls in urls_by_type.items():
        client.get(urls[0])
        with CaptureQueriesContext(connection) as queries:
            response = client.get(urls[0])
        if response.status_code != 200:
            raise SystemExit(f"{name}: {urls[0]} answered {response.status_code}")
        counts[name] = len(queries)
    return counts


def machine(pg_version):
    meminfo = Path("/proc/meminfo").read_text().split()
    ram_gib = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024
    import django
    import wagtail

    return (
        f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), "
        f"{ram_gib:.0f} GiB RAM, PostgreSQL {pg_version}, Redis on localhost, Python "
        f"{platform.python_version()}, Django {django.get_version()}, Wagtail {wagtail.__version__}"
    )


def load_average():
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def measure(env, mode, urls_by_type, args):
    env = {**env, **CACHE_MODES[mode]}
    if mode in ("miss", "cached"):
        env["REDIS_URL"] = f"redis://127.0.0.1:6379/{args.redis_db}"
        subprocess.run(  # noqa: S603
            ["redis-cli", "-n", str(args.redis_db), "FLUSHDB"],  # noqa: S607
            check=True,
            stdout=subprocess.DEVNULL,
        )
    results = {}
    # Served from Redis, a cached page needs no worker waiting on PostgreSQL: fewer
    # workers than runnable processes keep the CPU queue (and the tail) short.
    workers = args.cached_workers if mode == "cached" and args.cached_workers else args.workers
    with gunicorn(env, workers) as base:
        for name in args.pages:
            urls = urls_by_type[name]
            # Each worker loads templates and translations on its first request: not measured.
            # Each URL is asked for once first: the steady state, where the page's image
            # renditions exist (as after its publish), and, with Redis, its shared parts
            # (miss) or the whole page (cached) are in the cache.
            for url in [urls[0]] * workers + urls:
                urllib.request.urlopen(base + url, timeout=60).read()  # noqa: S310 - localhost
            results[name] = run_wrk(base, urls, args.duration, args.connections, args.threads)
            row = results[name]
            print(
                f"  {mode:8} {name:18} {row['rps']:8.1f} req/s  p50 {row['p50']:.1f}  "
                f"p95 {row['p95']:.1f}  p99 {row['p99']:.1f} ms  ({row['requests']} requests, "
                f"{row['errors']} non-2xx, {row['socket_errors']} socket errors)",
                flush=True,
            )
    return results


def table(queries, results, modes):
    head = "| page | SQL queries |"
    rule = "|---|---|"
    for mode in modes:
        head += f" {mode} req/s | {mode} p50 / p90 / p95 / p99 (ms) |"
        rule += "---|---|"
    lines = [head, rule]
    for name in results[modes[0]]:
        line = f"| {name} | {queries[name]} |"
        for mode in modes:
            row = results[mode][name]
            failed = row["errors"] + row["socket_errors"]
            errors = f" ({failed} errors)" if failed else ""
            if row["requests"] <= row["socket_errors"]:  # none answered: no latency
                line += f" 0{errors} | none finished |"
                continue
            rps = f"{row['rps']:.1f}" if row["rps"] < 10 else f"{row['rps']:.0f}"
            line += (
                f" {rps}{errors} | {row['p50']:.1f} / {row['p90']:.1f} / "
                f"{row['p95']:.1f} / {row['p99']:.1f} |"
            )
        lines.append(line)
    return "\n".join(lines)


def write_doc(scale, text, modes):
    block = scale if modes == ["uncached", "cached"] else f"{scale}:{'-'.join(modes)}"
    start, end = f"<!-- load:{block}:start -->", f"<!-- load:{block}:end -->"
    doc = DOC.read_text()
    if start in doc and end in doc:
        before, rest = doc.split(start, 1)
        doc = before + start + "\n" + text + "\n" + end + rest.split(end, 1)[1]
    else:
        doc = doc.rstrip("\n") + f"\n\n{start}\n{text}\n{end}\n"
    DOC.write_text(doc)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["small", "large"], default="small")
    parser.add_argument(
        "--skip-generate", action="store_true", help="measure the database as it is"
    )
    parser.add_argument(
        "--refresh-occurrences",
        action="store_true",
        help="store the meetings' dates first (a database generated before they were)",
    )
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument(
        "--cached-workers", type=int, default=0, help="gunicorn workers for the cached pass"
    )
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections")
    parser.add_argument("--duration", type=int, default=10, help="seconds of wrk per page type")
    parser.add_argument("--urls", type=int, default=20, help="distinct URLs per page type")
    parser.add_argument("--modes", default="uncached,cached", help="comma-separated, in order")
    parser.add_argument("--pages", default=",".join(PAGE_TYPES), help="comma-separated")
    parser.add_argument("--redis-db", type=int, default=11, help="flushed before the cached pass")
    parser.add_argument("--note", default="", help="a sentence printed under the table")
    parser.add_argument("--write", action="store_true", help="update docs/performance.md")
    args = parser.parse_args()
    args.pages = [name.strip() for name in args.pages.split(",") if name.strip()]
    modes = [mode.strip() for mode in args.modes.split(",") if mode.strip()]
    unknown = set(args.pages) - set(PAGE_TYPES) or set(modes) - set(CACHE_MODES)
    if unknown:
        sys.exit(f"Unknown page type or mode: {', '.join(sorted(unknown))}")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL database.")

    env = production_env()
    env.pop("REDIS_URL", None)
    manage("migrate", "--noinput", "-v0", env=env)  # also on a database generated earlier
    if not args.skip_generate:
        started = time.monotonic()
        manage("generate_dataset", "--scale", args.scale, env=env)
        manage("rebuild_search_index", env=env)
        print(f"generate_dataset + rebuild_search_index: {time.monotonic() - started:.0f} s")
    if args.refresh_occurrences:
        # A database generated before the generator stored meeting dates: the daily job does.
        manage("refresh_meeting_occurrences", env=env)
    vacuum_analyze()

    with collected_static(env):
        # In-process: the same production settings with the caches off.
        os.environ.update({**env, **CACHE_MODES["uncached"]})
        import django

        django.setup()
        from django.db import connection

        urls_by_type = pick_urls(args.urls)
        queries = count_queries({name: urls_by_type[name] for name in args.pages})
        pg_version = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM wagtailcore_page")
            pages = cursor.fetchone()[0]
        connection.close()

        load_before = load_average()
        results = {mode: measure(env, mode, urls_by_type, args) for mode in modes}
    argv = [arg for arg in sys.argv[1:] if not arg.startswith("--note=")]
    if "--note" in argv:  # the note is printed on its own line
        at = argv.index("--note")
        del argv[at : at + 2]
    command = shlex.join(["bench/load.py", *argv])
    text = "\n".join(
        [
            f"**`--scale {args.scale}`** ({pages:,} pages), measured "
            f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
            "",
            f"- Machine: {machine(pg_version)}.",
            f"- gunicorn: {args.workers} sync workers"
            + (f" ({args.cached_workers} for the cached pass)" if args.cached_workers else "")
            + f"; wrk: {args.threads} threads, "
            f"{args.connections} connections, {args.duration} s per page type, "
            f"{args.urls} distinct URLs per type (fewer for home and search).",
            f"- Load average (1/5/15 min) before: {load_before}; after: {load_average()}."
            + (f" {args.note}" if args.note else ""),
            f"- Command: `DATABASE_URL=postgres://…/<db> .venv/bin/python {command}`",
            "",
            table(queries, results, modes),
        ]
    )
    print("\n" + text)
    if args.write:
        write_doc(args.scale, text, modes)
        print(f"\nWritten to {DOC.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
