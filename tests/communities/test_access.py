"""Groups, permissions, collections and workflows follow communities and regions."""

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Collection, GroupPagePermission

from communities.models import CommunityAccess, CommunityPage, DistrictAccess
from tests.communities.conftest import make_community, make_user

pytestmark = pytest.mark.django_db


def page_permissions(group):
    return set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page_id", "permission__codename"
        )
    )


def test_creating_a_community_creates_its_maintainers_group_and_collection(community_a):
    access = CommunityAccess.objects.get(translation_key=community_a.translation_key)

    assert access.maintainers.name == "Pengelola komunitas: Komunitas Guru SD Negara"
    assert page_permissions(access.maintainers) == {
        (community_a.pk, "add_page"),
        (community_a.pk, "change_page"),
    }
    assert access.maintainers.permissions.filter(codename="access_admin").exists()
    assert access.collection.name == community_a.title
    assert access.collection.get_parent().name == "Komunitas"
    codenames = set(
        access.maintainers.collection_permissions.filter(collection=access.collection).values_list(
            "permission__codename", flat=True
        )
    )
    assert codenames == {
        "add_image", "change_image", "choose_image",
        "add_document", "change_document", "choose_document",
    }  # fmt: skip


def test_a_region_gets_district_editors_and_a_review_workflow(region_x, community_a):
    access = DistrictAccess.objects.get(regency=region_x.regency)

    assert access.editors.name == "Editor dinas: Kabupaten Jembrana"
    assert (region_x.pk, "publish_page") in page_permissions(access.editors)
    # The community inherits its district's workflow, whose one task the editors approve.
    workflow = community_a.get_workflow()
    assert workflow == access.workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.all()) == [access.editors]


def test_renaming_a_community_renames_its_group_and_collection(community_a):
    community_a.title = "Komunitas Numerasi Negara"
    community_a.save_revision().publish()

    access = CommunityAccess.objects.get(translation_key=community_a.translation_key)
    assert access.maintainers.name == "Pengelola komunitas: Komunitas Numerasi Negara"
    assert access.collection.name == "Komunitas Numerasi Negara"
    assert Group.objects.filter(name__startswith="Pengelola komunitas").count() == 1


def test_moving_a_community_keeps_its_maintainers_and_changes_its_district(
    community_a, region_y, maintainer_a
):
    community_a.move(region_y, pos="last-child")
    moved = CommunityPage.objects.get(pk=community_a.pk)

    assert moved.regency == region_y.regency
    assert moved.get_workflow() == DistrictAccess.objects.get(regency=region_y.regency).workflow
    access = CommunityAccess.objects.get(translation_key=moved.translation_key)
    assert (moved.pk, "change_page") in page_permissions(access.maintainers)
    assert maintainer_a.groups.filter(pk=access.maintainers.pk).exists()


def test_deleting_a_community_leaves_no_orphaned_group(community_a, maintainer_a):
    key = community_a.translation_key
    group_id = CommunityAccess.objects.get(translation_key=key).maintainers_id
    collection_id = CommunityAccess.objects.get(translation_key=key).collection_id

    community_a.delete()

    assert not Group.objects.filter(pk=group_id).exists()
    assert not CommunityAccess.objects.filter(translation_key=key).exists()
    assert not GroupPagePermission.objects.filter(group_id=group_id).exists()
    assert not Collection.objects.filter(pk=collection_id).exists()  # it was empty
    assert not maintainer_a.groups.exists()


def test_communities_with_the_same_name_get_separate_groups(region_x, region_y):
    first = make_community(region_x, "Komunitas Belajar", slug="komunitas-belajar")
    second = make_community(region_y, "Komunitas Belajar", slug="komunitas-belajar")

    names = {
        CommunityAccess.objects.get(translation_key=page.translation_key).maintainers.name
        for page in (first, second)
    }
    assert names == {
        "Pengelola komunitas: Komunitas Belajar",
        "Pengelola komunitas: Komunitas Belajar (2)",
    }


def test_translations_share_the_group_of_their_community(english_tree, community_a):
    _, region_en, community_en = english_tree
    access = CommunityAccess.objects.get(translation_key=community_a.translation_key)

    assert (community_en.pk, "change_page") in page_permissions(access.maintainers)
    editors = DistrictAccess.objects.get(regency=region_en.regency).editors
    assert (region_en.pk, "publish_page") in page_permissions(editors)
    assert community_en.get_workflow() == community_a.get_workflow()


def test_add_maintainer_command(community_a):
    user = make_user("guru")
    out = io.StringIO()

    call_command("add_maintainer", "guru", community_a.slug, stdout=out)

    assert "guru now maintains" in out.getvalue()
    access = CommunityAccess.objects.get(translation_key=community_a.translation_key)
    assert user.groups.filter(pk=access.maintainers_id).exists()


def test_add_maintainer_command_explains_bad_input(community_a):
    make_user("guru")
    with pytest.raises(CommandError, match="No user named"):
        call_command("add_maintainer", "nobody", community_a.slug)
    with pytest.raises(CommandError, match="No community .tidak-ada."):
        call_command("add_maintainer", "guru", "tidak-ada")


def test_add_district_editor_command_accepts_a_regency_code(region_x):
    user = make_user("dinas")

    call_command("add_district_editor", "dinas", "51.01", stdout=io.StringIO())

    editors = DistrictAccess.objects.get(regency=region_x.regency).editors
    assert user.groups.filter(pk=editors.pk).exists()
