"""Bulk insertion of Wagtail pages: treebeard paths computed in Python (as
resources/importer.py does), then one INSERT per batch into wagtailcore_page, one
into the specific table, and bulk INSERTs for child rows and many-to-many links.

Django's bulk_create() refuses multi-table inheritance, so the two tables are written
with QuerySet._insert(), the call bulk_create() itself makes for each table. No
signals fire: the search index, the reference index and revisions are not written.
"""

import sqlite3
from collections import Counter, defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils.text import slugify
from treebeard.mp_tree import MP_Node
from wagtail.models import Page

# Without the id: PostgreSQL refuses an explicit NULL for it, SQLite accepts one.
PAGE_FIELDS = [f for f in Page._meta.local_concrete_fields if not f.primary_key]


def max_params():
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        try:  # SQLite >= 3.32 allows 32766 variables; Django assumes 999.
            return connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        except AttributeError:
            return 999
    return 65535


def insert_rows(model, objs, fields, returning=False):
    """INSERT objs into model's own table in statements that stay under the
    database's parameter limit; with `returning`, set each object's primary key."""
    size = max(1, max_params() // max(1, len(fields)) - 1)
    for start in range(0, len(objs), size):
        chunk = objs[start : start + size]
        rows = model._base_manager._insert(
            chunk,
            fields=fields,
            returning_fields=model._meta.db_returning_fields if returning else None,
            using=connection.alias,
        )
        if returning:
            for obj, row in zip(chunk, rows, strict=True):
                obj.pk = row[0]


class Parent:
    """Where new children of one page go: the next treebeard step and the slugs taken."""

    pending = False  # True: existing children not read yet

    def __init__(self, page):
        self.page = page  # may not be written yet: its pk is read when children are
        self.path = page.path
        self.depth = page.depth
        self.url_path = page.url_path
        self.locale_id = page.locale_id
        self.step = 0  # a new page has no children
        self.slugs = set()
        self.suffixes = {}

    @property
    def pk(self):
        return self.page.pk

    @classmethod
    def load(cls, page):
        """A parent that already has children: their slugs and last path are read when
        the first new child is placed (many existing parents may get none)."""
        parent = cls(page)
        parent.pending = True
        return parent

    def _read_children(self):
        self.pending = False
        children = Page.objects.filter(path__startswith=self.path, depth=self.depth + 1)
        for slug, path in children.order_by("path").values_list("slug", "path").iterator():
            self.slugs.add(slug)
            self.step = MP_Node._str2int(path[-Page.steplen :])

    def unique_slug(self, title):
        base = slugify(title)[:80].strip("-") or "halaman"
        slug = base
        if slug in self.slugs:
            number = self.suffixes.get(base, 2)
            while f"{base}-{number}" in self.slugs:
                number += 1
            slug = f"{base}-{number}"
            self.suffixes[base] = number + 1
        self.slugs.add(slug)
        return slug

    def place(self, page, title):
        """Give `page` its slug, path, depth, url_path and locale under this parent."""
        if self.pending:
            self._read_children()
        self.step += 1
        page.slug = self.unique_slug(title)
        page.path = MP_Node._get_path(self.path, self.depth + 1, self.step)
        page.depth = self.depth + 1
        page.numchild = 0
        page.url_path = f"{self.url_path}{page.slug}/"
        page.locale_id = self.locale_id
        return page


def page_defaults(model, title, translation_key, published_at):
    return {
        "title": title,
        "draft_title": title,
        "translation_key": translation_key,
        "content_type_id": ContentType.objects.get_for_model(model).pk,
        "live": True,
        "has_unpublished_changes": False,
        "first_published_at": published_at,
        "last_published_at": published_at,
    }


class Batch:
    """Pages of one model and what hangs off them, written in one transaction."""

    def __init__(self, model):
        self.model = model
        self.pages = []  # (page, Parent)
        self.children = defaultdict(list)  # model -> [(page, obj)]
        self.links = defaultdict(list)  # through model -> [(page, column, term_id)]

    def __len__(self):
        return len(self.pages)

    def add(self, page, parent):
        self.pages.append((page, parent))

    def child(self, page, obj):
        self.children[type(obj)].append((page, obj))

    def link(self, page, field_name, term_ids):
        field = self.model._meta.get_field(field_name)
        through = field.remote_field.through
        columns = (field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id")
        for term_id in term_ids:
            self.links[through].append((page, columns, term_id))

    @transaction.atomic
    def write(self):
        pages = [page for page, _ in self.pages]
        insert_rows(Page, pages, PAGE_FIELDS, returning=True)
        for page in pages:
            page.page_ptr_id = page.pk
        insert_rows(self.model, pages, self.model._meta.local_concrete_fields)
        for model, items in self.children.items():
            objs = []
            for page, obj in items:
                obj.page_id = page.pk
                objs.append(obj)
            model.objects.bulk_create(objs, batch_size=1000)
        for through, items in self.links.items():
            through.objects.bulk_create(
                [
                    through(**{columns[0]: page.pk, columns[1]: term_id})
                    for page, columns, term_id in items
                ],
                batch_size=1000,
            )
        # Parents' numchild, one UPDATE per distinct increment.
        added = Counter(parent.pk for _, parent in self.pages)
        by_count = defaultdict(list)
        for pk, count in added.items():
            by_count[count].append(pk)
        for count, pks in by_count.items():
            for start in range(0, len(pks), 500):
                Page.objects.filter(pk__in=pks[start : start + 500]).update(
                    numchild=F("numchild") + count
                )
        return len(pages)
