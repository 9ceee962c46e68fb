"""Only district editors (and administrators) create, edit, import and publish resources."""

import pytest
from wagtail.models import Page

from resources.models import LearningResourcePage
from tests.resources.conftest import make_resource, translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def resource(library):
    return make_resource(library, "Modul Ajar Pecahan", levels=["sd"])


def blocked(response):
    return response.status_code in (302, 403) and (
        response.status_code == 403 or "/admin/" in response["Location"]
    )


def test_maintainer_cannot_reach_the_resource_admin(client, maintainer_a, library, resource):
    client.force_login(maintainer_a)
    add = client.get(f"/admin/pages/add/resources/learningresourcepage/{library.pk}/")
    assert blocked(add)
    assert blocked(client.get(f"/admin/pages/{resource.pk}/edit/"))
    assert client.get("/admin/resources/import/").status_code in (302, 403)
    assert client.get("/admin/resources/downloads/").status_code in (302, 403)
    response = client.post(
        f"/admin/pages/{resource.pk}/edit/",
        {"title": "Diubah", "slug": resource.slug, "action-publish": "1"},
    )
    assert blocked(response)
    assert LearningResourcePage.objects.get(pk=resource.pk).title == "Modul Ajar Pecahan"


def test_district_editor_can_add_edit_publish_and_import(
    client, editor_x, library, resource, library_en, locale_en
):
    client.force_login(editor_x)
    assert (
        client.get(f"/admin/pages/add/resources/learningresourcepage/{library.pk}/").status_code
        == 200
    )
    assert client.get(f"/admin/pages/{resource.pk}/edit/").status_code == 200
    assert client.get("/admin/resources/import/").status_code == 200
    assert client.get("/admin/resources/import/template.csv").status_code == 200
    permissions = Page.objects.get(pk=library.pk).permissions_for_user(editor_x)
    assert permissions.can_publish_subpage()
    # The English library too.
    english = translate_page(resource, locale_en, title="Fractions module")
    assert client.get(f"/admin/pages/{english.pk}/edit/").status_code == 200


def test_library_created_after_the_editor_group_gets_permissions(client, editor_x, home_id):
    from resources.models import LearningResourceIndexPage
    from tests.conftest import add_page

    library = add_page(home_id, LearningResourceIndexPage, title="Sumber", slug="sumber")
    client.force_login(editor_x)
    url = f"/admin/pages/add/resources/learningresourcepage/{library.pk}/"
    assert client.get(url).status_code == 200


def test_district_editor_imports_and_maintainer_cannot_post(
    client, editor_x, maintainer_a, library
):
    from tests.resources.test_import import csv_file, row

    client.force_login(maintainer_a)
    data = {"file": csv_file([row(1)]), "library": library.pk, "publish": "1"}
    assert client.post("/admin/resources/import/", data).status_code in (302, 403)
    assert not LearningResourcePage.objects.exists()

    client.force_login(editor_x)
    data = {"file": csv_file([row(1)]), "library": library.pk, "publish": "1"}
    response = client.post("/admin/resources/import/", data)
    assert response.context["result"].created == 1
    page = LearningResourcePage.objects.get()
    assert page.live and page.owner == editor_x and page.curator == editor_x
