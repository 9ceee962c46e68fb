from django import template
from django.utils import translation

register = template.Library()


@register.simple_tag(takes_context=True)
def term_names(context, terms):
    """Names of levels, subjects or topics in the reader's language.

    Terms are identified by slug in every language, so a page can link to the
    terms of another locale (wagtail-localize copies many-to-many links as they
    are) and still show the reader's names: one query per vocabulary per request.
    """
    terms = list(terms)
    if not terms:
        return []
    language = translation.get_language()
    model = type(terms[0])
    request = context.get("request")
    cache = getattr(request, "_term_names", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._term_names = cache
    key = (model, language)
    if key not in cache:
        cache[key] = dict(
            model.objects.filter(locale__language_code=language).values_list("slug", "name")
        )
    return [cache[key].get(term.slug, term.name) for term in terms]
