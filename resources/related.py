"""What a resource page shows beside itself: related resources, practice articles
that use it, and how to cite it. A constant number of queries."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, IntegerField, OuterRef
from django.db.models.functions import Cast
from wagtail.models import Page, ReferenceIndex

from .models import LearningResourcePage
from .structured_data import json_ld, learning_resource

RELATED_LIMIT = 4
ARTICLES_LIMIT = 6


def related_resources(page, limit=RELATED_LIMIT, terms=None):
    """Live resources in the same language sharing a subject or a school level (by slug).

    Newest first: PostgreSQL walks the newest resources of the language (an index of
    migration 0002) and checks each for a shared term, until it has `limit`."""
    terms = terms or {field: list(getattr(page, field).all()) for field in ("levels", "subjects")}
    subjects = LearningResourcePage.subjects.through
    levels = LearningResourcePage.levels.through
    shares_subject = Exists(
        subjects.objects.filter(
            learningresourcepage_id=OuterRef("pk"),
            subject__slug__in=[term.slug for term in terms["subjects"]],
        )
    )
    shares_level = Exists(
        levels.objects.filter(
            learningresourcepage_id=OuterRef("pk"),
            schoollevel__slug__in=[term.slug for term in terms["levels"]],
        )
    )
    return (
        LearningResourcePage.objects.live()
        .public()
        .exact_type(LearningResourcePage)
        .filter(locale_id=page.locale_id)
        .filter(shares_subject | shares_level)
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
    # One query: the ids are compared as text, as the reference index stores them.
    versions = Page.objects.filter(translation_key=page.translation_key).values(
        as_text=Cast("pk", CharField())
    )
    sources = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type=ContentType.objects.get_for_model(model),
        to_content_type=ContentType.objects.get_for_model(Page),
        to_object_id__in=versions,
    ).values(as_id=Cast("object_id", IntegerField()))
    return list(
        model.objects.live()
        .public()
        .filter(locale_id=page.locale_id, pk__in=sources)
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
        "related_resources": related_resources(page, terms=terms),
        "practice_articles": practice_articles(page),
        "citation": citation(page, request),
        "documents": page.documents.select_related("document").all(),
        "terms": terms,
        "schema_org_json": json_ld(learning_resource(page, request, terms)),
    }
