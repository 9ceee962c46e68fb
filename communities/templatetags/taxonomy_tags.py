from django import template
from django.utils import translation

from home import chrome

register = template.Library()


def names_in(terms, language, request=None):
    """Names of taxonomy terms in `language`, matched by slug.

    Terms are identified by slug in every language, so a page can link to the
    terms of another locale (wagtail-localize copies many-to-many links as they
    are) and still show the reader's names. Each vocabulary's names are
    remembered with the chrome (home/chrome.py) when there is a request.
    """
    terms = list(terms)
    if not terms:
        return []
    model = type(terms[0])

    def names():
        return dict(
            model.objects.filter(locale__language_code=language).values_list("slug", "name")
        )

    found = chrome.remember(request, f"terms:{model._meta.label_lower}:{language}", names)
    return [found.get(term.slug, term.name) for term in terms]


@register.simple_tag(takes_context=True)
def term_names(context, terms):
    """Names of levels, subjects or topics in the reader's language."""
    return names_in(terms, translation.get_language(), context.get("request"))
