"""The privacy notice (Kebijakan Privasi): the footer and the registration form link to it."""

from django.conf import settings

# The Indonesian privacy page is the StandardPage with this slug (created by `load_demo`);
# its English version is its wagtail-localize translation, whatever its slug.
PRIVACY_PAGE_SLUG = "privasi"


def privacy_page():
    """The live, public privacy page in the active language (Indonesian when it has no live
    translation), or None when the site has none."""
    from home.models import StandardPage

    page = (
        StandardPage.objects.live()
        .public()
        .filter(slug=PRIVACY_PAGE_SLUG, locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )
    return page.localized if page is not None else None
