"""What visitors search for, per language and day, and which searches found nothing."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.search.utils import normalise_query_string

from .models import SearchQueryStat


def record(q, locale, found):
    query_string = normalise_query_string(q)[:255]
    if not query_string:
        return
    key = {"query_string": query_string, "locale": locale, "date": timezone.localdate()}
    changes = {"hits": F("hits") + 1}
    if not found:
        changes["misses"] = F("misses") + 1
    if SearchQueryStat.objects.filter(**key).update(**changes):
        return
    try:
        with transaction.atomic():
            SearchQueryStat.objects.create(**key, hits=1, misses=0 if found else 1)
    except IntegrityError:  # another request created it meanwhile
        SearchQueryStat.objects.filter(**key).update(**changes)
