"""The library's facets in resource documents (resources/fast.py counts them from the
bitmaps), and an index for its sort by title."""

from django.conf import settings
from django.db import migrations, models

BATCH = 2000


def add_library_facets(apps, schema_editor):
    """Give existing resource documents what documents.build() now writes: type,
    language, licence, topics and library. A rebuild of the index would do the same."""
    Document = apps.get_model("search", "SearchDocument")
    Resource = apps.get_model("resources", "LearningResourcePage")
    Page = apps.get_model("wagtailcore", "Page")
    Topics = Resource._meta.get_field("topics").remote_field.through
    ids = list(Document.objects.filter(kind="resource").order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        resources = {
            resource.pk: resource
            for resource in Resource.objects.filter(pk__in=batch).only(
                "path", "resource_type", "language", "licence"
            )
        }
        parents = dict(
            Page.objects.filter(
                path__in={resource.path[:-4] for resource in resources.values()}
            ).values_list("path", "pk")
        )
        topics = {}
        rows = Topics.objects.filter(learningresourcepage_id__in=batch).order_by(
            "topic__sort_order", "topic__name"
        )
        for page_id, slug in rows.values_list("learningresourcepage_id", "topic__slug"):
            topics.setdefault(page_id, []).append(slug)
        documents = list(Document.objects.filter(pk__in=batch).only("facet_keys"))
        for document in documents:
            resource = resources.get(document.pk)
            if resource is None:
                continue
            keys = document.facet_keys.split()
            keys += [f"topic:{slug}" for slug in topics.get(document.pk, [])]
            keys += [
                f"{name}:{value}"
                for name, value in (
                    ("type", resource.resource_type),
                    ("language", resource.language),
                    ("licence", resource.licence),
                    ("library", parents.get(resource.path[:-4])),
                )
                if value
            ]
            document.facet_keys = f" {' '.join(dict.fromkeys(keys))} "
        Document.objects.bulk_update(documents, ["facet_keys"])

    # Kept bitmaps would lack the new facets: build them again (about a minute at
    # national scale; searches wait for nothing, writes to the index do).
    Build = apps.get_model("search", "SearchBitmapBuild")
    built = Build.objects.order_by("-built_at").first()
    if schema_editor.connection.vendor == "postgresql" and built:
        from search import bitmaps

        bitmaps.build(threshold=built.min_documents)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_bitmaps"),
        ("resources", "0002_live_page_indexes"),
        ("communities", "0007_article_date_index"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(fields=["locale", "title", "page"], name="search_doc_title_idx"),
        ),
        migrations.RunPython(add_library_facets, migrations.RunPython.noop),
    ]
