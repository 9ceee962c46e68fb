"""What pages read that changes only when content does: a regency with its province, the
choices of the listings' filters. Remembered with the chrome (home/chrome.py): a page view
finds them in the cache, which every content change renews; without a cache they are read
once per request.
"""

from home import chrome

from .models import Province, Regency


def regency(request, regency_id):
    """The regency or city `regency_id` with its province (its name and time zone)."""

    def build():
        return Regency.objects.select_related("province").filter(pk=regency_id).first()

    return chrome.remember(request, f"regency:{regency_id}", build)


def province_choices(request):
    return chrome.remember(
        request, "provinces", lambda: list(Province.objects.values_list("slug", "name"))
    )


def term_choices(request, model, locale_id):
    """(slug, name) of a vocabulary (levels, subjects or topics) in a locale."""

    def build():
        return list(model.objects.filter(locale_id=locale_id).values_list("slug", "name"))

    return chrome.remember(request, f"choices:{model._meta.label_lower}:{locale_id}", build)


def regency_choices(request, name, regencies):
    """(slug, name) of the `regencies` queryset, remembered as `name`: the regencies that have
    communities or articles, which change with content."""
    return chrome.remember(
        request, f"regencies:{name}", lambda: list(regencies.values_list("slug", "name"))
    )
