"""Cached search answers that are never stale.

Counting and ranking thousands of matches is the expensive part of a search, and the
same searches come back all day. Answers are cached under the index's *version*, which
every write to the index bumps (right away, and again when the transaction commits,
so a search racing a publish cannot keep an old answer). SEARCH_CACHE_TIMEOUT = 0
turns the cache off (the benchmark measures both).
"""

import hashlib
import json
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "search:index-version"


def timeout():
    return getattr(settings, "SEARCH_CACHE_TIMEOUT", 600)


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        cache.add(VERSION_KEY, time.time_ns(), None)
        current = cache.get(VERSION_KEY, 0)
    return current


def _bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted, or never set
        cache.set(VERSION_KEY, time.time_ns(), None)


def index_changed():
    _bump()
    transaction.on_commit(_bump)


def remember(parts, compute):
    """compute() once per index version for these parts (a JSON-serialisable list)."""
    if not timeout():
        return compute()
    digest = hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()
    key = f"search:{version()}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout())
    return value
