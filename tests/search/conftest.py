"""A small bilingual corpus: resources, a community, a meeting and an article, in
Indonesian with some English translations. Search documents are written by the
publish signals, as on the real site."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from communities.models import MeetingPage, PracticeArticlePage
from tests.communities.conftest import (  # noqa: F401, F811 - fixtures reused here
    community_a,
    community_index,
    editor_x,
    maintainer_a,
    make_community,
    region_x,
)
from tests.conftest import add_page, translate_page
from tests.resources.conftest import library, library_en, make_resource  # noqa: F401, F811

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL text search"
)


def result_titles(response):
    """Titles of the results in order, highlight marks removed."""
    import re

    html = response.content.decode()
    return [
        re.sub(r"</?mark>", "", title)
        for title in re.findall(
            r'class="search-hit__title"[^>]*><a href="[^"]*"[^>]*>(.*?)</a>', html
        )
    ]


def result_count(response):
    import re

    match = re.search(
        r'class="result-count" role="status" data-count="(\d+)"', response.content.decode()
    )
    return int(match.group(1))


def make_meeting(community, title, **fields):
    start = timezone.now() + datetime.timedelta(days=10)
    defaults = {
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "mode": "face_to_face",
        "address": "SD Negeri 1 Negara",
        "activity": "share_problem",
    }
    return add_page(community, MeetingPage, title=title, **{**defaults, **fields})


def make_article(community, title, **fields):
    defaults = {"summary": f"Ringkasan {title}", "date": datetime.date(2026, 10, 1)}
    return add_page(community, PracticeArticlePage, title=title, **{**defaults, **fields})


@pytest.fixture
def corpus(library, library_en, locale_en, community_a):  # noqa: F811
    """Pages whose words exercise morphology, ranking, facets and languages."""
    pecahan = make_resource(
        library,
        "Modul Ajar Pecahan Senilai",
        levels=["sd"],
        subjects=["matematika"],
        summary="Pengajaran pecahan dengan benda konkret untuk kelas 4.",
        phases="B",
    )
    diferensiasi = make_resource(
        library,
        "Panduan Kelas Berdiferensiasi",
        levels=["smp"],
        subjects=["bahasa-indonesia"],
        summary="Langkah pembelajaran berdiferensiasi yang bisa langsung dicoba.",
        resource_type="guide",
        phases="D",
    )
    pecahan_en = translate_page(
        pecahan,
        locale_en,
        title="Teaching Module: Equivalent Fractions",
        slug="equivalent-fractions",
        summary="Teachers teach fractions with concrete objects in grade 4.",
    )
    pecahan_en = type(pecahan_en).objects.get(pk=pecahan_en.pk)  # its final URL
    article = make_article(
        community_a,
        "Catatan Berbagi Praktik Baik",
        summary="Guru-guru membagikan cara mereka memulai kelas dengan tenang.",
    )
    meeting = make_meeting(community_a, "Pertemuan Bulanan Gugus 3")
    return {
        "pecahan": pecahan,
        "pecahan_en": pecahan_en,
        "diferensiasi": diferensiasi,
        "article": article,
        "meeting": meeting,
        "community": community_a,
    }


__all__ = [
    "make_article",
    "make_community",
    "make_meeting",
    "postgres_only",
    "result_count",
    "result_titles",
]
