from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from communities.models import CommunityPage, RegionPage


def get_user(username):
    try:
        return get_user_model().objects.get(username=username)
    except get_user_model().DoesNotExist:
        raise CommandError(f"No user named '{username}'.") from None


def get_page(model, identifier, label):
    """A page of `model` by id or slug (the first created when slugs repeat)."""
    pages = model.objects.all()
    pages = (
        pages.filter(pk=int(identifier)) if identifier.isdigit() else pages.filter(slug=identifier)
    )
    page = pages.order_by("pk").first()
    if page is None:
        raise CommandError(f"No {label} '{identifier}'.")
    return page


def get_community(identifier):
    return get_page(CommunityPage, identifier, "community")


def get_region(identifier):
    """A region page by page id, slug, regency code (51.01) or regency slug."""
    page = RegionPage.objects.filter(regency__code=identifier).first() or (
        RegionPage.objects.filter(regency__slug=identifier).first()
    )
    return page or get_page(RegionPage, identifier, "region")
