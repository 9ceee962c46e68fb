"""Production settings with every cache a no-op: the "uncached" pass of bench/load.py.

Every request then does all of its work (routing, menus, listings, search answers), which is
what a page costs on a cache miss with a cold cache.
"""

from portal.settings.production import *  # noqa: F403

CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    for alias in CACHES  # noqa: F405
}
