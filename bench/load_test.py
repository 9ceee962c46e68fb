"""Reliability under load: 64 concurrent clients for 60 s, registrations included.

Usage (from the project root, on a throwaway PostgreSQL database; loopback only):

    createdb -h 127.0.0.1 -U postgres bench_load_test
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_load_test \\
        .venv/bin/python bench/load_test.py --clients 64 --seconds 60

Steps: migrate and load the demo content (`--dataset small` adds `generate_dataset --scale
small`; `--skip-setup` uses the database as it is); pick real URLs of every public page type
(bench/load.py's `pick_urls`) and the meetings open for registration; start gunicorn with
production settings and Redis; then each client, a thread with its own cookies, loops until
the time is up: GET a random page type, or register for a meeting as a browser does (GET the
page, POST the form with its CSRF token and a unique e-mail, follow the redirect). Some
attempts re-send an e-mail already registered, and two clients now and then send the same
new e-mail at the same instant: both must be refused, not stored twice.

Afterwards the registrations in the database are compared with what the clients were told:
every accepted e-mail stored exactly once (with the token of its confirmation link), nothing
stored for a refused one, no date over its capacity. Prints requests, 5xx and p50/p95/p99 per
page type. Exits 1 on any 5xx, connection error, lost, duplicated or phantom registration.
"""

import argparse
import http.client
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import unescape
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.httpbench import collected_static, gunicorn, manage, production_env  # noqa: E402

# Relative weights of what a client does next. A registration is three requests.
MIX = {
    "home": 10, "community listing": 8, "community": 8, "meeting": 10, "article": 8,
    "library": 10, "resource": 10, "search": 8, "ics feed": 5, "healthz": 3, "registration": 10,
}  # fmt: skip
DUPLICATE_SHARE = 0.25  # of registrations: re-send an e-mail that was accepted already
RACE_EVERY = 3.0  # seconds between two clients sending the same new e-mail at once
TIMEOUT = 120  # seconds a client waits for one answer
NAMES = ["Siti Rahmawati", "Made Wirawan", "Yohana Wenda", "Agus Setiawan", "Nur Aisyah"]
SCHOOLS = ["SMP Negeri 5 Bandung", "SD Negeri 3 Negara", "SMA Negeri 1 Jayapura", "TK Pertiwi"]
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
FORM_ACTION = re.compile(r'<form method="post" action="([^"]*/daftar/)"')
OCCURRENCE = re.compile(
    r'<select name="occurrence"[^>]*>\s*<option value="([^"]+)"|'
    r'<input type="hidden" name="occurrence" value="([^"]+)"'
)
CONFIRMED = re.compile(r"/daftar/terima-kasih/([^/]+)/$")


@dataclass
class Stats:
    """What the clients saw, shared between threads under one lock."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: dict = field(default_factory=lambda: defaultdict(list))
    statuses: dict = field(default_factory=lambda: defaultdict(Counter))
    errors: list = field(default_factory=list)  # (type, path, exception) without an answer
    accepted: dict = field(default_factory=dict)  # e-mail -> token in the confirmation URL
    refused: Counter = field(default_factory=Counter)  # reason -> count
    unknown_emails: set = field(default_factory=set)  # POSTs that got no answer
    duplicates_sent: int = 0
    races: list = field(default_factory=list)  # [(e-mail, [outcome, outcome])]
    problems: list = field(default_factory=list)  # answers that break a rule (403, 429...)

    def record(self, kind, status, seconds):
        with self.lock:
            self.latencies[kind].append(seconds * 1000)
            self.statuses[kind][status] += 1


class Client:
    """One visitor: its own cookies, a new connection per request (gunicorn's sync workers
    close it after each answer anyway)."""

    def __init__(self, base, stats):
        address = urlsplit(base)
        self.host, self.port = address.hostname, address.port
        self.stats = stats
        self.cookies = {}

    def request(self, kind, method, path, body=None):
        headers = {"Host": "localhost", "User-Agent": "portal-load-test"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = "http://localhost"
            headers["Referer"] = f"http://localhost{path}"
        started = time.perf_counter()
        connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
        except (OSError, http.client.HTTPException) as error:
            with self.stats.lock:
                self.stats.errors.append((kind, path, repr(error)))
            return None, None, b""
        finally:
            connection.close()
        self.stats.record(kind, response.status, time.perf_counter() - started)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location"), content

    def get(self, kind, path):
        return self.request(kind, "GET", path)

    def open_form(self, meeting_path):
        """GET the meeting page as a browser would: (action, fields) or None."""
        status, _, content = self.get("registration: form", meeting_path)
        html = content.decode("utf-8", "replace")
        token, action, occurrence = (
            CSRF_INPUT.search(html),
            FORM_ACTION.search(html),
            OCCURRENCE.search(html),
        )
        if status != 200 or not (token and action and occurrence and "csrftoken" in self.cookies):
            if status is not None and status < 500:
                with self.stats.lock:
                    self.stats.problems.append(f"no form on {meeting_path} ({status})")
            return None
        fields = {
            "csrfmiddlewaretoken": token.group(1),
            "occurrence": unescape(occurrence.group(1) or occurrence.group(2)),
            "name": random.choice(NAMES),
            "school": random.choice(SCHOOLS),
            "whatsapp": "",
            "website": "",  # the honeypot stays empty, as people leave it
            "consent": "on",
        }
        return unescape(action.group(1)), fields

    def submit(self, form, email):
        """POST the form: 'accepted' (and follow the redirect), a refusal reason, or None."""
        action, fields = form
        status, location, content = self.request(
            "registration: POST", "POST", action, urlencode({**fields, "email": email})
        )
        stats = self.stats
        if status is None:
            with stats.lock:
                stats.unknown_emails.add(email)
            return None
        if status in (301, 302, 303) and location and CONFIRMED.search(location):
            with stats.lock:
                if email in stats.accepted:
                    stats.problems.append(f"{email} accepted twice")
                stats.accepted[email] = CONFIRMED.search(location).group(1)
            self.get("registration: confirmation", urlsplit(location).path)
            return "accepted"
        html = unescape(content.decode("utf-8", "replace"))
        if status == 200 and 'role="alert"' in html:
            reason = next(
                (reason for reason, texts in REFUSALS.items() if any(t in html for t in texts)),
                "other form error",
            )
        else:
            reason = f"HTTP {status}"
            with stats.lock:
                stats.problems.append(f"registration POST {action} answered {status}")
        with stats.lock:
            stats.refused[reason] += 1
        return reason


def refusal_texts():
    """The form errors that refuse a registration, in both languages, as the pages show them
    (communities/registration.py's messages; only the part before a placeholder)."""
    from django.utils import translation

    messages = {
        "already registered": "You have already registered for this date. See you there!",
        "full": "Sorry, this date is full: all %(capacity)s places are taken. ",
    }
    texts = {}
    for reason, message in messages.items():
        for language in ("id", "en"):
            with translation.override(language):
                texts.setdefault(reason, set()).add(translation.gettext(message).split("%(")[0])
    return texts


REFUSALS = {}  # filled by main() once Django is set up


def run_clients(base, urls, meetings, args, run_id):
    stats = Stats()
    deadline = time.monotonic() + args.seconds
    kinds = list(MIX)
    weights = [MIX[kind] for kind in kinds]
    counter = iter(range(10**9))
    counter_lock = threading.Lock()

    def new_email(client_no):
        with counter_lock:
            n = next(counter)
        return f"load-{run_id}-{client_no}-{n}@example.org"

    def visitor(client_no):
        rng = random.Random(f"{run_id}-{client_no}")
        while time.monotonic() < deadline:
            client = Client(base, stats)  # a new visitor: no cookies yet
            kind = rng.choices(kinds, weights)[0]
            if kind == "healthz":
                client.get(kind, "/healthz")
                continue
            if kind != "registration":
                client.get(kind, rng.choice(urls[kind]))
                continue
            meeting = rng.choice(meetings)
            form = client.open_form(meeting)
            if form is None:
                continue
            with stats.lock:
                same_form = [
                    e
                    for e, (m, o) in accepted_for.items()
                    if m == meeting and o == form[1]["occurrence"]
                ]
            if same_form and rng.random() < DUPLICATE_SHARE:
                email = rng.choice(same_form)
                with stats.lock:
                    stats.duplicates_sent += 1
                outcome = client.submit(form, email)
                if outcome not in (None, "already registered"):
                    with stats.lock:
                        stats.problems.append(f"duplicate {email}: {outcome}")
                continue
            email = new_email(client_no)
            if client.submit(form, email) == "accepted":
                with stats.lock:
                    accepted_for[email] = (meeting, form[1]["occurrence"])

    def racer_pair():
        """Two visitors post the same new e-mail to the same date at the same instant."""
        rng = random.Random(f"{run_id}-race")
        while time.monotonic() + RACE_EVERY < deadline:
            meeting = rng.choice(meetings)
            email = new_email("race")
            outcomes = [None, None]
            barrier = threading.Barrier(2, timeout=TIMEOUT)

            def one(i, meeting=meeting, email=email, outcomes=outcomes, barrier=barrier):
                client = Client(base, stats)
                form = client.open_form(meeting)
                try:
                    barrier.wait()
                except threading.BrokenBarrierError:
                    return
                if form is not None:
                    outcomes[i] = client.submit(form, email)

            pair = [threading.Thread(target=one, args=(i,)) for i in (0, 1)]
            for thread in pair:
                thread.start()
            for thread in pair:
                thread.join()
            with stats.lock:
                stats.races.append((email, outcomes))
            time.sleep(RACE_EVERY)

    accepted_for = {}
    racers = 2 if args.clients >= 4 else 0
    threads = [threading.Thread(target=visitor, args=(i,)) for i in range(args.clients - racers)]
    if racers:
        threads.append(threading.Thread(target=racer_pair))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return stats, time.monotonic() - started


def check_registrations(stats, run_id):
    """Compare the database with what the clients were told; returns a list of failures."""
    from django.db.models import Count

    from communities.models import Registration

    rows = list(
        Registration.objects.filter(email__startswith=f"load-{run_id}-").values(
            "email", "token", "meeting__translation_key", "meeting__capacity", "occurrence_start"
        )
    )
    stored = Counter(row["email"] for row in rows)
    tokens = {row["email"]: row["token"] for row in rows}
    failures = []
    lost = [email for email in stats.accepted if stored[email] == 0]
    doubled = [email for email, n in stored.items() if n > 1]
    phantom = [email for email in stored if email not in stats.accepted]
    phantom = [email for email in phantom if email not in stats.unknown_emails]
    wrong_token = [e for e, t in stats.accepted.items() if stored[e] == 1 and tokens[e] != t]
    for label, emails in (
        ("accepted but not stored (lost)", lost),
        ("stored more than once (duplicated)", doubled),
        ("stored although refused (phantom)", phantom),
        ("stored with another token than the confirmation link", wrong_token),
    ):
        if emails:
            failures.append(f"{len(emails)} registrations {label}: {emails[:5]}")
    for email, outcomes in stats.races:
        if outcomes.count("accepted") > 1 or stored[email] > 1:
            failures.append(f"race {email}: {outcomes}, stored {stored[email]} times")
    over = (
        Registration.objects.filter(meeting__capacity__isnull=False)
        .values("meeting__translation_key", "occurrence_start", "meeting__capacity")
        .annotate(n=Count("pk"))
    )
    for group in over:
        if group["n"] > group["meeting__capacity"]:
            failures.append(f"over capacity: {group}")
    return failures, len(rows), len(stats.unknown_emails)


def percentile(samples, p):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def report(stats, elapsed):
    lines = [
        "| page type | requests | 5xx | other non-2xx/3xx | p50 / p95 / p99 (ms) |",
        "|---|---|---|---|---|",
    ]
    total = server_errors = 0
    kinds = [k for k in MIX if k != "registration"] + [
        f"registration: {step}" for step in ("form", "POST", "confirmation")
    ]
    for kind in kinds:
        samples = stats.latencies.get(kind)
        if not samples:
            continue
        statuses = stats.statuses[kind]
        count = sum(statuses.values())
        fives = sum(n for status, n in statuses.items() if status >= 500)
        others = sum(n for status, n in statuses.items() if 400 <= status < 500)
        total += count
        server_errors += fives
        lines.append(
            f"| {kind} | {count} | {fives} | {others} | {percentile(samples, 50):.0f} / "
            f"{percentile(samples, 95):.0f} / {percentile(samples, 99):.0f} |"
        )
    every = [ms for samples in stats.latencies.values() for ms in samples]
    lines.append(
        f"| **all** | **{total}** ({total / elapsed:.1f}/s) | **{server_errors}** | | "
        f"{percentile(every, 50):.0f} / {percentile(every, 95):.0f} / "
        f"{percentile(every, 99):.0f} (mean {statistics.fmean(every):.0f}) |"
    )
    return "\n".join(lines), server_errors


def client_cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def pick_meetings():
    """Paths of live meetings that still take registrations, both languages; those with a
    capacity first, so that 'full' is exercised too."""
    from communities.models import MeetingPage

    meetings = [m for m in MeetingPage.objects.live().public() if m.upcoming_occurrences(limit=1)]
    if not meetings:
        sys.exit("No meeting takes registrations: load the demo content first.")
    meetings.sort(key=lambda m: (m.capacity is None, m.pk))
    return [m.url for m in meetings[:12]]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--dataset", choices=["demo", "small"], default="demo")
    parser.add_argument("--skip-setup", action="store_true", help="use the database as it is")
    parser.add_argument("--redis-db", type=int, default=12, help="flushed before the run")
    args = parser.parse_args()
    if not 1 <= args.clients <= 256 or not 1 <= args.seconds <= 600:
        sys.exit("Keep it bounded: 1-256 clients, 1-600 seconds.")
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL to a throwaway PostgreSQL database.")

    env = production_env(
        REDIS_URL=f"redis://127.0.0.1:6379/{args.redis_db}",
        # Every client comes from 127.0.0.1: the per-address limit would refuse them.
        REGISTRATION_RATE_LIMIT="1000000",
    )
    if not args.skip_setup:
        manage("migrate", "--noinput", "-v0", env=env)
        manage("load_demo", env=env)
        if args.dataset == "small":
            manage("generate_dataset", "--scale", "small", env=env)
            manage("rebuild_search_index", env=env)
    subprocess.run(["redis-cli", "-n", str(args.redis_db), "FLUSHDB"], check=True)  # noqa: S603, S607

    os.environ.update(env)
    import django

    django.setup()
    from django.db import connection

    from bench.load import load_average, machine, pick_urls

    urls = pick_urls(20)
    REFUSALS.update(refusal_texts())
    meetings = pick_meetings()
    pg_version = f"{connection.pg_version // 10000}.{connection.pg_version % 10000}"
    connection.close()
    run_id = datetime.now(UTC).strftime("%Y%m%d%H%M%S")

    load_before = load_average()
    with collected_static(env), gunicorn(env, args.workers) as base:
        stats, elapsed = run_clients(base, urls, meetings, args, run_id)
    failures, rows, unknown = check_registrations(stats, run_id)
    table, server_errors = report(stats, elapsed)
    if server_errors:
        failures.append(f"{server_errors} responses with a 5xx status")
    if stats.errors:
        failures.append(f"{len(stats.errors)} requests without an answer: {stats.errors[:3]}")
    failures += stats.problems[:10]
    races_ok = sum(
        1 for _, o in stats.races if sorted(map(str, o)) == ["accepted", "already registered"]
    )
    text = "\n".join(
        [
            f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, `--dataset {args.dataset}`.",
            "",
            f"- Machine: {machine(pg_version)}.",
            f"- gunicorn: {args.workers} sync workers, production settings, Redis cache; "
            f"{args.clients} clients for {args.seconds} s ({elapsed:.0f} s with the last answers).",
            f"- Load average (1/5/15 min) before: {load_before}; after: {load_average()}. "
            f"The load generator itself used {client_cpu():.0f} s of CPU.",
            f"- Command: `DATABASE_URL=postgres://…/<db> .venv/bin/python bench/load_test.py "
            f"{' '.join(sys.argv[1:])}`",
            "",
            table,
            "",
            f"Registrations: {len(stats.accepted)} accepted, {rows} rows stored "
            f"({len(stats.accepted) - unknown} expected); refused: "
            + (", ".join(f"{n} {reason}" for reason, n in stats.refused.most_common()) or "none")
            + f"; {stats.duplicates_sent} deliberate duplicates sent; "
            f"{len(stats.races)} simultaneous pairs ({races_ok} with one accepted and one "
            f"refused); lost 0 and duplicated 0 unless listed below.",
        ]
    )
    print("\n" + text)
    if failures:
        print("\nFAILED:\n- " + "\n- ".join(failures))
        sys.exit(1)
    print("\nPASSED: no 5xx, no request without an answer, every registration accounted for.")


if __name__ == "__main__":
    main()
