"""schema.org LearningResource for a resource page (JSON-LD and the API)."""

import json

from django.utils.safestring import mark_safe

from .models.pages import LICENCE_URLS


def json_ld(data):
    """JSON safe to put inside <script type="application/ld+json">."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above


def learning_resource(page, request=None, terms=None):
    """schema.org LearningResource; `terms` (levels, subjects) when the caller read them."""
    if terms is None:
        terms = {"levels": page.levels.all(), "subjects": page.subjects.all()}
    levels = [term.name for term in terms["levels"]]
    phases = [f"Fase {letter}" for letter in page.phases]
    data = {
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "name": page.title,
        "description": page.summary,
        "url": page.get_full_url(request),
        "learningResourceType": page.get_resource_type_display(),
        "educationalLevel": levels + phases,
        "teaches": page.objective_list,
        "inLanguage": page.language if page.language != "other" else None,
        "license": LICENCE_URLS.get(page.licence) or str(page.get_licence_display()),
        "author": {"@type": "Person", "name": page.author} if page.author else None,
        "isAccessibleForFree": True,
        "about": [term.name for term in terms["subjects"]],
    }
    if page.last_reviewed:
        data["dateModified"] = page.last_reviewed.isoformat()
    return {key: value for key, value in data.items() if value not in (None, "", [])}
