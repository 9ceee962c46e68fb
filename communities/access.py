"""Groups, permissions, collections and workflows that follow the page tree.

- A region page (one regency) gets a "district editors" group with edit and
  publish rights on the region's subtree, and a review workflow whose single
  task is approved by that group. Every community below inherits it.
- A community page gets a "maintainers" group with add/edit (not publish)
  rights on the community's subtree, and a media collection of its own with a
  private "Internal" collection inside it (minutes, attendance lists): Wagtail's
  collection privacy lets only the maintainers, their district's editors and
  administrators open its documents.

All language versions of a page share the same group. Everything here is
idempotent: it runs on every save of those pages.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITOR_PAGE_PERMISSIONS = ["add", "change", "publish", "lock", "unlock"]
MAINTAINER_PAGE_PERMISSIONS = ["add", "change"]
MEDIA_PERMISSIONS = [
    ("wagtailimages", "image", ["add", "change", "choose"]),
    ("wagtaildocs", "document", ["add", "change", "choose"]),
]
COMMUNITY_COLLECTIONS_ROOT = "Komunitas"
PRIVATE_COLLECTION_NAME = "Internal"


def _page_permission(action):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=f"{action}_page")


def _admin_access():
    return Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")


def _unique_group_name(name, exclude_pk=None):
    name = name[:140]
    candidate, number = name, 2
    while Group.objects.filter(name=candidate).exclude(pk=exclude_pk).exists():
        candidate, number = f"{name} ({number})", number + 1
    return candidate


def _grant_pages(group, pages, actions):
    permissions = [_page_permission(action) for action in actions]
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _source_page(page):
    """The version whose title names the group: the default-language one if it exists."""
    from wagtail.models import Locale

    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


@transaction.atomic
def ensure_district_access(region_page):
    from communities.models import DistrictAccess

    regency = region_page.regency
    access = DistrictAccess.objects.filter(regency=regency).select_related("workflow").first()
    if access is None:
        editors = Group.objects.create(name=_unique_group_name(f"Editor dinas: {regency.name}"))
        editors.permissions.add(_admin_access())
        workflow = Workflow.objects.create(name=f"Tinjauan dinas: {regency.name}")
        task = GroupApprovalTask.objects.create(name=f"Persetujuan editor {regency.name}")
        task.groups.set([editors])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        access = DistrictAccess.objects.create(regency=regency, editors=editors, workflow=workflow)
    pages = list(region_page.get_translations(inclusive=True))
    _grant_pages(access.editors, pages, EDITOR_PAGE_PERMISSIONS)
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": access.workflow})
    return access


def _community_collection(name, existing=None):
    if existing is not None:
        if existing.name != name:
            existing.name = name
            existing.save(update_fields=["name"])
        return existing
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=COMMUNITY_COLLECTIONS_ROOT).first()
    if parent is None:
        parent = root.add_child(name=COMMUNITY_COLLECTIONS_ROOT)
    return parent.add_child(name=name)


@transaction.atomic
def ensure_community_access(community_page):
    from communities.models import CommunityAccess

    source = _source_page(community_page)
    access = (
        CommunityAccess.objects.filter(translation_key=community_page.translation_key)
        .select_related("maintainers", "collection")
        .first()
    )
    group_name = f"Pengelola komunitas: {source.title}"
    if access is None:
        maintainers = Group.objects.create(name=_unique_group_name(group_name))
        maintainers.permissions.add(_admin_access())
        collection = _community_collection(source.title)
        for app_label, model, actions in MEDIA_PERMISSIONS:
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=maintainers,
                    collection=collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model}"
                    ),
                )
        access = CommunityAccess.objects.create(
            translation_key=community_page.translation_key,
            maintainers=maintainers,
            collection=collection,
        )
    elif source.pk == community_page.pk:
        # Renamed: keep the group and collection names in step with the page.
        wanted = _unique_group_name(group_name, exclude_pk=access.maintainers_id)
        if access.maintainers.name != wanted:
            access.maintainers.name = wanted
            access.maintainers.save(update_fields=["name"])
        access.collection = _community_collection(source.title, access.collection)
        access.save(update_fields=["collection"])
    _grant_pages(
        access.maintainers,
        community_page.get_translations(inclusive=True),
        MAINTAINER_PAGE_PERMISSIONS,
    )
    ensure_private_collection(access, community_page.regency_id)
    return access


def private_collection(access):
    if access.collection is None:
        return None
    return access.collection.get_children().filter(name=PRIVATE_COLLECTION_NAME).first()


def ensure_private_collection(access, regency_id):
    """The community's "Internal" collection, restricted to its maintainers and its
    district's editors (administrators pass every restriction). Maintainers upload to it
    with the permissions they hold on the community's collection (inherited). An
    administrator may change or lift the restriction in Settings → Collections: only a
    restriction to groups is kept in step (when the community moves to another district)."""
    from communities.models import DistrictAccess

    if access.collection is None:
        return None
    collection = private_collection(access)
    if collection is None:
        collection = access.collection.add_child(name=PRIVATE_COLLECTION_NAME)
        CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
    editors = DistrictAccess.objects.filter(regency_id=regency_id).values_list("editors", flat=True)
    for restriction in collection.view_restrictions.filter(
        restriction_type=CollectionViewRestriction.GROUPS
    ):
        restriction.groups.set([access.maintainers_id, *editors])
    return collection


@transaction.atomic
def remove_community_access(translation_key):
    """Called when the last language version of a community is deleted."""
    from communities.models import CommunityAccess, CommunityPage

    if CommunityPage.objects.filter(translation_key=translation_key).exists():
        return
    access = CommunityAccess.objects.filter(translation_key=translation_key).first()
    if access is None:
        return
    collection = access.collection
    internal = private_collection(access)
    access.maintainers.delete()  # cascades to its permissions and to the access record
    if internal is not None and not _collection_in_use(internal):
        internal.delete()
    if collection is not None and not _collection_in_use(collection):
        collection.delete()


def _collection_in_use(collection):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    return (
        get_image_model().objects.filter(collection=collection).exists()
        or get_document_model().objects.filter(collection=collection).exists()
        or collection.get_children().exists()
    )


def add_maintainer(user, community_page):
    access = ensure_community_access(community_page)
    user.groups.add(access.maintainers)
    return access.maintainers


def add_district_editor(user, region_page):
    access = ensure_district_access(region_page)
    user.groups.add(access.editors)
    return access.editors
