"""The Komunitas listing's fast paths give what the plain ones gave: the filter form's HTML,
the order of the communities and the communities each filter finds."""

import re

import pytest
from django import forms
from django.db import connection
from django.utils.translation import gettext_lazy
from wagtail.models import PageViewRestriction

from communities.listing import CommunityFilterForm, QuickSelect, community_ids
from communities.models import SchoolLevel
from tests.communities.conftest import make_community, make_region, term
from tests.communities.test_listing import count_line

pytestmark = pytest.mark.django_db

CHOICES = [
    ("", "Semua"),
    ("bali", "Bali"),
    ("a&b", 'Tom & "Jerry" <b>'),
    ("it's", gettext_lazy("Province")),
    (3, "A number"),
    ("bali", "Bali again"),  # only the first of equal values is selected
    (None, "None is the empty value"),
]


@pytest.mark.parametrize("value", [None, "", "bali", "a&b", "it's", "3", 3, "unknown", ["bali"]])
@pytest.mark.parametrize(
    "attrs",
    [
        None,
        {"id": "id_province"},
        {"id": "id_x", "required": True, "disabled": False, "aria-invalid": "true", "data-x": "<"},
    ],
)
def test_quick_select_renders_what_django_select_renders(value, attrs):
    args = ("province", value, attrs)

    assert QuickSelect(choices=CHOICES).render(*args) == forms.Select(choices=CHOICES).render(*args)


def test_quick_select_leaves_option_groups_to_django():
    grouped = [("", "Semua"), ("Bali", [("jembrana", "Jembrana"), ("badung", "Badung")])]

    html = QuickSelect(choices=grouped).render("regency", "badung")

    assert html == forms.Select(choices=grouped).render("regency", "badung")
    assert '<optgroup label="Bali">' in html


@pytest.mark.parametrize(
    "data", [None, {"province": "bali", "level": "smp"}, {"regency": "<script>", "mode": "online"}]
)
def test_filter_form_html_is_django_s(data):
    choices = {
        "province": [("bali", "Bali"), ("jawa-barat", "Jawa Barat")],
        "regency": [("kota-bandung", "Kota Bandung"), ("jembrana", "Jembrana & Co")],
        "level": [("sd", "SD"), ("smp", "SMP")],
        "subject": [("matematika", "Matematika")],
    }
    quick = CommunityFilterForm(data, choices=choices)
    plain = CommunityFilterForm(data, choices=choices)
    for form in (quick, plain):
        form.is_valid()  # errors add aria-invalid to the invalid field
    for field in plain.fields.values():
        if isinstance(field.widget, QuickSelect):
            field.widget = forms.Select(choices=field.choices)

    assert [str(field) for field in quick] == [str(field) for field in plain]


def cards(response):
    """(href, title) of each card, in order."""
    return re.findall(
        r'class="card__title"><a href="([^"]+)">([^<]+)</a>', response.content.decode()
    )


def test_listing_is_by_title_then_oldest_first_and_pages_neither_repeat_nor_skip(
    client, community_index, region_x, region_y
):
    pages = []
    for number, title in enumerate(
        ["Gugus Sama", "Gugus Beta", "Gugus Sama", "Gugus Alfa", "Gugus Sama", "Gugus Gama"] * 3
    ):
        region = region_x if number % 2 else region_y
        pages.append(make_community(region, title, slug=f"gugus-{number:02d}"))
    expected = [(page.url, page.title) for page in sorted(pages, key=lambda p: (p.title, p.pk))]

    first = cards(client.get("/id/komunitas/"))
    second = cards(client.get("/id/komunitas/?page=2"))
    # A text search counts and pages its own way (communities/listing.py).
    searched = cards(client.get("/id/komunitas/?q=gugus")) + cards(
        client.get("/id/komunitas/?q=gugus&page=2")
    )

    assert first + second == expected
    assert len(first) == 12
    assert searched == expected


def test_listing_has_only_the_live_public_communities_of_its_index(
    client, english_tree, community_index, region_x, region_y, community_a
):
    shown = make_community(region_y, "Guru SMP Harapan")
    draft = make_community(region_y, "Guru Draf")
    draft.unpublish()
    private = make_community(region_x, "Guru Rahasia")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    response = client.get("/id/komunitas/")

    assert [title for _, title in cards(response)] == [shown.title, community_a.title]
    assert count_line(response).startswith("2 ")


def test_a_community_with_two_matching_terms_is_listed_once(client, community_index, region_x):
    page = make_community(region_x, "Guru SD Dua Bahasa")
    # The Indonesian and the English "sd": both match ?level=sd.
    page.levels.set(SchoolLevel.objects.filter(slug="sd"))
    page.save_revision().publish()
    assert page.levels.count() == 2

    response = client.get("/id/komunitas/?level=sd")

    assert [title for _, title in cards(response)] == ["Guru SD Dua Bahasa"]
    assert count_line(response).startswith("1 ")


def test_filters_apply_together(client, community_index, region_x, region_y):
    jayapura = make_region(community_index, "91.71")
    for region, title, mode, level in [
        (region_x, "Guru SMP Daring", "online", "smp"),
        (region_x, "Guru SD Daring", "online", "sd"),
        (region_x, "Guru SMP Tatap Muka", "face_to_face", "smp"),
        (region_x, "Komunitas SMP Daring", "online", "smp"),  # no "guru" in it
        (region_y, "Guru SMP Bandung Daring", "online", "smp"),
        (jayapura, "Guru SMP Jayapura Daring", "online", "smp"),
    ]:
        page = make_community(region, title, meeting_mode=mode, goal="Belajar bersama")
        page.levels.set([term(SchoolLevel, level)])
        page.save_revision().publish()

    response = client.get("/id/komunitas/?province=bali&mode=online&level=smp&q=guru")

    assert [title for _, title in cards(response)] == ["Guru SMP Daring"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
def test_a_page_of_the_listing_can_be_read_from_the_title_index(community_index, region_x):
    make_community(region_x, "Gugus Alfa")
    ids = community_ids(community_index, {})[:12]
    with connection.cursor() as cursor:
        # Too few rows for the planner to prefer an index on its own: forbid the alternatives.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
        sql, params = ids.query.sql_with_params()
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "communities_live_page_type_title" in plan
