"""District editors curate resources: every DistrictAccess editors group gets page
permissions on the library (each language version), the import permission, the
"Sumber Belajar" document collection and the resource collections snippet.

Called from signals (resources/signals.py); idempotent.
"""

from django.contrib.auth.models import Permission
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

PAGE_ACTIONS = ["add", "change", "publish", "lock", "unlock"]
COLLECTION_NAME = "Sumber Belajar"
DOCUMENT_ACTIONS = ["add", "change", "choose"]
MODEL_PERMISSIONS = [
    ("resources", "import_resources"),
    ("resources", "add_resourcecollection"),
    ("resources", "change_resourcecollection"),
    ("resources", "delete_resourcecollection"),
    # Curating also means seeing what teachers search for and pinning answers.
    ("search", "view_search_statistics"),
    ("wagtailsearchpromotions", "add_searchpromotion"),
    ("wagtailsearchpromotions", "change_searchpromotion"),
    ("wagtailsearchpromotions", "delete_searchpromotion"),
    # Translating the pages they may edit (wagtail-localize checks this model permission).
    ("wagtail_localize", "submit_translation"),
]


def resource_collection():
    """The "Sumber Belajar" document collection, created when missing."""
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _permissions(app_label, codenames):
    return list(
        Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    )


def grant(groups, index_pages):
    if not groups:
        return
    page_permissions = _permissions("wagtailcore", [f"{a}_page" for a in PAGE_ACTIONS])
    document_permissions = _permissions("wagtaildocs", [f"{a}_document" for a in DOCUMENT_ACTIONS])
    model_permissions = [
        p for app_label, codename in MODEL_PERMISSIONS for p in _permissions(app_label, [codename])
    ]
    collection = resource_collection()
    for group in groups:
        group.permissions.add(*model_permissions)
        for page in index_pages:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
        for permission in document_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )


def grant_all_district_editors(index_pages):
    from communities.models import DistrictAccess

    groups = [access.editors for access in DistrictAccess.objects.select_related("editors")]
    grant(groups, index_pages)


def grant_all_libraries(group):
    from .models import LearningResourceIndexPage

    grant([group], list(LearningResourceIndexPage.objects.all()))
