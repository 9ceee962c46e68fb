"""Whatever arrives in the search URL, the visitor gets a normal page: never a 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import result_titles

pytestmark = pytest.mark.django_db

NASTY = [
    "",
    " ",
    "a" * 10_000,
    '"',
    '"aksi nyata',
    "& | ! : * ( )",
    "!!!",
    "guru & | murid",
    "-",
    "--",
    "or",
    "'; DROP TABLE search_searchdocument; --",
    "1' OR '1'='1",
    ".*(a+)+$",
    "[[:alpha:]]{1000}",
    "\\",
    "%",
    "_",
    "pecahan\x00",
    "\x00\x01\x02\x03",
    "🙂📚 belajar",
    "مدرسة guru 学校",
    "<script>alert(1)</script>",
    "guru:*",
    "a:B & !c",
]
PARAMS = ["q", "kind", "level", "phase", "subject", "region", "lang", "sort", "page"]
text = st.one_of(st.sampled_from(NASTY), st.text(max_size=300))


def test_known_nasty_values(client, corpus):
    # One corpus for all of them: each request only reads.
    failures = [
        (param, value)
        for param in PARAMS
        for value in NASTY
        if client.get("/id/cari/", {param: value}).status_code != 200
    ]
    assert failures == []


def test_bad_page_numbers_show_a_page_with_a_message(client, corpus):
    for page in ["-1", "0", "abc", "99999999999999999999", "1e3", "2.5"]:
        response = client.get("/id/cari/", {"q": "", "page": page})
        assert response.status_code == 200
        assert 'class="notice"' in response.content.decode(), page


def test_unknown_facet_values_are_ignored_with_a_message(client, corpus):
    response = client.get("/id/cari/", {"q": "pecahan", "level": "universitas", "kind": "x"})
    assert response.content.decode().count('class="notice"') == 2
    assert result_titles(response) == ["Modul Ajar Pecahan Senilai"]


def test_a_long_query_is_shortened_and_stays_cheap(client, corpus):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/id/cari/", {"q": "guru " * 2000})
    assert response.status_code == 200
    assert 'class="notice"' in response.content.decode()
    longest = max(len(q["sql"]) for q in queries.captured_queries)
    assert longest < 20_000  # the query text is bounded, not 10,000 words of SQL


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=st.dictionaries(st.sampled_from(PARAMS), text, max_size=5), english=st.booleans())
def test_any_search_url_gives_a_normal_page(client, corpus, params, english):
    url = "/en/search/" if english else "/id/cari/"
    response = client.get(url, params)
    assert response.status_code == 200
    suggest = client.get(
        url + ("suggestions/" if english else "saran/"), {"q": params.get("q", "")}
    )
    assert suggest.status_code == 200
    assert isinstance(suggest.json()["suggestions"], list)
