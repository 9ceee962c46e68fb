"""Spam protection of the registration form without third-party services: a honeypot field
and a rate limit per client address and meeting, counted in Django's cache."""

import logging

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website"  # a field of RegistrationForm that people never see


def honeypot_filled(data):
    """True when the hidden field that people leave empty has a value: a bot filled it."""
    return bool((data.get(HONEYPOT_FIELD) or "").strip())


def client_address(request):
    """The client's address as django-axes sees it (REMOTE_ADDR, or X-Forwarded-For behind
    TRUSTED_PROXY_COUNT proxies), so sign-in throttling and this limit agree."""
    return get_client_ip_address(request) or ""


def _rate_key(meeting, request):
    # Both languages of a meeting share one count. The address is stored only as a keyed
    # hash: the cache never holds a visitor's IP address.
    digest = salted_hmac("registration-rate", client_address(request)).hexdigest()[:32]
    return f"registration-rate:{meeting.translation_key}:{digest}"


def over_rate_limit(meeting, request):
    """Count this post of `meeting`'s form from the client's address and say whether it is
    over REGISTRATION_RATE_LIMIT in the current window. A cache that is down never blocks
    anyone: the form keeps working without the limit."""
    limit = settings.REGISTRATION_RATE_LIMIT
    if limit <= 0:
        return False
    key = _rate_key(meeting, request)
    try:
        # add() starts the window (and its expiry) only for the first post; incr() keeps it.
        cache.add(key, 0, timeout=settings.REGISTRATION_RATE_WINDOW)
        count = cache.incr(key)
    except ValueError:  # the key expired between add() and incr(): a new window
        return False
    except Exception:  # noqa: BLE001 - any cache failure means "no limit", never an error page
        logger.warning("Registration rate limit skipped: the cache is unavailable", exc_info=True)
        return False
    if count is None:  # django-redis with IGNORE_EXCEPTIONS answers None when Redis is down
        return False
    if count > limit:
        logger.warning(
            "Registration rate limit reached for meeting %s (%s posts)", meeting.pk, count
        )
        return True
    return False
