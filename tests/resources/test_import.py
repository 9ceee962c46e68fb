"""Bulk import in the admin: dry run, precise row errors, refused files, idempotent re-import."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook
from wagtail.models import Page, Revision

from resources import importer
from resources.models import LearningResourcePage

pytestmark = pytest.mark.django_db

URL = "/admin/resources/import/"


def row(number, **changes):
    values = {
        "external_id": f"res-{number:05d}",
        "title": f"Modul Ajar Pecahan {number}",
        "summary": "Ringkasan modul",
        "resource_type": "teaching_module",
        "licence": "cc-by",
        "author": "Tim Guru",
        "language": "id",
        "levels": "sd",
        "phases": "B;C",
        "subjects": "matematika",
        "topics": "numerasi",
        "learning_objectives": "Menjelaskan pecahan;Membandingkan pecahan",
        "description": "",
        "video_url": "",
        "external_url": f"https://example.org/{number}",
        "source_url": "",
        "last_reviewed": "2026-11-01",
    }
    values.update(changes)
    return values


def csv_file(rows, header=None, name="sumber.csv", encoding="utf-8"):
    header = header or importer.COLUMN_NAMES
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), "text/csv")


def xlsx_file(rows, name="sumber.xlsx"):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(importer.COLUMN_NAMES)
    for values in rows:
        sheet.append([values[name] for name in importer.COLUMN_NAMES])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(client, library, file, dry_run=False, publish=True):
    data = {"file": file, "library": library.pk, "publish": "1" if publish else "0"}
    if dry_run:
        data["dry_run"] = "on"
    response = client.post(URL, data)
    assert response.status_code == 200
    return response


def resources():
    return LearningResourcePage.objects.all()


def test_dry_run_validates_and_writes_nothing(admin_client, library):
    response = upload(admin_client, library, csv_file([row(1), row(2)]), dry_run=True)
    assert response.context["errors"] == []
    assert response.context["row_count"] == 2
    assert "data-import-valid" in response.content.decode()
    assert not resources().exists()


def test_each_kind_of_bad_row_is_reported_precisely_and_nothing_is_written(admin_client, library):
    rows = [
        row(1),
        row(2, title=""),
        row(3, resource_type="poster"),
        row(4, levels="sd;universitas"),
        row(5, phases="B;G"),
        row(6, external_url="ftp//nope"),
        row(7, summary='=HYPERLINK("http://evil.example","klik")'),
        row(8, external_id="res-00001"),
        row(9, external_url="", video_url=""),
        row(10, last_reviewed="1 November"),
        row(11, video_url="https://example.org/video.mp4"),
        row(12, licence="gpl"),
        row(13, author="@tim"),
    ]
    response = upload(admin_client, library, csv_file(rows))
    errors = [(e.row, e.column) for e in response.context["errors"]]
    assert errors == [
        (3, "title"),
        (4, "resource_type"),
        (5, "levels"),
        (6, "phases"),
        (7, "external_url"),
        (8, "summary"),
        (9, "external_id"),
        (10, "external_url"),
        (11, "last_reviewed"),
        (12, "video_url"),
        (13, "licence"),
        (14, "author"),
    ]
    messages = {e.row: e.message for e in response.context["errors"]}
    assert "universitas" in messages[5]
    assert "G" in messages[6]
    assert "=" in messages[8]
    assert "baris 2" in messages[9]
    html = response.content.decode()
    assert "data-import-errors" in html and "HYPERLINK" not in html.split("data-import-errors")[1]
    assert not resources().exists()


@pytest.mark.parametrize(
    ("file", "reason"),
    [
        (SimpleUploadedFile("x.csv", "external_id,title\nMódulo".encode("latin-1")), "UTF-8"),
        (
            csv_file([row(1)], header=[c for c in importer.COLUMN_NAMES if c != "licence"]),
            "licence",
        ),
        (csv_file([row(1)], header=[*importer.COLUMN_NAMES, "harga"]), "harga"),
        (SimpleUploadedFile("sumber.txt", b"hello"), ".csv"),
        (SimpleUploadedFile("sumber.xlsx", b"not a zip"), "XLSX"),
        (SimpleUploadedFile("sumber.csv", b"\n"), "tidak memuat kolom wajib"),
    ],
    ids=["not-utf8", "missing-column", "unknown-column", "wrong-type", "bad-xlsx", "no-header"],
)
def test_bad_files_are_refused_with_a_reason(admin_client, library, file, reason):
    response = upload(admin_client, library, file)
    assert reason in response.context["file_error"]
    assert "data-import-refused" in response.content.decode()
    assert not resources().exists()


def test_a_file_over_the_limit_is_refused(admin_client, library):
    big = SimpleUploadedFile("sumber.csv", b"x" * (importer.MAX_UPLOAD_BYTES + 1))
    response = upload(admin_client, library, big)
    assert "batasnya 5 MB" in response.context["file_error"]


def test_a_50_mb_upload_is_refused_without_being_read():
    class Huge:
        name = "sumber.csv"
        size = 50 * 1024 * 1024

        def read(self, *args):
            raise AssertionError("the file must not be read")

        def __iter__(self):
            raise AssertionError("the file must not be read")

    with pytest.raises(importer.ImportFileError, match="50.0 MB"):
        importer.read_table(Huge())


def test_xlsx_import_and_formula_cells(admin_client, library):
    response = upload(admin_client, library, xlsx_file([row(1), row(2)]))
    assert response.context["result"].created == 2
    response = upload(admin_client, library, xlsx_file([row(3, title="=1+1")]))
    assert [(e.row, e.column) for e in response.context["errors"]] == [(2, "title")]
    assert resources().count() == 2


def test_template_downloads(admin_client):
    csv_response = admin_client.get("/admin/resources/import/template.csv")
    header = csv_response.content.decode().splitlines()[0].split(",")
    assert header == importer.COLUMN_NAMES
    xlsx_response = admin_client.get("/admin/resources/import/template.xlsx")
    assert xlsx_response["Content-Type"].startswith("application/vnd.openxmlformats")
    # The templates themselves import cleanly.


def test_thousand_rows_create_then_reimport_changes_nothing(admin_client, library, client):
    rows = [row(n) for n in range(1, 1001)]
    response = upload(admin_client, library, csv_file(rows), publish=True)
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged) == (1000, 0, 0)
    assert resources().live().count() == 1000
    assert Page.objects.get(pk=library.pk).numchild == 1000
    revisions = Revision.objects.count()

    response = upload(admin_client, library, csv_file(rows), publish=True)
    result = response.context["result"]
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1000)
    assert resources().count() == 1000
    assert Revision.objects.count() == revisions

    page = resources().get(external_id="res-00007")
    assert page.phases == "BC"
    assert sorted(page.subjects.values_list("slug", flat=True)) == ["matematika"]
    assert page.url_path.endswith("/sumber-belajar/modul-ajar-pecahan-7/")
    listing = client.get("/id/sumber-belajar/?subject=matematika&phase=C")
    assert listing.context["result_count"] == 1000
    assert client.get(page.url).status_code == 200

    rows[6] = row(7, title="Modul Ajar Pecahan Tujuh", subjects="matematika;ipas")
    result = upload(admin_client, library, csv_file(rows), publish=True).context["result"]
    assert (result.created, result.updated, result.unchanged) == (0, 1, 999)
    page.refresh_from_db()
    assert page.title == "Modul Ajar Pecahan Tujuh"
    assert sorted(page.subjects.values_list("slug", flat=True)) == ["ipas", "matematika"]


def test_drafts(admin_client, library):
    upload(admin_client, library, csv_file([row(1)]), publish=False)
    page = resources().get()
    assert not page.live
    assert page.has_unpublished_changes


def test_imported_pages_are_in_the_search_index(admin_client, library):
    upload(admin_client, library, csv_file([row(1), row(2, title="Modul Ajar Geometri")]))
    results = LearningResourcePage.objects.live().search("Geometri")
    assert [p.external_id for p in results] == ["res-00002"]
    # ...and in the portal's search page (drafts are not: see the next test).
    html = admin_client.get("/id/cari/", {"q": "geometri"}).content.decode()
    assert 'class="result-count" role="status" data-count="1"' in html


def test_imported_drafts_are_not_searchable(admin_client, library):
    upload(admin_client, library, csv_file([row(2, title="Modul Ajar Geometri")]), publish=False)
    html = admin_client.get("/id/cari/", {"q": "geometri"}).content.decode()
    assert 'class="result-count" role="status" data-count="0"' in html


def test_created_pages_have_a_creation_entry_in_their_history(admin_client, library, admin_user):
    from wagtail.models import PageLogEntry

    upload(admin_client, library, csv_file([row(1), row(2)]))
    entries = PageLogEntry.objects.filter(action="wagtail.create", page__in=resources())
    assert entries.count() == 2
    assert {e.user_id for e in entries} == {admin_user.pk}
    page = resources().get(external_id="res-00001")
    assert admin_client.get(f"/admin/pages/{page.pk}/history/").status_code == 200
