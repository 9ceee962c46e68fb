"""The world of the permission matrix (tests/trust/test_permission_matrix.py imports the
`matrix_world` fixture and the fixtures it needs from here, so nothing leaks into the
fixtures of the other tests in tests/trust/).

Two regencies (X = Kabupaten Jembrana, Bali; Y = Kota Bandung, Jawa Barat), community A in X
and community B in Y, each with a draft meeting, a live meeting with a registration, a practice
article with two revisions and media in its own collection; a document in B's private
"Internal" collection and a page under B that only B's maintainers may read; a draft learning
resource in the (national) library; an English translation of community A; meeting A
submitted for review; one user per role. Built with the shared factories of
tests/communities and tests/resources.
"""

import datetime
from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import BaseViewRestriction, PageViewRestriction

from communities.access import private_collection
from communities.models import CommunityAccess, MeetingPage, Registration, Topic
from resources.models import LearningResourcePage, ResourceCollection
from tests.communities.conftest import (  # noqa: F401 - fixtures reused here
    community_a,
    community_b,
    community_index,
    editor_x,
    editor_y,
    english_tree,
    maintainer_a,
    maintainer_b,
    make_user,
    region_x,
    region_y,
)
from tests.communities.meeting_helpers import WIB, WITA, local, make_meeting
from tests.communities.test_articles import make_article
from tests.resources.conftest import library, make_resource  # noqa: F401 - fixture reused

ROLES = ("anon", "plain", "maint_a", "maint_b", "editor_x", "editor_y", "admin")


@dataclass
class Side:
    """What one community owns in the matrix world."""

    community: object
    draft_meeting: MeetingPage
    meeting: MeetingPage
    registration: Registration
    article: object
    collection: object
    image: Image
    document: Document


@dataclass
class MatrixWorld:
    a: Side
    b: Side
    community_a_en: object
    private_page: object
    private_document: Document
    resource_draft: LearningResourcePage
    resource_collection: ResourceCollection
    topic: Topic
    review: object  # meeting A submitted for review by its maintainer (a WorkflowState)
    users: dict


def _document(title, collection):
    document = Document(title=title, collection=collection)
    document.file.save(f"{title.lower().replace(' ', '-')}.pdf", ContentFile(b"%PDF-1.4 x"))
    return document


def _side(community, letter, zone):
    start = local(zone, 2027, 3, 11, 14)
    draft = MeetingPage(
        title=f"Draf pertemuan {letter}",
        slug=f"draf-pertemuan-{letter.lower()}",
        start=start,
        end=start + datetime.timedelta(hours=2),
        mode="face_to_face",
        address="Ruang guru",
        activity="share_problem",
        live=False,
    )
    community.add_child(instance=draft)
    draft.save_revision()  # a draft that was never published
    meeting = make_meeting(
        community, f"Pertemuan {letter}", start, start + datetime.timedelta(hours=2)
    )
    registration = Registration.objects.create(
        meeting=meeting,
        occurrence_start=start,
        name=f"Peserta Rahasia {letter}",
        school=f"SD Negeri {letter}",
        email=f"peserta.{letter.lower()}@example.org",
        consent_given_at=timezone.now(),
    )
    article = make_article(community, f"Praktik baik {letter}", slug=f"praktik-baik-{letter}")
    article.summary = f"Ringkasan revisi kedua {letter}"
    article.save_revision()  # a second, unpublished revision to compare with the first
    collection = CommunityAccess.objects.get(translation_key=community.translation_key).collection
    image = Image.objects.create(
        title=f"Foto kegiatan {letter}", file=get_test_image_file(), collection=collection
    )
    document = _document(f"Notulen {letter}", collection)
    return Side(community, draft, meeting, registration, article, collection, image, document)


@pytest.fixture
def matrix_world(
    english_tree,  # noqa: F811
    community_a,  # noqa: F811
    community_b,  # noqa: F811
    maintainer_a,  # noqa: F811
    maintainer_b,  # noqa: F811
    editor_x,  # noqa: F811
    editor_y,  # noqa: F811
    library,  # noqa: F811
):
    a = _side(community_a, "A", WITA)
    b = _side(community_b, "B", WIB)
    maintainers_b = Group.objects.get(
        pk=CommunityAccess.objects.get(translation_key=b.community.translation_key).maintainers_id
    )
    # A private page (Wagtail's page privacy: "only these groups") readable by B's maintainers.
    private_page = make_article(community_b, "Catatan internal B", slug="catatan-internal-b")
    PageViewRestriction.objects.create(
        page=private_page, restriction_type=BaseViewRestriction.GROUPS
    ).groups.set([maintainers_b])
    # B's private "Internal" collection (communities/access.py): its documents are for B's
    # maintainers, Y's district editors and administrators only.
    access_b = CommunityAccess.objects.get(translation_key=b.community.translation_key)
    private_document = _document("Daftar hadir internal B", private_collection(access_b))

    resource_draft = make_resource(library, "Modul Ajar Pecahan X", slug="modul-ajar-pecahan-x")
    resource_draft.unpublish()
    resource_collection = ResourceCollection.objects.create(
        title="Paket asesmen", locale=library.locale
    )
    topic = Topic.objects.create(name="Topik matriks", slug="topik-matriks", locale=library.locale)

    review = a.meeting.get_workflow().start(a.meeting, maintainer_a)
    users = {
        "anon": None,
        "plain": make_user("guru_biasa"),  # signed in, no group, no permission
        "maint_a": maintainer_a,
        "maint_b": maintainer_b,
        "editor_x": editor_x,
        "editor_y": editor_y,
        "admin": make_user("admin_portal", is_superuser=True, is_staff=True),
    }
    return MatrixWorld(
        a=a,
        b=b,
        community_a_en=english_tree[2],
        private_page=private_page,
        private_document=private_document,
        resource_draft=LearningResourcePage.objects.get(pk=resource_draft.pk),
        resource_collection=resource_collection,
        topic=topic,
        review=review,
        users=users,
    )
