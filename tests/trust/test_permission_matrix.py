"""The permission matrix: who may do what, as one table of real HTTP requests.

Roles (columns, in this order):
  anon      a visitor, not signed in
  plain     a signed-in account without any group or permission. The portal has no teacher
            accounts (visitors register for meetings without one), so this stands for any
            account that was never given a role: the admin must refuse it.
  maint_a   maintainer of community A (in regency X)
  maint_b   maintainer of community B (in regency Y)
  editor_x  district editor of regency X
  editor_y  district editor of regency Y
  admin     superuser

Outcomes (what the cell must give):
  ok      allowed: 200 (or a redirect to where the action leads) AND, for an action that
          changes something, the change really happened (checked in the database)
  login   302 to the (admin or front-end) login page
  home    302 to the admin dashboard: Wagtail's "Sorry, you do not have permission"
  403     403 Forbidden
  404     404 Not Found
  noop    the request is answered (200 or 302) but the change is refused and did not happen
          (e.g. a maintainer's "publish" is saved as a draft, an upload into a collection
          they may not use is a form error)
  hidden  the listing answers 200 but does not contain the object

Every cell runs in a savepoint that is rolled back afterwards, so the world (tests/trust/
matrix_world.py) is built once and each cell starts from it. Rows marked ADVISORY repeat a class
of bug from Wagtail's recent security advisories. A mismatch fails with the table of every
wrong cell.

Expectations come from the roles' purpose (docs/architecture.md, "Permissions"): maintainers
edit only their own community's pages and media and see only their registrations; district
editors curate learning resources (one national library, shared by all district editors) and
review and publish community content in their regency; administrators do everything; visitors
and role-less accounts get nothing in the admin.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import TranslationSource

from communities.models import CommunityPage, MeetingPage, Registration, Topic
from resources.models import LearningResourcePage, ResourceCollection
from tests.communities.test_admin_permissions import edit_form_data
from tests.resources.test_import import csv_file, row
from tests.trust.matrix_world import (  # noqa: F401 - fixtures used by matrix_world
    ROLES,
    community_a,
    community_b,
    community_index,
    editor_x,
    editor_y,
    english_tree,
    library,
    maintainer_a,
    maintainer_b,
    matrix_world,
    region_x,
    region_y,
)

pytestmark = pytest.mark.django_db

NEW_SUMMARY = "Ringkasan dari matriks izin"


@dataclass(frozen=True)
class Cell:
    action: str
    target: str
    expect: str  # one outcome per role, in ROLES order
    url: Callable
    method: str = "get"
    data: Callable | None = None
    done: Callable | None = None  # did the change happen? (actions that change something)
    shows: Callable | None = None  # text only the permitted roles may see (listings)


# --- helpers used by the table -----------------------------------------------------------


def page_url(name, attr, *extra):
    """The admin URL `wagtailadmin_pages:<name>` for the page at `world.<attr>`."""

    def build(w):
        return reverse(f"wagtailadmin_pages:{name}", args=[_get(w, attr).pk, *extra])

    return build


def _get(w, attr):
    for part in attr.split("."):
        w = getattr(w, part)
    return w


def _fresh(page):
    return Page.objects.filter(pk=page.pk).first()


def _english():
    return Locale.objects.get(language_code="en")


def copy_data(w, parent, slug):
    return {
        "new_title": "Salinan praktik baik",
        "new_slug": slug,
        "new_parent_page": _get(w, parent).pk,
        "copy_subpages": "",
        "publish_copies": "",
        "alias": "",
    }


def _copied(w, parent, slug):
    return Page.objects.child_of(_get(w, parent)).filter(slug=slug).exists()


def _upload_image(w):
    png = get_test_image_file().file.getvalue()
    return {
        "title": "Unggahan matriks",
        "file": SimpleUploadedFile("unggahan.png", png, "image/png"),
        "collection": w.a.collection.pk,
    }


def _upload_document(w):
    return {
        "title": "Unggahan matriks",
        "file": SimpleUploadedFile("unggahan.pdf", b"%PDF-1.4 unggahan", "application/pdf"),
        "collection": w.a.collection.pk,
    }


def _bulk_publish(attr):
    def build(w):
        base = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
        return f"{base}?id={_get(w, attr).pk}"

    return build


def _doc_url(attr):
    def build(w):
        document = _get(w, attr)
        return reverse("wagtaildocs_serve", args=[document.pk, document.filename])

    return build


# --- the matrix ---------------------------------------------------------------------------
# Each row: action, object, then the outcome per role, in the columns below.
#         anon   plain  mnt_a  mnt_b  ed_x   ed_y   admin   (mnt = maintainer, ed = district editor)
MATRIX = [
    # Admin entry ---------------------------------------------------------------------------
    Cell("open the admin", "dashboard",
         "login  login  ok     ok     ok     ok     ok",
         lambda w: reverse("wagtailadmin_home")),
    Cell("explore", "community A's pages",
         "login  login  ok     hidden ok     hidden ok",
         lambda w: reverse("wagtailadmin_explore", args=[w.a.community.pk]),
         shows=lambda w: w.a.draft_meeting.title),
    # ADVISORY (choosers): the page chooser shows a page that is not live only to its editors.
    Cell("page chooser lists", "draft meeting A",
         "login  login  ok     hidden ok     hidden ok",
         lambda w: reverse("wagtailadmin_choose_page_child", args=[w.a.community.pk]),
         shows=lambda w: w.a.draft_meeting.title),
    Cell("page chooser search", "draft meeting A",
         "login  login  ok     hidden ok     hidden ok",
         lambda w: reverse("wagtailadmin_choose_page_search") + "?q=Draf",
         shows=lambda w: w.a.draft_meeting.title),
    Cell("page chooser lists", "live article A",
         "login  login  ok     ok     ok     ok     ok",
         lambda w: reverse("wagtailadmin_choose_page_child", args=[w.a.community.pk]),
         shows=lambda w: w.a.article.title),
    # Pages of community A ------------------------------------------------------------------
    Cell("view draft", "draft meeting A",
         "login  login  ok     home   ok     home   ok",
         page_url("view_draft", "a.draft_meeting")),
    Cell("view draft", "draft meeting B",
         "login  login  home   ok     home   ok     ok",
         page_url("view_draft", "b.draft_meeting")),
    Cell("edit (form)", "article A",
         "login  login  ok     home   ok     home   ok",
         page_url("edit", "a.article")),
    Cell("edit (save draft)", "community A",
         "login  login  ok     home   ok     home   ok",
         page_url("edit", "a.community"), "post",
         data=lambda w: edit_form_data(w.a.community, summary=NEW_SUMMARY),
         done=lambda w: CommunityPage.objects.get(pk=w.a.community.pk)
         .get_latest_revision_as_object().summary == NEW_SUMMARY),
    Cell("edit (save draft)", "community B",
         "login  login  home   ok     home   ok     ok",
         page_url("edit", "b.community"), "post",
         data=lambda w: edit_form_data(w.b.community, summary=NEW_SUMMARY),
         done=lambda w: CommunityPage.objects.get(pk=w.b.community.pk)
         .get_latest_revision_as_object().summary == NEW_SUMMARY),
    Cell("edit (translation)", "community A in English",
         "login  login  ok     home   ok     home   ok",
         page_url("edit", "community_a_en")),
    Cell("publish (edit form)", "community A",
         "login  login  noop   home   ok     home   ok",
         page_url("edit", "a.community"), "post",
         data=lambda w: edit_form_data(
             w.a.community, summary=NEW_SUMMARY, **{"action-publish": "1"}),
         done=lambda w: CommunityPage.objects.get(pk=w.a.community.pk).summary == NEW_SUMMARY),
    Cell("publish (bulk action)", "draft meeting A",
         "login  login  noop   noop   ok     noop   ok",
         _bulk_publish("a.draft_meeting"), "post", data=lambda w: {},
         done=lambda w: MeetingPage.objects.get(pk=w.a.draft_meeting.pk).live),
    Cell("unpublish", "article A",
         "login  login  home   home   ok     home   ok",
         page_url("unpublish", "a.article"), "post", data=lambda w: {},
         done=lambda w: not _fresh(w.a.article).live),
    Cell("delete", "article A",
         "login  login  home   home   ok     home   ok",
         page_url("delete", "a.article"), "post", data=lambda w: {},
         done=lambda w: _fresh(w.a.article) is None),
    Cell("approve a review", "meeting A",
         "login  login  home   home   ok     home   ok",
         lambda w: reverse("wagtailadmin_pages:workflow_action",
                           args=[w.a.meeting.pk, "approve", w.review.current_task_state.pk]),
         "post", data=lambda w: {"comment": "Setuju"},
         done=lambda w: WorkflowState.objects.get(pk=w.review.pk).status == "approved"),
    # ADVISORY (page copy): copying needs add permission where the copy goes.
    Cell("copy into own community", "article A → community A",
         "login  login  ok     home   ok     home   ok",
         page_url("copy", "a.article"), "post",
         data=lambda w: copy_data(w, "a.community", "salinan-a"),
         done=lambda w: _copied(w, "a.community", "salinan-a")),
    Cell("copy into another community", "article A → community B",
         "login  login  noop   home   noop   home   ok",
         page_url("copy", "a.article"), "post",
         data=lambda w: copy_data(w, "b.community", "salinan-b"),
         done=lambda w: _copied(w, "b.community", "salinan-b")),
    Cell("move into another community", "article A → community B",
         "login  login  home   home   home   home   ok",
         lambda w: reverse("wagtailadmin_pages:move_confirm",
                           args=[w.a.article.pk, w.b.community.pk]), "post",
         data=lambda w: {},
         done=lambda w: _fresh(w.a.article).get_parent().pk == w.b.community.pk),
    # ADVISORY (preview): previewing a page you cannot edit.
    Cell("preview", "article A",
         "login  login  ok     home   ok     home   ok",
         page_url("preview_on_edit", "a.article")),
    Cell("history", "article A",
         "login  login  ok     home   ok     home   ok",
         page_url("history", "a.article")),
    # ADVISORY (revision view/compare): another community's revisions.
    Cell("view a revision", "article A, first revision",
         "login  login  ok     home   ok     home   ok",
         lambda w: reverse("wagtailadmin_pages:revisions_view",
                           args=[w.a.article.pk, w.a.article.revisions.earliest("pk").pk])),
    Cell("compare revisions", "article A, earliest…latest",
         "login  login  ok     home   ok     home   ok",
         page_url("revisions_compare", "a.article", "earliest", "latest")),
    # ADVISORY (translation creation): translating a page you cannot edit.
    Cell("create translation", "article A → English",
         "login  login  home   home   ok     home   ok",
         lambda w: reverse("wagtail_localize:submit_page_translation", args=[w.a.article.pk]),
         "post", data=lambda w: {"locales": [_english().pk]},
         done=lambda w: w.a.article.get_translation_or_none(_english()) is not None),
    Cell("create translation", "topic (snippet)",
         "login  login  home   home   home   home   ok",
         lambda w: reverse("wagtail_localize:submit_snippet_translation",
                           args=["communities", "topic", w.topic.pk]),
         "post", data=lambda w: {"locales": [_english().pk]},
         done=lambda w: Topic.objects.filter(translation_key=w.topic.translation_key)
         .count() == 2),
    Cell("create translation", "resource collection (snippet)",
         "login  login  home   home   ok     ok     ok",
         lambda w: reverse("wagtail_localize:submit_snippet_translation",
                           args=["resources", "resourcecollection", w.resource_collection.pk]),
         "post", data=lambda w: {"locales": [_english().pk]},
         done=lambda w: ResourceCollection.objects.filter(
             translation_key=w.resource_collection.translation_key).count() == 2),
    Cell("sync translations", "community A",
         "login  login  home   home   ok     home   ok",
         lambda w: reverse("wagtail_localize:update_translations", args=[
             TranslationSource.objects.get(object_id=w.a.community.translation_key).pk])),
    # ADVISORY (snippet copy): copying a snippet needs the add permission on its model.
    Cell("copy snippet", "topic",
         "login  login  home   home   home   home   ok",
         lambda w: reverse("wagtailsnippets_communities_topic:copy", args=[w.topic.pk])),
    Cell("copy snippet", "resource collection",
         "login  login  home   home   ok     ok     ok",
         lambda w: reverse("wagtailsnippets_resources_resourcecollection:copy",
                           args=[w.resource_collection.pk])),
    # Images and documents of community A's collection --------------------------------------
    # ADVISORY (choosers): the chooser lists only collections the user may choose from.
    Cell("image chooser lists", "image A",
         "login  login  ok     hidden hidden hidden ok",
         lambda w: reverse("wagtailimages_chooser:choose"),
         shows=lambda w: w.a.image.title),
    Cell("image chosen", "image A",
         "login  login  ok     home   home   home   ok",
         lambda w: reverse("wagtailimages_chooser:chosen", args=[w.a.image.pk])),
    Cell("edit image", "image A",
         "login  login  ok     home   home   home   ok",
         lambda w: reverse("wagtailimages:edit", args=[w.a.image.pk])),
    Cell("upload image", "into A's collection",
         "login  login  ok     noop   home   home   ok",
         lambda w: reverse("wagtailimages:add"), "post", data=_upload_image,
         done=lambda w: Image.objects.filter(
             title="Unggahan matriks", collection=w.a.collection).exists()),
    Cell("document chooser lists", "document A",
         "login  login  ok     hidden hidden hidden ok",
         lambda w: reverse("wagtaildocs_chooser:choose"),
         shows=lambda w: w.a.document.title),
    Cell("document chooser lists", "B's internal document",
         "login  login  hidden ok     hidden hidden ok",
         lambda w: reverse("wagtaildocs_chooser:choose"),
         shows=lambda w: w.private_document.title),
    Cell("document chosen", "document A",
         "login  login  ok     home   home   home   ok",
         lambda w: reverse("wagtaildocs_chooser:chosen", args=[w.a.document.pk])),
    Cell("edit document", "document A",
         "login  login  ok     home   home   home   ok",
         lambda w: reverse("wagtaildocs:edit", args=[w.a.document.pk])),
    Cell("upload document", "into A's collection",
         "login  login  ok     noop   noop   noop   ok",
         lambda w: reverse("wagtaildocs:add"), "post", data=_upload_document,
         done=lambda w: Document.objects.filter(
             title="Unggahan matriks", collection=w.a.collection).exists()),
    # ADVISORY (private collections): a private collection's documents are refused.
    Cell("download", "B's internal document",
         "login  login  login  ok     login  ok     ok",
         _doc_url("private_document")),
    Cell("download", "document A (public collection)",
         "ok     ok     ok     ok     ok     ok     ok",
         _doc_url("a.document")),
    # Registrations (personal data) -------------------------------------------------------
    Cell("see registrations", "of meeting A",
         "login  login  ok     hidden ok     hidden ok",
         lambda w: reverse("registrations:index"),
         shows=lambda w: w.a.registration.name),
    Cell("see registrations", "of meeting B",
         "login  login  hidden ok     hidden ok     ok",
         lambda w: reverse("registrations:index"),
         shows=lambda w: w.b.registration.name),
    Cell("export registrations (CSV)", "of meeting A",
         "login  login  ok     hidden ok     hidden ok",
         lambda w: reverse("registrations:index") + "?export=csv",
         shows=lambda w: w.a.registration.email),
    Cell("mark attendance", "registration A",
         "login  login  ok     404    ok     404    ok",
         lambda w: reverse("registrations:edit", args=[w.a.registration.pk]), "post",
         data=lambda w: {"attended": "on"},
         done=lambda w: Registration.objects.get(pk=w.a.registration.pk).attended),
    # Learning resources (one national library for every district editor) -----------------
    Cell("import resources (form)", "library",
         "login  login  home   home   ok     ok     ok",
         lambda w: reverse("resources_import")),
    Cell("import resources", "one CSV row, published",
         "login  login  home   home   ok     ok     ok",
         lambda w: reverse("resources_import"), "post",
         data=lambda w: {"file": csv_file([row(1)]),
                         "library": w.resource_draft.get_parent().pk, "publish": "1"},
         done=lambda w: LearningResourcePage.objects.filter(
             title="Modul Ajar Pecahan 1", live=True).exists()),
    Cell("edit (form)", "draft resource",
         "login  login  home   home   ok     ok     ok",
         page_url("edit", "resource_draft")),
    Cell("publish (bulk action)", "draft resource",
         "login  login  noop   noop   ok     ok     ok",
         _bulk_publish("resource_draft"), "post", data=lambda w: {},
         done=lambda w: LearningResourcePage.objects.get(pk=w.resource_draft.pk).live),
    Cell("edit snippet", "resource collection",
         "login  login  home   home   ok     ok     ok",
         lambda w: reverse("wagtailsnippets_resources_resourcecollection:edit",
                           args=[w.resource_collection.pk])),
    # Public site and API: the same for everyone ------------------------------------------
    Cell("public page", "draft meeting A",
         "404    404    404    404    404    404    404",
         lambda w: f"/id/komunitas/{w.a.community.get_parent().slug}/"
         f"{w.a.community.slug}/{w.a.draft_meeting.slug}/"),
    Cell("public page", "private page of B",
         "login  login  login  ok     login  login  ok",
         lambda w: w.private_page.url),
    # ADVISORY (API): drafts, private pages and media never leak through the API.
    Cell("API page listing", "live meeting A",
         "ok     ok     ok     ok     ok     ok     ok",
         lambda w: "/api/v2/pages/?type=communities.MeetingPage",
         shows=lambda w: w.a.meeting.title),
    Cell("API page listing", "draft meeting A",
         "hidden hidden hidden hidden hidden hidden hidden",
         lambda w: "/api/v2/pages/?type=communities.MeetingPage",
         shows=lambda w: w.a.draft_meeting.title),
    Cell("API page listing", "private page of B",
         "hidden hidden hidden ok     hidden hidden ok",
         lambda w: "/api/v2/pages/?type=communities.PracticeArticlePage",
         shows=lambda w: w.private_page.title),
    Cell("API page detail", "draft meeting A",
         "404    404    404    404    404    404    404",
         lambda w: f"/api/v2/pages/{w.a.draft_meeting.pk}/"),
    Cell("API page detail", "private page of B",
         "404    404    404    ok     404    404    ok",
         lambda w: f"/api/v2/pages/{w.private_page.pk}/"),
    Cell("API documents", "any collection",
         "404    404    404    404    404    404    404",
         lambda w: "/api/v2/documents/"),
    Cell("API images", "any collection",
         "404    404    404    404    404    404    404",
         lambda w: "/api/v2/images/"),
]  # fmt: skip


# --- running a cell -------------------------------------------------------------------------

ADMIN_LOGIN = "/admin/login/"


def _text(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _outcome(response, url, cell, world):
    status = response.status_code
    location = response.get("Location", "")
    done = cell.done(world) if cell.done else None
    if status == 302 and ("/login/" in location and "next=" in location):
        result = "login"
    elif status == 302 and location == "/id" + url:
        # Outside the language prefixes, Django's LocaleMiddleware answers a 404 with a
        # redirect to the same address under /id/, which is a 404 as well.
        result = "404"
    elif status == 302 and location == reverse("wagtailadmin_home"):
        result = "home"
    elif status in (200, 302):
        if cell.done:
            result = "ok" if done else "noop"
        elif cell.shows:
            result = "ok" if cell.shows(world) in _text(response) else "hidden"
        else:
            result = "ok"
    else:
        result = str(status)
    if done and result != "ok":
        result += "+CHANGED"  # refused, yet the change happened: the worst kind of cell
    return result


def _run(client, cell, world):
    with transaction.atomic():
        request = getattr(client, cell.method)
        kwargs = {"data": cell.data(world)} if cell.data else {}
        url = cell.url(world)
        response = request(url, **kwargs)
        result = _outcome(response, url, cell, world)
        transaction.set_rollback(True)
    cache.clear()
    return result


def test_every_row_has_one_outcome_per_role():
    outcomes = {"ok", "login", "home", "403", "404", "noop", "hidden"}
    for cell in MATRIX:
        expected = cell.expect.split()
        assert len(expected) == len(ROLES), cell
        assert set(expected) <= outcomes, cell
        assert not ("hidden" in expected and cell.shows is None), cell
        assert not ("noop" in expected and cell.done is None), cell


def test_permission_matrix(matrix_world):  # noqa: F811 - the fixture imported above
    wrong = []
    for column, role in enumerate(ROLES):
        client = Client()
        if matrix_world.users[role] is not None:
            # The session is saved outside the cells' savepoints, so it outlives their rollback.
            client.force_login(matrix_world.users[role])
        for cell in MATRIX:
            expected = cell.expect.split()[column]
            got = _run(client, cell, matrix_world)
            if got != expected:
                wrong.append((cell.action, cell.target, role, expected, got))
    if wrong:
        widths = [max(len(str(line[i])) for line in wrong) for i in range(5)]
        table = "\n".join(
            "  ".join(str(value).ljust(width) for value, width in zip(line, widths, strict=True))
            for line in [("action", "object", "role", "expected", "got"), *wrong]
        )
        pytest.fail(f"{len(wrong)} wrong cell(s):\n{table}", pytrace=False)
