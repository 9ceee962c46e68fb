"""A small community tree: Komunitas → two regions (Jembrana in Bali, Kota Bandung) →
community A (Jembrana) and community B (Bandung), and the people around them."""

import pytest
from django.contrib.auth import get_user_model

from communities.access import add_district_editor, add_maintainer
from communities.models import (
    CommunityIndexPage,
    CommunityPage,
    Regency,
    RegionPage,
    SchoolLevel,
    Subject,
)
from tests.conftest import add_page, translate_page


def make_community(region, title, **fields):
    defaults = {
        "goal": "Mewujudkan merdeka belajar",
        "summary": f"Ringkasan {title}",
        "community_type": "within_school",
        "meeting_mode": "face_to_face",
        "meeting_schedule": "Sebulan sekali",
    }
    return add_page(region, CommunityPage, title=title, **{**defaults, **fields})


def make_region(index, code):
    regency = Regency.objects.get(code=code)
    return add_page(index, RegionPage, title=regency.name, slug=regency.slug, regency=regency)


@pytest.fixture
def community_index(home_id):
    return add_page(home_id, CommunityIndexPage, title="Komunitas", slug="komunitas")


@pytest.fixture
def region_x(community_index):
    """Kabupaten Jembrana, Bali."""
    return make_region(community_index, "51.01")


@pytest.fixture
def region_y(community_index):
    """Kota Bandung, Jawa Barat."""
    return make_region(community_index, "32.73")


@pytest.fixture
def community_a(region_x):
    return make_community(region_x, "Komunitas Guru SD Negara")


@pytest.fixture
def community_b(region_y):
    return make_community(region_y, "Komunitas Praktisi Guru SMP Harapan")


def make_user(username, **extra):
    return get_user_model().objects.create_user(username, f"{username}@example.org", "pw", **extra)


@pytest.fixture
def maintainer_a(community_a):
    user = make_user("maintainer_a")
    add_maintainer(user, community_a)
    return user


@pytest.fixture
def maintainer_b(community_b):
    user = make_user("maintainer_b")
    add_maintainer(user, community_b)
    return user


@pytest.fixture
def editor_x(region_x):
    user = make_user("editor_x")
    add_district_editor(user, region_x)
    return user


@pytest.fixture
def editor_y(region_y):
    user = make_user("editor_y")
    add_district_editor(user, region_y)
    return user


@pytest.fixture
def english_tree(home_en, locale_en, community_index, region_x, community_a):
    """English translations of the index, region X and community A."""
    index_en = translate_page(community_index, locale_en, title="Communities", slug="communities")
    region_en = translate_page(region_x, locale_en)
    community_en = translate_page(community_a, locale_en, title="Negara Primary Teachers")
    return index_en, region_en, community_en


def term(model, slug):
    return model.objects.get(slug=slug, locale__language_code="id")


__all__ = ["SchoolLevel", "Subject", "make_community", "make_region", "make_user", "term"]
