"""A translator's round trip outside the admin, through wagtail-localize's real admin URLs:
translate a page to English, download its PO file, check it with GNU gettext's msgfmt,
fill it in with polib, upload it, publish, and read the English page."""

import shutil
import subprocess

import polib
import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from home.models import StandardPage
from tests.conftest import add_page

pytestmark = pytest.mark.django_db

MSGFMT = shutil.which("msgfmt") or "/usr/bin/msgfmt"


@pytest.fixture
def tentang(home_id, home_en):
    return add_page(
        home_id,
        StandardPage,
        title="Tentang komunitas praktisi",
        slug="tentang",
        introduction="Komunitas praktisi adalah tempat guru belajar bersama.",
        body=[("paragraph", "<p>Kami bertemu <b>sebulan sekali</b> di sekolah.</p>")],
    )


ENGLISH = {
    "Tentang komunitas praktisi": "About communities of practice",
    "tentang": "about",
    "Komunitas praktisi adalah tempat guru belajar bersama.": (
        "A community of practice is where teachers learn together."
    ),
    "Kami bertemu <b>sebulan sekali</b> di sekolah.": ("We meet <b>once a month</b> at school."),
}


def test_po_file_round_trip(
    admin_client, tentang, locale_en, tmp_path, django_capture_on_commit_callbacks
):
    # 1. "Translate this page" → English.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[tentang.pk]),
            {"locales": [locale_en.pk]},
        )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=tentang.translation_key, target_locale=locale_en
    )
    english = Page.objects.get(translation_key=tentang.translation_key, locale=locale_en)

    # 2. "Download PO file".
    response = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/x-gettext-translation")
    assert ".po" in response["Content-Disposition"]
    downloaded = tmp_path / "tentang-en.po"
    downloaded.write_bytes(response.content)

    # 3. A real PO tool accepts it as it is.
    check = subprocess.run(  # noqa: S603
        [MSGFMT, "--check", "-o", "/dev/null", str(downloaded)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr

    # 4. The translator fills in every msgstr (a PO editor would do the same).
    po = polib.pofile(str(downloaded))
    assert po.metadata["X-WagtailLocalize-TranslationID"] == str(translation.uuid)
    assert {entry.msgid for entry in po} == set(ENGLISH)
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    translated = tmp_path / "tentang-en-translated.po"
    po.save(str(translated))
    check = subprocess.run(  # noqa: S603
        [MSGFMT, "--check", "-o", "/dev/null", str(translated)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert check.returncode == 0, check.stderr

    # 5. "Upload PO file".
    edit_url = reverse("wagtailadmin_pages:edit", args=[english.pk])
    with translated.open("rb") as upload:
        response = admin_client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
            {"file": upload, "next": edit_url},
        )
    assert response.status_code == 302
    assert response["Location"] == edit_url

    # 6. "Publish in English" from the translation editor.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302

    # 7. Visitors read the uploaded English text at the translated slug.
    response = admin_client.get("/en/about/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "About communities of practice" in html
    assert "A community of practice is where teachers learn together." in html
    assert "We meet <b>once a month</b> at school." in html
    assert "Kami bertemu" not in html
    # The Indonesian page is untouched.
    assert "Kami bertemu <b>sebulan sekali</b>" in admin_client.get("/id/tentang/").content.decode()


def test_a_po_file_for_another_translation_is_refused(
    admin_client, tentang, locale_en, tmp_path, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[tentang.pk]),
            {"locales": [locale_en.pk]},
        )
    translation = Translation.objects.get(source__object_id=tentang.translation_key)
    po = polib.pofile(
        admin_client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.pk])
        ).content.decode()
    )
    po.metadata["X-WagtailLocalize-TranslationID"] = "00000000-0000-0000-0000-000000000000"
    for entry in po:
        entry.msgstr = ENGLISH[entry.msgid]
    other = tmp_path / "other.po"
    po.save(str(other))

    with other.open("rb") as upload:
        admin_client.post(
            reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}
        )

    english = Page.objects.get(translation_key=tentang.translation_key, locale=locale_en)
    assert english.title == "Tentang komunitas praktisi"  # nothing imported
