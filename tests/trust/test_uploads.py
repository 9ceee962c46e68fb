# ruff: noqa: F811 - pytest fixtures imported above are test arguments
"""Uploads through the admin's real views: the document allow-list, content that must match
the name, no SVG or hidden extensions, size limits; serving with Content-Disposition; and
each community's private "Internal" collection."""

from urllib.parse import parse_qs

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import override_settings
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from communities.access import private_collection
from communities.models import CommunityAccess
from resources.models import DownloadCount, ResourceDocument
from tests.communities.conftest import (  # noqa: F401 - fixtures used below
    community_a,
    community_b,
    community_index,
    editor_x,
    editor_y,
    maintainer_a,
    maintainer_b,
    region_x,
    region_y,
)
from tests.resources.conftest import library, make_resource  # noqa: F401
from tests.trust.files import HTML, SVG, _zip, document_bytes, png_bytes, upload

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
ALLOWED = ["pdf", "doc", "docx", "ppt", "pptx", "xls", "xlsx", "odt", "odp", "ods", "txt", "csv"]
NOT_ALLOWED = "Not a supported image format"
HIDDEN = "The file name hides a second extension"
MISMATCH = "its content does not match its name"


def in_english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def boss(db):
    user = get_user_model().objects.create_superuser("boss", "boss@example.id", "pw")
    return in_english(user)


@pytest.fixture
def admin(client, boss):
    client.force_login(boss)
    return client


def root_id():
    return Collection.get_first_root_node().pk


def add_document(client, name, content, collection=None):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": upload(name, content),
            "collection": collection or root_id(),
        },
    )


def file_errors(response):
    assert response.status_code == 200, "the form should have been shown again"
    return " ".join(response.context["form"].errors["file"])


@pytest.mark.parametrize("extension", ALLOWED)
def test_every_allowed_document_type_is_accepted(admin, extension):
    response = add_document(admin, f"materi.{extension}", document_bytes(extension))

    assert response.status_code == 302
    assert Document.objects.get().file_extension == extension


@pytest.mark.parametrize("name", ["setup.exe", "halaman.html", "skrip.js", "gambar.svg", "a.php"])
def test_other_extensions_are_refused_by_name(admin, name):
    errors = file_errors(add_document(admin, name, b"MZ whatever"))

    assert "File extension" in errors and "is not allowed" in errors
    assert not Document.objects.exists()


@pytest.mark.parametrize("name", ["rapor.php.pdf", "modul.html.pdf", "x.exe.docx", "nilai.svg.csv"])
def test_hidden_second_extensions_are_refused(admin, name):
    content = document_bytes(name.rsplit(".", 1)[1])

    assert HIDDEN in file_errors(add_document(admin, name, content))
    assert not Document.objects.exists()


def test_dots_in_an_ordinary_name_are_fine(admin):
    response = add_document(admin, "Modul Ajar v1.2 kelas.5.pdf", document_bytes("pdf"))

    assert response.status_code == 302


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("modul.pdf", HTML),
        ("modul.pdf", SVG),
        ("modul.doc", HTML),
        ("modul.docx", HTML),
        ("modul.docx", _zip([("readme.txt", "not a Word file")])),
        ("modul.xlsx", document_bytes("docx")),  # a Word package renamed .xlsx
        ("modul.odt", document_bytes("ods")),
        ("catatan.txt", HTML),
        ("catatan.txt", b"  \n<svg onload=alert(1)>"),
        ("nilai.csv", b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
        ("catatan.txt", b"MZ\x90\x00\x03\x00binary"),
    ],
)
def test_content_that_does_not_match_the_name_is_refused(admin, name, content):
    errors = file_errors(add_document(admin, name, content))

    assert MISMATCH in errors
    assert f".{name.rsplit('.', 1)[1]}" in errors
    assert not Document.objects.exists()


def test_text_about_html_is_still_text(admin):
    """A lesson note may quote markup; only a file that starts like a web page is refused."""
    note = b"Pelajaran informatika: tag <b> membuat teks tebal, <script> menjalankan kode.\n"

    assert add_document(admin, "catatan.txt", note).status_code == 302


def test_multiple_upload_applies_the_same_rules(admin):
    url = reverse("wagtaildocs:add_multiple")

    def post(name, content):
        return admin.post(url, {"files[]": upload(name, content), "collection": root_id()}).json()

    assert post("modul.docx", document_bytes("docx"))["success"] is True
    refused = post("modul.pdf", HTML)
    assert refused["success"] is False
    assert MISMATCH in refused["error_message"]
    assert "is not allowed" in post("halaman.html", HTML)["error_message"]
    assert Document.objects.count() == 1


def test_the_document_choosers_upload_applies_the_same_rules(admin):
    url = reverse("wagtaildocs_chooser:create")
    data = {
        "document-chooser-upload-title": "Modul",
        "document-chooser-upload-collection": root_id(),
    }

    refused = admin.post(url, {**data, "document-chooser-upload-file": upload("m.pdf", SVG)})
    assert MISMATCH in refused.json()["htmlFragment"]
    accepted = admin.post(
        url, {**data, "document-chooser-upload-file": upload("m.pdf", document_bytes("pdf"))}
    )
    assert accepted.json()["step"] == "chosen"
    assert Document.objects.count() == 1


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024)
def test_an_oversize_document_is_refused_naming_the_limit(admin):
    content = document_bytes("pdf") + b"%" * 2048

    errors = file_errors(add_document(admin, "besar.pdf", content))

    assert "This file is too big" in errors and "Maximum filesize 1.0\xa0KB" in errors
    multiple = admin.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": upload("besar.pdf", content), "collection": root_id()},
    ).json()
    assert "1.0\xa0KB" in multiple["error_message"]
    assert not Document.objects.exists()


def add_image(client, name, content):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": upload(name, content), "collection": root_id()},
    )


def test_an_image_is_accepted(admin):
    assert add_image(admin, "foto.png", png_bytes()).status_code == 302
    assert Image.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("gambar.svg", SVG, NOT_ALLOWED),
        ("gambar.png", SVG, "Not a valid .png image"),
        ("gambar.png", HTML, "Not a valid .png image"),
        ("foto.php.png", png_bytes(), HIDDEN),
        ("foto.svg.png", png_bytes(), HIDDEN),
    ],
)
def test_svg_disguised_and_hidden_extension_images_are_refused(admin, name, content, message):
    assert message in file_errors(add_image(admin, name, content))
    assert not Image.objects.exists()


def test_the_image_uploaders_apply_the_same_rules(admin):
    multiple = admin.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("gambar.svg", SVG), "collection": root_id()},
    ).json()
    assert multiple["success"] is False
    assert NOT_ALLOWED in multiple["error_message"]

    chooser = admin.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Gambar",
            "image-chooser-upload-collection": root_id(),
            "image-chooser-upload-file": upload("gambar.png", SVG),
        },
    )
    assert "Not a valid .png image" in chooser.json()["htmlFragment"]
    assert not Image.objects.exists()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=64)
def test_an_oversize_image_is_refused_naming_the_limit(admin):
    errors = file_errors(add_image(admin, "foto.png", png_bytes((64, 64))))

    assert "This file is too big" in errors and "Maximum filesize 64\xa0bytes" in errors


# --- serving ------------------------------------------------------------------------------


def stored_document(name, collection=None):
    document = Document(title=name, collection=collection or Collection.get_first_root_node())
    document.file.save(name, ContentFile(document_bytes(name.rsplit(".", 1)[1])), save=True)
    return document


def read(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize(
    ("name", "disposition"),
    [("modul.pdf", "inline"), ("modul.docx", "attachment"), ("catatan.txt", "attachment")],
)
def test_documents_are_served_with_content_disposition_and_nosniff(client, name, disposition):
    document = stored_document(name)

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'{disposition}; filename="{document.filename}"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert read(response) == document_bytes(name.rsplit(".", 1)[1])


def internal_of(community):
    access = CommunityAccess.objects.get(translation_key=community.translation_key)
    return private_collection(access)


def test_each_community_has_a_private_internal_collection(community_a, community_b, editor_x):
    internal = internal_of(community_a)

    assert internal.name == "Internal"
    assert internal.get_parent().name == community_a.title
    restriction = internal.get_view_restrictions().get()
    assert restriction.restriction_type == "groups"
    access = CommunityAccess.objects.get(translation_key=community_a.translation_key)
    assert set(restriction.groups.values_list("name", flat=True)) == {
        access.maintainers.name,
        "Editor dinas: Kabupaten Jembrana",
    }
    # The community's own collection stays public: its photos illustrate public pages.
    assert not internal.get_parent().get_view_restrictions().exists()


def test_a_maintainer_uploads_to_the_internal_collection(client, community_a, maintainer_a):
    client.force_login(in_english(maintainer_a))
    internal = internal_of(community_a)

    form = client.get(reverse("wagtaildocs:add"))
    choices = {str(c) for c in form.context["form"].fields["collection"].queryset}
    assert choices == {community_a.title, "Internal"}

    response = add_document(client, "daftar-hadir.pdf", document_bytes("pdf"), internal.pk)
    assert response.status_code == 302
    assert Document.objects.get().collection == internal


def sent_to_login(client, response, document):
    """Wagtail's answer to a restricted document: its login page, coming back afterwards."""
    assert response.status_code == 302
    login, _, query = response["Location"].partition("?")
    assert login.endswith("/_util/login/")
    assert parse_qs(query) == {"next": [document.url]}
    return client.get(login).status_code == 200


def test_internal_documents_are_refused_to_visitors_and_other_communities(
    client, community_a, maintainer_a, maintainer_b, editor_x, editor_y, boss
):
    document = stored_document("daftar-hadir.docx", internal_of(community_a))

    assert sent_to_login(client, client.get(document.url), document)
    for outsider in (maintainer_b, editor_y):
        client.force_login(outsider)
        assert sent_to_login(client, client.get(document.url), document)

    for insider in (maintainer_a, editor_x, boss):
        client.force_login(insider)
        response = client.get(document.url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment;")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert read(response) == document_bytes("docx")


def test_a_refused_request_is_not_counted_as_a_download(client, library, community_a):
    document = stored_document("modul.pdf", internal_of(community_a))
    ResourceDocument.objects.create(page=make_resource(library, "Modul"), document=document)

    assert client.get(document.url).status_code == 302

    assert not DownloadCount.objects.exists()


def test_moving_a_community_lets_the_new_districts_editors_in(
    client, community_a, region_y, editor_x, editor_y
):
    document = stored_document("notulen.pdf", internal_of(community_a))
    community_a.move(region_y, pos="last-child")

    client.force_login(editor_y)
    assert client.get(document.url).status_code == 200
    client.force_login(editor_x)
    assert client.get(document.url).status_code == 302


def test_an_administrator_reaches_the_internal_collections_privacy_setting(admin, community_a):
    internal = internal_of(community_a)

    response = admin.get(reverse("wagtailadmin_collections:set_privacy", args=[internal.pk]))

    assert response.status_code == 200
    html = response.json()["html"]
    assert 'value="groups" checked' in html or "checked" in html
