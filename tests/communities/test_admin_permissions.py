"""What maintainers and district editors can do, through the real Wagtail admin views."""

import pytest
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from communities.models import CommunityAccess, CommunityPage

pytestmark = pytest.mark.django_db


def edit_form_data(page, **changes):
    data = {
        "title": page.title,
        "slug": page.slug,
        "goal": page.goal,
        "summary": page.summary,
        "domain_description": rich_text(page.domain_description or "<p>Domain</p>"),
        "community_type": page.community_type,
        "meeting_mode": page.meeting_mode,
        "meeting_schedule": page.meeting_schedule,
        "meeting_place": "",
        "schools": "",
        "how_to_join": "",
        "contact_name": "",
        "contact_email": "",
        "contact_whatsapp": "",
        "documentation": streamfield([]),
        "norms": inline_formset([]),
        "members": inline_formset([]),
        "comments": inline_formset([]),
        **changes,
    }
    return nested_form_data(data)


def denied(response):
    """The admin refuses with a redirect (to the dashboard or login) or a 403."""
    return response.status_code in (302, 403)


def submit_for_review(client, page):
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        edit_form_data(page, summary="Ringkasan baru untuk ditinjau", **{"action-submit": "1"}),
    )
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    return page.current_workflow_state


def media_in(page, kind):
    collection = CommunityAccess.objects.get(translation_key=page.translation_key).collection
    if kind == "image":
        return Image.objects.create(title="Foto", file=get_test_image_file(), collection=collection)
    from django.core.files.base import ContentFile

    document = Document(title="Notulen", collection=collection)
    document.file.save("notulen.pdf", ContentFile(b"%PDF-1.4 notulen"), save=False)
    document.save()
    return document


class TestMaintainer:
    def test_can_edit_and_submit_their_community_for_review(
        self, client, maintainer_a, community_a
    ):
        client.force_login(maintainer_a)

        assert (
            client.get(reverse("wagtailadmin_pages:edit", args=[community_a.pk])).status_code == 200
        )
        state = submit_for_review(client, community_a)

        assert state is not None and state.status == "in_progress"
        community_a.refresh_from_db()
        assert community_a.has_unpublished_changes  # not live until the district approves
        assert (
            CommunityPage.objects.get(pk=community_a.pk).summary != "Ringkasan baru untuk ditinjau"
        )

    def test_cannot_publish_their_community_directly(self, client, maintainer_a, community_a):
        client.force_login(maintainer_a)

        client.post(
            reverse("wagtailadmin_pages:edit", args=[community_a.pk]),
            edit_form_data(community_a, summary="Langsung terbit?", **{"action-publish": "1"}),
        )

        assert CommunityPage.objects.get(pk=community_a.pk).summary != "Langsung terbit?"

    @pytest.mark.parametrize(
        "view", ["edit", "delete", "copy", "move", "unpublish", "history", "revisions_index"]
    )
    def test_is_refused_on_another_community(self, client, maintainer_a, community_b, view):
        client.force_login(maintainer_a)
        url = reverse(f"wagtailadmin_pages:{view}", args=[community_b.pk])

        assert denied(client.get(url))
        assert denied(client.post(url))
        assert Page.objects.filter(pk=community_b.pk, live=True).exists()

    def test_cannot_lock_another_community(self, client, maintainer_a, community_b):
        client.force_login(maintainer_a)

        client.post(reverse("wagtailadmin_pages:lock", args=[community_b.pk]))

        assert not Page.objects.get(pk=community_b.pk).locked

    def test_cannot_publish_preview_or_read_revisions_of_another_community(
        self, client, maintainer_a, community_b
    ):
        client.force_login(maintainer_a)
        revision = community_b.latest_revision
        urls = [
            reverse("wagtailadmin_pages:preview_on_edit", args=[community_b.pk]),
            reverse("wagtailadmin_pages:view_draft", args=[community_b.pk]),
            reverse("wagtailadmin_pages:revisions_view", args=[community_b.pk, revision.pk]),
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[community_b.pk, "earliest", "latest"],
            ),
        ]
        for url in urls:
            assert denied(client.get(url)), url
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[community_b.pk]),
            edit_form_data(community_b, summary="Diubah orang lain", **{"action-publish": "1"}),
        )
        assert denied(response)
        assert CommunityPage.objects.get(pk=community_b.pk).summary != "Diubah orang lain"

    @pytest.mark.parametrize("view", ["edit", "delete", "copy", "move", "add_subpage", "history"])
    def test_is_refused_on_the_home_page(self, client, maintainer_a, home_id, view):
        client.force_login(maintainer_a)

        assert denied(client.get(reverse(f"wagtailadmin_pages:{view}", args=[home_id.pk])))

    def test_explorer_lists_only_the_way_to_their_community(
        self, client, maintainer_a, community_a, community_b, region_x
    ):
        client.force_login(maintainer_a)

        # Above their own pages, the explorer sends them back to what they may edit.
        response = client.get(reverse("wagtailadmin_explore", args=[region_x.pk]), follow=True)

        assert response.status_code == 200
        html = response.content.decode()
        assert community_a.title in html
        assert community_b.title not in html
        assert denied(
            client.get(reverse("wagtailadmin_explore", args=[community_b.get_parent().pk]))
        )

    @pytest.mark.parametrize("kind", ["image", "document"])
    def test_media_of_another_community_cannot_be_chosen_or_edited(
        self, client, maintainer_a, community_a, community_b, kind
    ):
        own = media_in(community_a, kind)
        other = media_in(community_b, kind)
        client.force_login(maintainer_a)
        app = "wagtailimages" if kind == "image" else "wagtaildocs"

        chooser = client.get(reverse(f"{app}_chooser:choose")).content.decode()
        assert own.title in chooser and f"/{other.pk}/" not in chooser.replace(f"/{own.pk}/", "")
        assert client.get(reverse(f"{app}:edit", args=[own.pk])).status_code == 200
        assert denied(client.get(reverse(f"{app}:edit", args=[other.pk])))
        assert denied(client.post(reverse(f"{app}:delete", args=[other.pk])))
        assert client.get(reverse(f"{app}_chooser:chosen", args=[other.pk])).status_code in (
            302,
            403,
            404,
        )

    def test_cannot_upload_into_another_communitys_collection(
        self, client, maintainer_a, community_a, community_b
    ):
        from django.core.files.uploadedfile import SimpleUploadedFile

        other = CommunityAccess.objects.get(translation_key=community_b.translation_key).collection
        client.force_login(maintainer_a)
        upload = get_test_image_file()

        client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Foto rapat",
                "file": SimpleUploadedFile("rapat.png", upload.file.getvalue()),
                "collection": other.pk,
            },
        )

        assert not Image.objects.filter(collection=other).exists()
        own = CommunityAccess.objects.get(translation_key=community_a.translation_key).collection
        assert Image.objects.filter(title="Foto rapat").exclude(collection=own).count() == 0
        # The same upload into their own collection works.
        client.post(
            reverse("wagtailimages:add"),
            {
                "title": "Foto kelas",
                "file": SimpleUploadedFile("kelas.png", get_test_image_file().file.getvalue()),
                "collection": own.pk,
            },
        )
        assert Image.objects.filter(title="Foto kelas", collection=own).exists()


class TestDistrictEditor:
    def approve_url(self, page, state):
        task_state = state.current_task_state
        return reverse(
            "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
        )

    def test_approves_a_submission_from_their_regency(
        self, client, maintainer_a, editor_x, community_a
    ):
        client.force_login(maintainer_a)
        state = submit_for_review(client, community_a)
        client.force_login(editor_x)

        response = client.post(
            self.approve_url(community_a, state), {"comment": "Bagus, terbitkan."}
        )

        assert response.status_code in (200, 302)
        state.refresh_from_db()
        assert state.status == "approved"
        assert (
            CommunityPage.objects.get(pk=community_a.pk).summary == "Ringkasan baru untuk ditinjau"
        )

    def test_cannot_approve_a_submission_from_another_regency(
        self, client, maintainer_a, editor_y, community_a
    ):
        client.force_login(maintainer_a)
        state = submit_for_review(client, community_a)
        client.force_login(editor_y)

        response = client.post(self.approve_url(community_a, state), {"comment": "Setuju"})

        assert denied(response)
        state.refresh_from_db()
        assert state.status == "in_progress"
        assert (
            CommunityPage.objects.get(pk=community_a.pk).summary != "Ringkasan baru untuk ditinjau"
        )

    def test_rejects_with_a_comment(self, client, maintainer_a, editor_x, community_a):
        client.force_login(maintainer_a)
        state = submit_for_review(client, community_a)
        client.force_login(editor_x)
        url = self.approve_url(community_a, state).replace("/approve/", "/reject/")

        client.post(url, {"comment": "Tolong lengkapi norma komunitas."})

        state.refresh_from_db()
        assert state.status == "needs_changes"
        task_state = state.task_states.get()
        assert task_state.get_comment() == "Tolong lengkapi norma komunitas."

    def test_can_edit_communities_of_their_regency_only(
        self, client, editor_x, community_a, community_b
    ):
        client.force_login(editor_x)

        assert (
            client.get(reverse("wagtailadmin_pages:edit", args=[community_a.pk])).status_code == 200
        )
        assert denied(client.get(reverse("wagtailadmin_pages:edit", args=[community_b.pk])))
        assert not Page.objects.get(pk=community_b.pk).permissions_for_user(editor_x).can_edit()
