"""The library answered from the search bitmaps (search/bitmaps.py, search/fast.py).

A resource's search document carries its library and every facet the library shows
(type, level, phase, subject, topic, language, licence). So counting the facets of
any selection of a library of 100,000 resources is an AND and a bit count per slice,
and a page of results is a walk down the search index's date or title index. The
answers are those of the SQL in resources/facets.py (tests/resources/test_library_fast.py);
SQL still answers when the bitmaps can't (SQLite, a rebuild, a phrase in the query).
"""

from search import fast

from .models import LearningResourcePage


def prepare(index_page, q, selected):
    """(A BitmapSearch over the library's resources or None, whether a phrase was taken
    as its words: search.fast.prepare_bounded)."""
    within = f"library:{index_page.pk}"
    return fast.prepare_bounded(q, [index_page.locale], [], selected, within=within)


class Results:
    """One ordering of the results, for the paginator: counted already, and a slice is
    one walk of the index for its page ids, then the pages themselves."""

    ordered = True

    def __init__(self, search, sort, locale, count):
        self.search, self.sort, self.locale, self._count = search, sort, locale, count

    def count(self):
        return self._count

    def __getitem__(self, key):
        start, stop = key.start or 0, key.stop
        ids = self.search.page_ids(self.sort, start, stop - start, [self.locale.pk])
        pages = (
            LearningResourcePage.objects.live()
            .filter(pk__in=ids)
            .prefetch_related("levels", "subjects")
        )
        by_id = {page.pk: page for page in pages}
        return [by_id[pk] for pk in ids if pk in by_id]
