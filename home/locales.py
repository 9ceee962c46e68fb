"""Wagtail's Locale lookups without a query each time.

`Locale.get_active()` reads the locale table on every call, and a page view calls it
several times (routing, listings, featured collections); `page.locale` reads it again.
The locales change only when an administrator adds or removes a language, which bumps
the content generation (home/cache_purge.py), so the table is kept in the cache under it,
and in each worker's memory for as long as the generation stays the same. Without a
cache (Redis down) Wagtail's own queries run, as before.
"""

from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from . import chrome, page_cache

_wagtail_get_active = Locale.get_active.__func__
_memo = (None, None)  # (generation, {language_code: id}) of the last lookup


def locale_ids():
    """{language_code: id} of every locale, or None without a cache."""
    global _memo
    generation = page_cache.generation()
    if generation is None:
        return None
    if _memo[0] == generation:
        return _memo[1]
    shared = chrome.shared(
        "locales", lambda: dict(Locale.objects.values_list("language_code", "id"))
    )
    if shared is None:  # an unreachable cache: Wagtail's queries, as without one
        return None
    found = shared[0]
    _memo = (generation, found)
    return found


def _locale(pk, code):
    return Locale.from_db(Locale.objects.db, ["id", "language_code"], [pk, code])


def all_locales():
    """Every Locale, ordered by language code as `Locale.objects.all()`, from the cached
    table when there is one."""
    ids = locale_ids()
    if ids is None:
        return list(Locale.objects.all())
    return [_locale(ids[code], code) for code in sorted(ids)]


def get_active(cls):
    """Locale.get_active() from the cached table; Wagtail's own when the language has no
    locale (its fallback to the default) or there is no cache."""
    ids = locale_ids()
    if ids:
        try:
            code = get_supported_content_language_variant(translation.get_language())
        except Exception:  # Wagtail's own raises or falls back in the same case
            code = None
        if code in ids:
            return _locale(ids[code], code)
    return _wagtail_get_active(cls)


def prime(obj):
    """Give `obj.locale` (a page, a snippet) its Locale without the query it would run."""
    if obj is None or not getattr(obj, "locale_id", None):
        return obj
    field = obj._meta.get_field("locale")
    if field.is_cached(obj):
        return obj
    for code, pk in (locale_ids() or {}).items():
        if pk == obj.locale_id:
            field.set_cached_value(obj, _locale(pk, code))
    return obj


def install():
    Locale.get_active = classmethod(get_active)
