"""Reports → Translation status: live Indonesian pages whose English version is missing or
outdated, per type and region, with translate/sync links, filters, CSV export and page
permissions, through the real admin views."""

import csv
import io
import re

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from communities.models import Regency
from resources.models import LearningResourceIndexPage
from tests.communities.conftest import make_community, make_user
from tests.communities.test_articles import make_article
from tests.conftest import add_page, translate_page
from tests.resources.conftest import make_resource

pytestmark = pytest.mark.django_db

URL = "/admin/reports/translation-status/"


@pytest.fixture
def tree(english_tree, community_a, community_b, region_y, home_id):
    """Translated: index, Jembrana region, community A. Not translated: the Bandung region
    and community B, an article of community A, and a learning resource (no region)."""
    article = make_article(community_a, "Asesmen diagnostik")
    library = add_page(home_id, LearningResourceIndexPage, title="Sumber Belajar")
    resource = make_resource(library, "Modul pecahan")
    return {
        "community_a": community_a,
        "community_b": community_b,
        "region_y": region_y,
        "article": article,
        "library": library,
        "resource": resource,
    }


def rows(response):
    """{page id: (status, row html)} from the report's table."""
    html = response.content.decode()
    found = re.findall(
        r'<tr data-translation-status="(\w+)" data-page-id="(\d+)">(.*?)</tr>', html, re.S
    )
    return {int(pk): (status, body) for status, pk, body in found}


def test_lists_missing_translations_with_type_region_and_translate_link(admin_client, tree):
    response = admin_client.get(URL)

    assert response.status_code == 200
    found = rows(response)
    expected_missing = {
        tree["community_b"].pk,
        tree["region_y"].pk,
        tree["article"].pk,
        tree["library"].pk,
        tree["resource"].pk,
    }
    assert set(found) == expected_missing
    assert {status for status, _ in found.values()} == {"missing"}

    _, community_row = found[tree["community_b"].pk]
    assert "Jawa Barat / Kota Bandung" in community_row
    # Articles inherit their community's region; resources have none.
    _, article_row = found[tree["article"].pk]
    assert "Bali / Kabupaten Jembrana" in article_row
    translate = reverse("wagtail_localize:submit_page_translation", args=[tree["article"].pk])
    assert f'href="{translate}?select_locale=en&amp;next=' in article_row
    assert f'href="/admin/pages/{tree["article"].pk}/edit/"' in article_row
    assert 'data-action="sync"' not in article_row
    _, resource_row = found[tree["resource"].pk]
    assert "Bali" not in resource_row and "Bandung" not in resource_row


def test_a_published_change_makes_the_translation_outdated_until_synced(
    admin_client, tree, django_capture_on_commit_callbacks
):
    community = tree["community_a"]
    assert community.pk not in rows(admin_client.get(URL))

    # A draft is not what visitors read nor what a sync copies: still up to date.
    community.summary = "Ringkasan baru (draf)"
    community.save_revision()
    assert community.pk not in rows(admin_client.get(URL))

    community.summary = "Ringkasan baru"
    community.save_revision().publish()
    status, row = rows(admin_client.get(URL, {"status": "outdated"}))[community.pk]
    assert status == "outdated"
    source = TranslationSource.objects.get(object_id=community.translation_key)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert f'href="{sync_url}?next=' in row
    assert 'data-action="edit-translation"' in row

    # Sync without publishing: the source is current, the English page still old.
    response = admin_client.post(sync_url, {})
    assert response.status_code == 302
    status, row = rows(admin_client.get(URL))[community.pk]
    assert status == "outdated"
    assert 'data-action="sync"' not in row and 'data-action="edit-translation"' in row

    # Community A changes again; this time sync and publish at once.
    community.summary = "Ringkasan terbaru"
    community.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302
    assert community.pk not in rows(admin_client.get(URL))


def test_filters_by_status_type_province_and_regency(admin_client, tree):
    community = tree["community_a"]
    community.save_revision().publish()  # outdated
    content_type = tree["community_b"].content_type

    outdated = rows(admin_client.get(URL, {"status": "outdated"}))
    assert set(outdated) == {community.pk}

    by_type = rows(admin_client.get(URL, {"content_type": content_type.pk}))
    assert set(by_type) == {community.pk, tree["community_b"].pk}

    bandung = Regency.objects.get(code="32.73")
    by_regency = rows(admin_client.get(URL, {"regency": bandung.pk}))
    assert set(by_regency) == {tree["community_b"].pk, tree["region_y"].pk}

    by_province = rows(admin_client.get(URL, {"province": bandung.province_id}))
    assert set(by_province) == {tree["community_b"].pk, tree["region_y"].pk}

    missing_in_bali = rows(
        admin_client.get(
            URL, {"status": "missing", "province": Regency.objects.get(code="51.01").province_id}
        )
    )
    assert set(missing_in_bali) == {tree["article"].pk}


def test_exports_csv_with_the_active_filters(admin_client, admin_user, tree):
    tree["community_a"].save_revision().publish()
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()

    response = admin_client.get(
        URL, {"export": "csv", "province": tree["community_b"].regency.province_id}
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "status-terjemahan.csv" in response["Content-Disposition"]
    table = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert table[0][:5] == ["Title", "Status", "Type", "Province", "Regency or city"]
    titles = {row[0]: row for row in table[1:]}
    assert set(titles) == {"Komunitas Praktisi Guru SMP Harapan", "Kota Bandung"}
    row = titles["Komunitas Praktisi Guru SMP Harapan"]
    assert row[1:5] == [
        "No English translation",
        "Community of practice",
        "Jawa Barat",
        "Kota Bandung",
    ]
    assert row[-1].endswith(f"/admin/pages/{tree['community_b'].pk}/edit/")


def test_district_editors_see_only_their_regency(client, tree, editor_x, editor_y):
    client.force_login(editor_x)
    jembrana = rows(client.get(URL))
    assert tree["article"].pk in jembrana
    assert tree["community_b"].pk not in jembrana and tree["region_y"].pk not in jembrana

    client.force_login(editor_y)
    bandung = rows(client.get(URL))
    # District editors also curate the learning resources of every region.
    library = {tree["library"].pk, tree["resource"].pk}
    assert set(bandung) == {tree["community_b"].pk, tree["region_y"].pk} | library
    # Their group may submit translations (resources/access.py): each row links to it.
    _, row = bandung[tree["community_b"].pk]
    assert 'data-action="translate"' in row and 'data-action="edit"' in row


def test_without_the_translation_permission_only_edit_links_show(client, tree, maintainer_a):
    client.force_login(maintainer_a)
    _, row = rows(client.get(URL))[tree["article"].pk]
    assert 'data-action="translate"' not in row and 'data-action="edit"' in row


def test_maintainers_see_their_community_only(client, tree, maintainer_a):
    client.force_login(maintainer_a)

    assert set(rows(client.get(URL))) == {tree["article"].pk}


def test_menu_item_and_view_need_page_edit_permissions(client, tree, editor_x):
    nobody = make_user("nobody")
    nobody.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(nobody)
    assert URL not in client.get("/admin/").content.decode()
    assert client.get(URL).status_code in (302, 403)

    client.force_login(editor_x)
    assert URL in client.get("/admin/").content.decode()
    assert client.get(URL).status_code == 200


def test_query_count_does_not_grow_with_rows(admin_client, tree, region_y):
    def count():
        with CaptureQueriesContext(connection) as queries:
            response = admin_client.get(URL)
        assert response.status_code == 200
        return len(rows(response)), len(queries)

    few_rows, few_queries = count()
    for number in range(8):
        community = make_community(region_y, f"Komunitas tambahan {number}")
        make_article(community, f"Artikel tambahan {number}")
    many_rows, many_queries = count()

    assert many_rows == few_rows + 16
    assert many_queries == few_queries


def test_unpublished_english_draft_counts_as_missing(admin_client, tree):
    english = Page.objects.get(
        translation_key=tree["community_a"].translation_key, locale__language_code="en"
    )
    english.unpublish()

    status, row = rows(admin_client.get(URL))[tree["community_a"].pk]
    assert status == "missing"
    assert f'href="/admin/pages/{english.pk}/edit/"' in row
    assert 'data-action="translate"' not in row


def test_pages_translated_from_english_are_not_outdated(admin_client, tree, home_en, locale_id):
    english_only = add_page(home_en, title="Partners", slug="partners")
    indonesian = translate_page(english_only, locale_id, title="Mitra", slug="mitra")
    indonesian = Page.objects.get(pk=indonesian.pk)

    assert indonesian.last_published_at > english_only.last_published_at
    assert indonesian.pk not in rows(admin_client.get(URL))
