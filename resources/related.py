"""What a resource page shows beside itself: related resources, practice articles
that use it, and how to cite it. A constant number of queries."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page, ReferenceIndex

from .models import LearningResourcePage
from .structured_data import json_ld, learning_resource

RELATED_LIMIT = 4
ARTICLES_LIMIT = 6


def related_resources(page, limit=RELATED_LIMIT):
    """Live resources in the same language sharing a subject or a school level (by slug)."""
    subjects = LearningResourcePage.subjects.through
    levels = LearningResourcePage.levels.through
    same_subject = subjects.objects.filter(
        subject__slug__in=subjects.objects.filter(learningresourcepage_id=page.pk).values(
            "subject__slug"
        )
    ).values("learningresourcepage_id")
    same_level = levels.objects.filter(
        schoollevel__slug__in=levels.objects.filter(learningresourcepage_id=page.pk).values(
            "schoollevel__slug"
        )
    ).values("learningresourcepage_id")
    return (
        LearningResourcePage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .filter(Q(pk__in=same_subject) | Q(pk__in=same_level))
        .exclude(pk=page.pk)
        .prefetch_related("levels", "subjects")
        .order_by("-first_published_at", "pk")[:limit]
    )


def practice_articles(page, limit=ARTICLES_LIMIT):
    """Live practice articles in the page's language that link to any language version
    of this resource, found through Wagtail's reference index."""
    try:
        model = apps.get_model("communities", "PracticeArticlePage")
    except LookupError:
        return []
    versions = Page.objects.filter(translation_key=page.translation_key).values("pk")
    sources = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type=ContentType.objects.get_for_model(model),
        to_content_type=ContentType.objects.get_for_model(Page),
        to_object_id__in=[str(pk) for pk in versions.values_list("pk", flat=True)],
    ).values_list("object_id", flat=True)
    return list(
        model.objects.live()
        .public()
        .filter(locale_id=page.locale_id, pk__in=[int(pk) for pk in sources])
        .order_by("-first_published_at")[:limit]
    )


def citation(page, request=None):
    """Author (year). Title. Portal. URL. Licence."""
    from django.utils.translation import gettext

    year = page.first_published_at or page.last_published_at
    return {
        "author": page.author,
        "year": year.year if year else "",
        "title": page.title,
        "portal": gettext("Komunitas Praktisi"),
        "url": page.get_full_url(request),
        "licence": page.get_licence_display(),
    }


def resource_page_context(request, page):
    # The page's terms, read once for the facts list and the structured data.
    terms = {field: list(getattr(page, field).all()) for field in ("levels", "subjects", "topics")}
    return {
        "related_resources": related_resources(page),
        "practice_articles": practice_articles(page),
        "citation": citation(page, request),
        "documents": page.documents.select_related("document").all(),
        "terms": terms,
        "schema_org_json": json_ld(learning_resource(page, request, terms)),
    }
