"""`/healthz` for load balancers and uptime checks.

200 when the database answers a trivial query, 503 when it does not; the JSON body also says
whether the cache works. The cache is not part of the status code: without Redis the site
keeps serving (django-redis ignores its errors), only slower.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, Error, connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

OK = "ok"
UNAVAILABLE = "unavailable"
CACHE_KEY = "healthz"


def database_state():
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Error:
        logger.warning("Health check: the database does not answer", exc_info=True)
        return UNAVAILABLE
    return OK


def cache_state():
    # A value of our own, so a stale key from another check cannot pass for this one.
    token = uuid.uuid4().hex
    try:
        cache.set(CACHE_KEY, token, timeout=10)
        works = cache.get(CACHE_KEY) == token
    except Exception:  # any backend, any failure: the answer is the same
        logger.warning("Health check: the cache failed", exc_info=True)
        works = False
    return OK if works else UNAVAILABLE


@require_safe
@never_cache
def healthz(request):
    state = {"database": database_state(), "cache": cache_state()}
    healthy = state["database"] == OK
    return JsonResponse(
        {"status": OK if healthy else UNAVAILABLE, **state}, status=200 if healthy else 503
    )
