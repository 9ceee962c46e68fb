"""Settings for the test suite: fast hashing, no real e-mail, isolated media."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
# Tests look at what a page renders (its context, its queries): the page cache is off here
# and on in tests/home/test_page_cache.py. (With it on, a test that inspects the context or
# counts the queries of a second identical request gets the cached answer instead.)
PAGE_CACHE_TIMEOUT = 0
WHITENOISE_AUTOREFRESH = True  # tests don't run collectstatic
