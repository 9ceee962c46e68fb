"""The portal's own search index: one document per live, public page, in its own language.

Wagtail's stock index keeps one PostgreSQL text search configuration for every
document. Ours stores each page's `tsvector` built with the configuration of the
page's locale (Indonesian pages with `indonesian`, English ones with `english`),
under a GIN index, so `mengajar` finds `pembelajaran` and `teaching` finds
`teachers teach`. See docs/search.md.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RESOURCE = "resource", _("Learning resource")
    ARTICLE = "article", _("Practice article")
    COMMUNITY = "community", _("Community")
    MEETING = "meeting", _("Meeting")
    PAGE = "page", _("Page")


class SearchDocument(models.Model):
    """What the search page matches, ranks, filters and shows for one page."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.TextField()
    summary = models.TextField(blank=True)  # weighted B, shown when nothing is highlighted
    keywords = models.TextField(blank=True)  # weighted B, not shown: community, region, terms
    body = models.TextField(blank=True)  # weighted C
    date = models.DateTimeField(null=True, blank=True)  # meeting start, or publication
    province = models.CharField(max_length=2, blank=True)  # Kemendagri code, e.g. "51"
    regency = models.CharField(max_length=5, blank=True)  # e.g. "51.01"
    # Facet values as space-separated "name:value" keys with a space at both ends,
    # e.g. " kind:resource level:sd level:smp subject:matematika ", so one row holds
    # them all: counting needs no join (see query.facet_counts).
    facet_keys = models.TextField(blank=True)
    # PostgreSQL only (NULL on SQLite): the weighted document (matched, GIN-indexed by
    # migration 0002) and the part of it used for ranking.
    vector = SearchVectorField(null=True, editable=False)
    # Title (A) and summary (B) only: small enough to stay in the row, so ranking
    # thousands of matches does not read every page's whole text.
    rank_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [
            models.Index(fields=["locale", "kind"]),
            models.Index(fields=["locale", "date", "page"]),
            models.Index(fields=["date", "page"], name="search_doc_date_page_idx"),  # all languages
            # The library's sort by title, walked from the bitmaps (resources/fast.py).
            models.Index(fields=["locale", "title", "page"], name="search_doc_title_idx"),
        ]

    def __str__(self):
        return self.title


class SearchTitle(models.Model):
    """A document's title, for suggestions as the teacher types, in a narrow table of its
    own: one keystroke may read thousands of these, and they stay in memory where the
    documents, with their whole text, would be read from disk (search/suggest.py)."""

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    title = models.TextField()
    date = models.DateTimeField(null=True, blank=True)  # as the document's
    # PostgreSQL only: the title's words as written (the `simple` configuration), matched
    # by prefix; GIN-indexed by migration 0007.
    words = SearchVectorField(null=True, editable=False)

    class Meta:
        indexes = [
            # Newest first, the words read from the index itself.
            models.Index(
                fields=["locale", "date", "page"], include=["words"], name="search_title_walk_idx"
            )
        ]

    def __str__(self):
        return self.title


class SearchQueryStat(models.Model):
    """How often a query was searched on a day, and how often it found nothing."""

    query_string = models.CharField(_("search terms"), max_length=255)
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("language"), on_delete=models.CASCADE, related_name="+"
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("searches"), default=0)
    misses = models.PositiveIntegerField(_("searches with no results"), default=0)

    class Meta:
        verbose_name = _("search statistic")
        verbose_name_plural = _("search statistics")
        constraints = [
            models.UniqueConstraint(
                fields=["query_string", "locale", "date"], name="search_query_stat_unique_day"
            )
        ]
        permissions = [("view_search_statistics", _("Can see what visitors search for"))]

    def __str__(self):
        return self.query_string


class BitStringField(models.Field):
    """PostgreSQL `bit varying`; a blob elsewhere (only PostgreSQL uses the bitmaps)."""

    def db_type(self, connection):
        return "bit varying" if connection.vendor == "postgresql" else "blob"


class SearchBitmap(models.Model):
    """One slice of a set of documents, as bits: bit n of slice c is page id c*CHUNK + n.

    Keys (search/bitmaps.py): `u:<locale id>` every document of a language,
    `f:<facet key>` a facet value, and for the words common enough to be worth it,
    `l:<locale id>:<lexeme>` documents with the word anywhere, `r:...` in the title or
    summary, `t:...` in the title. Counting a facet for a query is then an AND and a
    bit count per slice, whatever the number of matches.
    """

    pk = models.CompositePrimaryKey("key", "chunk")
    key = models.CharField(max_length=300)
    chunk = models.IntegerField()
    bits = BitStringField()

    def __str__(self):
        return f"{self.key} [{self.chunk}]"


class SearchBitmapBuild(models.Model):
    """The bitmaps are complete (built after the last rebuild): searches may use them."""

    built_at = models.DateTimeField(auto_now_add=True)
    documents = models.PositiveIntegerField()
    words = models.PositiveIntegerField()  # words with their own bitmaps
    min_documents = models.PositiveIntegerField()  # how common a word had to be

    def __str__(self):
        return f"{self.built_at:%Y-%m-%d %H:%M} ({self.words} words)"
