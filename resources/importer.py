"""Bulk import of learning resources from CSV or XLSX.

1. read_table() refuses a bad file with one reason (size, type, encoding, header).
2. validate() checks every row and returns precise errors (row, column, message);
   nothing is written.
3. apply() writes everything in one transaction: new resources are created, those
   whose external_id already exists in the library's language are updated, and
   unchanged ones are left alone, so re-importing a file changes nothing.

Lookups are preloaded (taxonomy by slug, existing resources by external_id, sibling
slugs), new pages get their tree paths computed in Python, and many-to-many links
are inserted in bulk: the per-row cost is the page INSERTs and the search index.
"""

import csv
import datetime
import io
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import format_lazy, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler as search_signal_handler
from treebeard.mp_tree import MP_Node
from wagtail.models import Page, PageLogEntry, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from communities.models import SchoolLevel, Subject, Topic
from home.blocks import parse_video_url

from .models import Language, LearningResourcePage, Licence, Phase, ResourceType

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    help: str


COLUMNS = [
    Column("external_id", True, gettext_lazy("Stable identifier; re-importing updates.")),
    Column("title", True, gettext_lazy("Title of the resource.")),
    Column("summary", True, gettext_lazy("One or two sentences, at most 500 characters.")),
    Column(
        "resource_type",
        True,
        format_lazy(gettext_lazy("One of: {}"), ", ".join(ResourceType.values)),
    ),
    Column("licence", True, format_lazy(gettext_lazy("One of: {}"), ", ".join(Licence.values))),
    Column("author", True, gettext_lazy("Original author.")),
    Column(
        "language",
        False,
        format_lazy(gettext_lazy("One of: {} (default id)"), ", ".join(Language.values)),
    ),
    Column("levels", False, gettext_lazy("School level slugs separated by ';', e.g. sd;smp")),
    Column("phases", False, gettext_lazy("Phase letters A–F separated by ';', e.g. A;B")),
    Column("subjects", False, gettext_lazy("Subject slugs separated by ';'")),
    Column("topics", False, gettext_lazy("Topic slugs separated by ';'")),
    Column("learning_objectives", False, gettext_lazy("Objectives separated by ';'")),
    Column("description", False, gettext_lazy("Plain text; paragraphs stay as written.")),
    Column("video_url", False, gettext_lazy("A YouTube or Vimeo address.")),
    Column("external_url", False, gettext_lazy("An address starting with https://")),
    Column("source_url", False, gettext_lazy("An address starting with https://")),
    Column("last_reviewed", False, gettext_lazy("Date as YYYY-MM-DD.")),
]
COLUMN_NAMES = [column.name for column in COLUMNS]
REQUIRED = [column.name for column in COLUMNS if column.required]
MAX_LENGTHS = {"external_id": 100, "title": 255, "summary": 500, "author": 200}


class ImportFileError(Exception):
    """The whole file is refused; the message says why."""


@dataclass
class RowError:
    row: int
    column: str
    message: str


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list = field(default_factory=list)


def read_table(uploaded):
    """Return (header, rows) from an uploaded CSV or XLSX file, or raise ImportFileError.
    The size is checked before anything is read."""
    if uploaded.size > MAX_UPLOAD_BYTES:
        raise ImportFileError(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {
                "size": round(uploaded.size / 1024 / 1024, 1),
                "limit": MAX_UPLOAD_BYTES // 1024 // 1024,
            }
        )
    name = (uploaded.name or "").lower()
    if name.endswith(".csv"):
        table = _read_csv(uploaded)
    elif name.endswith(".xlsx"):
        table = _read_xlsx(uploaded)
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))
    if not table:
        raise ImportFileError(_("The file is empty."))
    header = [str(cell or "").strip().lower() for cell in table[0]]
    _check_header(header)
    rows = [row for row in table[1:] if any(str(cell or "").strip() for cell in row)]
    if len(rows) > MAX_ROWS:
        raise ImportFileError(_("The file has more than %(max)d rows.") % {"max": MAX_ROWS})
    return header, rows


def _read_csv(uploaded):
    raw = uploaded.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "The file is not UTF-8 text (first bad byte at position %(pos)d). "
                "Save it as “CSV UTF-8”."
            )
            % {"pos": error.start}
        ) from None
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from None


def _read_xlsx(uploaded):
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(uploaded, read_only=True, data_only=False)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImportFileError(_("The file is not a valid XLSX workbook.")) from None
    try:
        sheet = workbook.worksheets[0]
        return [
            ["" if cell is None else cell for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    finally:
        workbook.close()


def _check_header(header):
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        raise ImportFileError(
            _("The header lacks required columns: %(columns)s.") % {"columns": ", ".join(missing)}
        )
    unknown = [name or "(empty)" for name in header if name not in COLUMN_NAMES]
    if unknown:
        raise ImportFileError(
            _("The header has unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)}
        )
    duplicates = sorted({name for name in header if header.count(name) > 1})
    if duplicates:
        raise ImportFileError(
            _("The header repeats columns: %(columns)s.") % {"columns": ", ".join(duplicates)}
        )


def _cell(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value if value is not None else "")


def _split(value):
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _is_url(value):
    return value.startswith(("https://", "http://")) and " " not in value and len(value) <= 200


class Vocabulary:
    """Taxonomy terms of one locale by slug, loaded once."""

    def __init__(self, locale):
        self.terms = {
            "levels": dict(SchoolLevel.objects.filter(locale=locale).values_list("slug", "pk")),
            "subjects": dict(Subject.objects.filter(locale=locale).values_list("slug", "pk")),
            "topics": dict(Topic.objects.filter(locale=locale).values_list("slug", "pk")),
        }


def validate(header, rows, index_page):
    """Return (cleaned, errors). Row numbers are those a spreadsheet shows (header = 1)."""
    vocabulary = Vocabulary(index_page.locale)
    cleaned, errors, seen = [], [], {}
    choices = {
        "resource_type": set(ResourceType.values),
        "licence": set(Licence.values),
        "language": set(Language.values),
    }
    for offset, raw in enumerate(rows):
        number = offset + 2
        values = {
            name: _cell(raw[i]).strip() if i < len(raw) else "" for i, name in enumerate(header)
        }
        row_errors = []

        def error(column, message, errors_=row_errors, number_=number):
            errors_.append(RowError(number_, column, message))

        for name in header:
            original = _cell(raw[header.index(name)]) if header.index(name) < len(raw) else ""
            if original.startswith(FORMULA_PREFIXES):
                error(
                    name,
                    _("Starts with “%(char)s”: formulas are not allowed. Remove the character.")
                    % {"char": repr(original[0]).strip("'")},
                )
        for name in REQUIRED:
            if not values.get(name):
                error(name, _("Required; the cell is empty."))
        for name, limit in MAX_LENGTHS.items():
            if len(values.get(name, "")) > limit:
                error(name, _("At most %(limit)d characters.") % {"limit": limit})
        for name, allowed in choices.items():
            value = values.get(name, "")
            if value and value not in allowed:
                error(
                    name,
                    _("“%(value)s” is not one of: %(allowed)s.")
                    % {"value": value, "allowed": ", ".join(sorted(allowed))},
                )
        external_id = values.get("external_id", "")
        if external_id in seen:
            error(
                "external_id",
                _("“%(value)s” is also used on row %(row)d.")
                % {"value": external_id, "row": seen[external_id]},
            )
        elif external_id:
            seen[external_id] = number
        terms = {}
        for name in ("levels", "subjects", "topics"):
            slugs = _split(values.get(name, ""))
            unknown = [slug for slug in slugs if slug not in vocabulary.terms[name]]
            if unknown:
                error(name, _("Unknown: %(values)s.") % {"values": ", ".join(unknown)})
            terms[name] = sorted({vocabulary.terms[name][s] for s in slugs if s not in unknown})
        phases = [p.upper() for p in _split(values.get("phases", ""))]
        bad_phases = [p for p in phases if p not in Phase.values]
        if bad_phases:
            error("phases", _("Unknown phase: %(values)s.") % {"values": ", ".join(bad_phases)})
        for name in ("external_url", "source_url", "video_url"):
            value = values.get(name, "")
            if value and not _is_url(value):
                error(name, _("Not a web address (it must start with https://)."))
        if values.get("video_url") and parse_video_url(values["video_url"]) is None:
            error("video_url", _("Not a YouTube or Vimeo address."))
        if not (values.get("video_url") or values.get("external_url")):
            error("external_url", _("Give a video_url or an external_url (or both)."))
        last_reviewed = None
        if values.get("last_reviewed"):
            try:
                last_reviewed = datetime.date.fromisoformat(values["last_reviewed"][:10])
            except ValueError:
                error("last_reviewed", _("Not a date; write it as YYYY-MM-DD."))
        if row_errors:
            errors.extend(row_errors)
            continue
        description = "".join(
            f"<p>{escape(paragraph.strip())}</p>"
            for paragraph in values.get("description", "").split("\n\n")
            if paragraph.strip()
        )
        cleaned.append(
            {
                "external_id": external_id,
                "fields": {
                    "title": values["title"],
                    "summary": values["summary"],
                    "description": description,
                    "resource_type": values["resource_type"],
                    "licence": values["licence"],
                    "author": values["author"],
                    "language": values.get("language") or Language.INDONESIAN,
                    "phases": "".join(sorted(set(phases))),
                    "learning_objectives": "\n".join(_split(values.get("learning_objectives", ""))),
                    "video_url": values.get("video_url", ""),
                    "external_url": values.get("external_url", ""),
                    "source_url": values.get("source_url", ""),
                    "last_reviewed": last_reviewed,
                },
                "terms": terms,
            }
        )
    return cleaned, errors


def _unique_slug(title, taken):
    base = slugify(title)[:200] or "sumber-belajar"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    taken.add(slug)
    return slug


M2M = {
    "levels": ("schoollevel_id", LearningResourcePage.levels.through),
    "subjects": ("subject_id", LearningResourcePage.subjects.through),
    "topics": ("topic_id", LearningResourcePage.topics.through),
}


def _current_terms(page_ids):
    current = {pk: {name: [] for name in M2M} for pk in page_ids}
    for name, (column, through) in M2M.items():
        for page_id, term_id in through.objects.filter(
            learningresourcepage_id__in=page_ids
        ).values_list("learningresourcepage_id", column):
            current[page_id][name].append(term_id)
    return {pk: {name: sorted(ids) for name, ids in terms.items()} for pk, terms in current.items()}


@contextmanager
def _deferred_indexing():
    """Skip the per-save search and reference index updates for new pages; the caller
    indexes them in bulk. The search signal is per model and per process (a sync
    worker handles one request at a time); the reference index switch is thread-local."""
    disconnected = post_save.disconnect(search_signal_handler, sender=LearningResourcePage)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        if disconnected:
            post_save.connect(search_signal_handler, sender=LearningResourcePage)


def _log_creations(pages, user):
    """The "created" entry of each page's history, as Page.save() writes it, in bulk."""
    content_type = ContentType.objects.get_for_model(LearningResourcePage)
    now = timezone.now()
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                page=page,
                content_type=content_type,
                label=page.get_admin_display_title(),
                action="wagtail.create",
                timestamp=now,
                data={},
                user=user or page.owner,
                content_changed=True,
            )
            for page in pages
        ],
        batch_size=1000,
    )


def _index_new_references(pages):
    """ReferenceIndex.create_or_update_for_object() for pages that have no records yet,
    with one bulk INSERT instead of a lookup and an INSERT per page. Uses Wagtail's
    record extraction (a private method, checked against Wagtail 8.0)."""
    content_type = ContentType.objects.get_for_model(LearningResourcePage)
    base_content_type = ContentType.objects.get_for_model(Page)
    records = [
        ReferenceIndex(
            content_type=content_type,
            base_content_type=base_content_type,
            object_id=page.pk,
            to_content_type_id=to_content_type_id,
            to_object_id=to_object_id,
            model_path=model_path,
            content_path=content_path,
            content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
        )
        for page in pages
        for to_content_type_id, to_object_id, model_path, content_path in set(
            ReferenceIndex._extract_references_from_object(page)
        )
    ]
    ReferenceIndex.objects.bulk_create(records, batch_size=1000, ignore_conflicts=True)


@transaction.atomic
def apply(cleaned, index_page, user, publish):
    """Create or update every row; return an ImportResult. All or nothing."""
    created = []
    with _deferred_indexing():
        result = _apply(cleaned, index_page, user, publish, created)
    _log_creations(created, user)
    _index_new_references(created)
    for backend in get_search_backends(with_auto_update=True):
        for start in range(0, len(created), 500):
            backend.add_bulk(LearningResourcePage, created[start : start + 500])
    # The portal's search page too (updated rows were published, which indexed them).
    from search.indexer import BATCH_SIZE, index_pages

    for start in range(0, len(created), BATCH_SIZE):
        index_pages(created[start : start + BATCH_SIZE])
    return result


def _apply(cleaned, index_page, user, publish, created):
    result = ImportResult()
    index_page = Page.objects.select_for_update().get(pk=index_page.pk).specific
    existing = {
        page.external_id: page
        for page in LearningResourcePage.objects.filter(
            locale_id=index_page.locale_id,
            external_id__in=[row["external_id"] for row in cleaned],
        )
    }
    current_terms = _current_terms([page.pk for page in existing.values()])
    taken = set(
        Page.objects.filter(
            path__startswith=index_page.path, depth=index_page.depth + 1
        ).values_list("slug", flat=True)
    )
    last_child = index_page.get_last_child()
    step = MP_Node._str2int(last_child.path[-index_page.steplen :]) if last_child else 0
    now = timezone.now()
    new_links = {name: [] for name in M2M}
    for row in cleaned:
        page = existing.get(row["external_id"])
        if page is not None:
            changed = any(getattr(page, k) != v for k, v in row["fields"].items()) or (
                current_terms[page.pk] != row["terms"]
            )
            if not changed:
                result.unchanged += 1
                continue
            for key, value in row["fields"].items():
                setattr(page, key, value)
            for name, ids in row["terms"].items():
                setattr(page, name, ids)
            revision = page.save_revision(user=user, clean=False)
            if publish:
                revision.publish(user=user)
            result.updated += 1
            continue
        step += 1
        page = LearningResourcePage(
            **row["fields"],
            external_id=row["external_id"],
            slug=_unique_slug(row["fields"]["title"], taken),
            locale_id=index_page.locale_id,
            owner=user,
            curator=user,
            depth=index_page.depth + 1,
            path=MP_Node._get_path(index_page.path, index_page.depth + 1, step),
            numchild=0,
            live=publish,
            has_unpublished_changes=not publish,
            first_published_at=now if publish else None,
            last_published_at=now if publish else None,
        )
        page._cached_parent_obj = index_page
        page._is_site_root = False  # a resource is never a site root: skip that query
        page.save(clean=False, log_action=None)  # creation is logged in bulk below
        created.append(page)
        for name, ids in row["terms"].items():
            column, through = M2M[name]
            new_links[name].extend(
                through(learningresourcepage_id=page.pk, **{column: term_id}) for term_id in ids
            )
        result.created += 1
    for name, links in new_links.items():
        M2M[name][1].objects.bulk_create(links, batch_size=1000)
    if result.created:
        Page.objects.filter(pk=index_page.pk).update(numchild=F("numchild") + result.created)
    return result


def template_rows():
    """The header and one example row for the downloadable templates."""
    example = {
        "external_id": "dinas-5101-0001",
        "title": "Modul Ajar Pecahan Senilai Kelas 4 SD",
        "summary": "Modul ajar untuk memahami pecahan senilai dengan benda konkret.",
        "resource_type": "teaching_module",
        "licence": "cc-by-sa",
        "author": "Tim Guru SD Gugus 3 Negara",
        "language": "id",
        "levels": "sd",
        "phases": "B",
        "subjects": "matematika",
        "topics": "",
        "learning_objectives": "Menjelaskan pecahan senilai;Membandingkan pecahan",
        "description": "",
        "video_url": "",
        "external_url": "https://example.org/modul-pecahan",
        "source_url": "https://example.org",
        "last_reviewed": "2026-11-01",
    }
    return COLUMN_NAMES, [example[name] for name in COLUMN_NAMES]
