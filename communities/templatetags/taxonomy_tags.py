from django import template
from django.utils import translation

from home import chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def term_names(context, terms):
    """Names of levels, subjects or topics in the reader's language.

    Terms are identified by slug in every language, so a page can link to the
    terms of another locale (wagtail-localize copies many-to-many links as they
    are) and still show the reader's names.
    """
    terms = list(terms)
    if not terms:
        return []
    language = translation.get_language()
    model = type(terms[0])

    def names():
        return dict(
            model.objects.filter(locale__language_code=language).values_list("slug", "name")
        )

    request = context.get("request")
    if request is None:
        return [names().get(term.slug, term.name) for term in terms]
    # Cached with the header and footer: a vocabulary changes with content (home/chrome.py).
    found = chrome.remember(request, f"terms:{model._meta.label_lower}", names)
    return [found.get(term.slug, term.name) for term in terms]
