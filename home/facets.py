"""Facets and sort links for the listings that filter through the URL (the library, search).

A value's link chooses it (or, when it is chosen, removes it) and keeps every other
parameter but the page number, which `query` has already dropped.
"""

from django.utils.translation import gettext


def chosen_values(params, facets, options, messages):
    """{facet name: value} chosen in the URL. A value we don't know is dropped with a
    message in `messages`; the other filters still apply."""
    chosen = {}
    for facet in facets:
        value = params.get(facet.name, "").strip()
        if not value:
            continue
        if value in dict(options[facet.name]):
            chosen[facet.name] = value
        else:
            messages.append(
                gettext("The filter “%(filter)s” had a value we don't know; it was ignored.")
                % {"filter": facet.label}
            )
    return chosen


def facet_values(query, name, options, counts, chosen):
    """[{value, label, count, selected, query}] for one facet; values without results
    are left out unless chosen."""
    values = []
    for value, label in options:
        count = counts.get(value, 0)
        is_selected = chosen == value
        if not count and not is_selected:
            continue
        link = query.copy()
        if is_selected:
            link.pop(name, None)
        else:
            link[name] = value
        values.append(
            {
                "value": value,
                "label": label,
                "count": count,
                "selected": is_selected,
                "query": link.urlencode(),
            }
        )
    return values


def sort_links(query, sorts, current, searching):
    """One link per sort order; "relevance" only when there is a query."""
    links = []
    for key, label in sorts.items():
        if key == "relevance" and not searching:
            continue
        link = query.copy()
        link["sort"] = key
        links.append(
            {"key": key, "label": label, "selected": key == current, "query": link.urlencode()}
        )
    return links
