"""Benchmark the search page and its suggestions on PostgreSQL, at 10k or 100k resources.

Usage (from the project root, on a throwaway PostgreSQL database):

    createdb -h 127.0.0.1 -U postgres bench_search
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search \\
        .venv/bin/python bench/search.py --resources 10000
    # 100k: --resources 100000 (the generator adds articles, communities and meetings)

Steps: migrate; generate the bilingual corpus (manage.py generate_dataset); time a full
rebuild of the search index; then measure a realistic mix of searches in-process
(Django test client, production settings) and over HTTP (gunicorn, production
settings, 2 workers, wrk from Debian's packages), and print p50/p95/p99.
`--skip-generate` measures an existing database again.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.httpbench import gunicorn, manage, production_env, run_wrk, vacuum_analyze  # noqa: E402

# What teachers type: common and rare words, phrases, word forms that need stemming,
# filters, the other language, and a few that find nothing.
QUERIES_ID = [
    "mengajar", "pembelajaran", "asesmen diagnostik", "modul ajar pecahan", "literasi",
    "numerasi kelas 1", "aksi nyata", "refleksi", "berbagi praktik baik", "disiplin positif",
    "lkpd", "video pembelajaran", "kurikulum merdeka", "pembelajaran berdiferensiasi",
    "projek penguatan profil pelajar pancasila", "guru sd", "kepala sekolah", "pengawas",
    "membaca pemahaman", "\"aksi nyata\"", "asesmen -formatif", "matematika smp",
    "ekosistem mangrove", "komunitas belajar", "merdeka belajar", "kelas besar",
    "zzzy tidak ada", "",
]  # fmt: skip
QUERIES_EN = [
    "teaching", "assessment", "fractions", "differentiated learning", "reading",
    "teachers share", "reflection", "classroom", "",
]  # fmt: skip
FACETS = [{}, {}, {}, {"kind": "resource"}, {"level": "sd"}, {"kind": "resource", "level": "smp"}]


def search_urls(n, seed=7):
    rng = random.Random(seed)
    urls = []
    for _ in range(n):
        if rng.random() < 0.8:
            path, q = "/id/cari/", rng.choice(QUERIES_ID)
        else:
            path, q = "/en/search/", rng.choice(QUERIES_EN)
        params = {"q": q, **rng.choice(FACETS)}
        if rng.random() < 0.1:
            params["lang"] = "all"
        if rng.random() < 0.1:
            params["page"] = "2"
        urls.append(path + "?" + urlencode(params))
    return urls


def suggest_urls(n, seed=11):
    rng = random.Random(seed)
    words = [q for q in QUERIES_ID if q and q.isascii() and '"' not in q]
    urls = []
    for _ in range(n):
        text = rng.choice(words)
        cut = rng.randint(2, len(text))
        urls.append("/id/cari/saran/?" + urlencode({"q": text[:cut]}))
    return urls


def percentiles(samples_ms):
    ordered = sorted(samples_ms)

    def pick(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

    return {"p50": pick(50), "p95": pick(95), "p99": pick(99), "mean": statistics.fmean(ordered)}


def in_process(urls, cache_timeout):
    import django

    django.setup()
    from django.core.cache import cache
    from django.test import Client, override_settings

    cache.clear()
    with override_settings(SEARCH_CACHE_TIMEOUT=int(cache_timeout)):
        return _timed(Client(HTTP_HOST="localhost"), urls)


def _timed(client, urls):
    for url in urls[:20]:  # warm caches and connections
        client.get(url)
    samples = []
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return percentiles(samples)


def over_http(env, urls_by_name, duration, connections, workers):
    with gunicorn(env, workers) as base:
        return {
            name: run_wrk(base, urls, duration, connections) for name, urls in urls_by_name.items()
        }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=10_000)
    parser.add_argument("--skip-generate", action="store_true")
    parser.add_argument("--skip-reindex", action="store_true", help="measure the index as it is")
    parser.add_argument("--requests", type=int, default=600, help="in-process requests")
    parser.add_argument("--duration", type=int, default=20, help="seconds of wrk per endpoint")
    parser.add_argument("--connections", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL database.")
    env = production_env(
        # As in production: one cache shared by the gunicorn workers.
        REDIS_URL=os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5"),
    )
    static_root = tempfile.mkdtemp(prefix="bench-static-")
    env["STATIC_ROOT"] = static_root  # production settings serve hashed static files
    os.environ.update(env)
    manage("collectstatic", "--noinput", "-v0", env=env)

    if not args.skip_generate:
        manage("migrate", "--noinput", "-v0", env=env)
        n = args.resources
        started = time.monotonic()
        manage(
            "generate_dataset", "--resources", str(n), "--articles", str(n // 2),
            "--communities", str(max(50, n // 10)), "--meetings", str(n // 2),
            env=env,
        )  # fmt: skip
        print(f"generate_dataset: {time.monotonic() - started:.0f} s")
    reindex = None
    if not args.skip_reindex:
        started = time.monotonic()
        manage("rebuild_search_index", env=env)
        reindex = time.monotonic() - started
        print(f"rebuild_search_index: {reindex:.1f} s")

    vacuum_analyze()
    searches, suggestions = search_urls(args.requests), suggest_urls(args.requests)
    rows = {}
    try:
        # Uncached first (every search counts and ranks), then with the answer cache.
        for mode, cache_timeout in (("uncached", "0"), ("cached", "600")):
            env["SEARCH_CACHE_TIMEOUT"] = cache_timeout
            os.environ["SEARCH_CACHE_TIMEOUT"] = cache_timeout
            local = {
                "search": in_process(searches, cache_timeout),
                "suggest": in_process(suggestions, cache_timeout),
            }
            remote = over_http(
                env,
                {"search": searches, "suggest": suggestions},
                args.duration,
                args.connections,
                args.workers,
            )
            for name in ("search", "suggest"):
                rows[(name, mode)] = (local[name], remote[name])
    finally:
        shutil.rmtree(static_root, ignore_errors=True)

    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT kind, count(*) FROM search_searchdocument GROUP BY kind ORDER BY 1")
        counts = ", ".join(f"{kind} {count}" for kind, count in cursor.fetchall())
    reindexed = f"; full reindex {reindex:.1f} s" if reindex is not None else ""
    print(f"\nIndex: {counts}{reindexed}\n")
    print(
        "| endpoint | cache | in-process p50 / p95 / p99 (ms) "
        "| HTTP p50 / p95 / p99 (ms) | HTTP req/s |"
    )
    print("|---|---|---|---|---|")
    for (name, mode), (a, b) in rows.items():
        print(
            f"| {name} | {mode} | {a['p50']:.1f} / {a['p95']:.1f} / {a['p99']:.1f} "
            f"| {b['p50']:.1f} / {b['p95']:.1f} / {b['p99']:.1f} "
            f"| {b['rps']:.0f} ({b['requests']} requests, {b['errors']} non-2xx) |"
        )


if __name__ == "__main__":
    main()
