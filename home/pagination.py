"""Pagination that never fails on a bad ?page= value."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.utils.translation import gettext


def paginate(object_list, raw_page, per_page, messages):
    """The requested page of `object_list`. A page number that is not a number, or out
    of range, shows the first or last page and appends a message to `messages`."""
    paginator = Paginator(object_list, per_page)
    try:
        return paginator.page(raw_page or 1)
    except PageNotAnInteger:
        messages.append(gettext("That page number is not valid; showing the first page."))
        return paginator.page(1)
    except EmptyPage:
        messages.append(gettext("There is no such page; showing the last page."))
        return paginator.page(paginator.num_pages)
