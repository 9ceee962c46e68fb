"""The Sumber Belajar library: facets, counts, search, sort, pagination, both languages."""

from urllib.parse import parse_qsl, urlencode

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.resources.conftest import make_resource, translate_page

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"


@pytest.fixture
def catalogue(library):
    return {
        "r1": make_resource(
            library,
            "Modul Ajar Pecahan Senilai Kelas 4 SD",
            levels=["sd"],
            phases="B",
            subjects=["matematika"],
            topics=["numerasi"],
            licence="cc-by",
        ),
        "r2": make_resource(
            library,
            "LKPD Pecahan",
            resource_type="worksheet",
            levels=["sd"],
            phases="AB",
            subjects=["matematika"],
            topics=["numerasi"],
            licence="cc-by-sa",
        ),
        "r3": make_resource(
            library,
            "Video Ekosistem",
            resource_type="video",
            levels=["smp"],
            phases="D",
            subjects=["ipa"],
            topics=["literasi"],
            language="en",
            licence="cc0",
            video_url=YOUTUBE,
            external_url="",
        ),
        "r4": make_resource(
            library,
            "Asesmen Diagnostik Literasi Kelas 1",
            resource_type="assessment",
            levels=["sd"],
            phases="A",
            subjects=["bahasa-indonesia"],
            topics=["asesmen", "literasi"],
            licence="cc-by",
        ),
        "r5": make_resource(
            library,
            "Modul Sel Hewan",
            levels=["sma"],
            phases="E",
            subjects=["biologi"],
            language="jv",
            licence="all-rights-reserved",
        ),
        "r6": make_resource(
            library,
            "Modul Ajar Perbandingan",
            levels=["sd", "smp"],
            phases="CD",
            subjects=["matematika"],
            licence="cc-by",
        ),
    }


def titles(response):
    return {page.title for page in response.context["resources"]}


def get(client, params=""):
    response = client.get(f"/id/sumber-belajar/{params}")
    assert response.status_code == 200
    return response


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=worksheet", {"r2"}),
        ("?level=sd", {"r1", "r2", "r4", "r6"}),
        ("?phase=A", {"r2", "r4"}),
        ("?phase=D", {"r3", "r6"}),
        ("?subject=matematika", {"r1", "r2", "r6"}),
        ("?topic=literasi", {"r3", "r4"}),
        ("?language=jv", {"r5"}),
        ("?licence=cc-by", {"r1", "r4", "r6"}),
        ("?level=sd&subject=matematika&type=teaching_module", {"r1", "r6"}),
        ("?level=sd&phase=A&topic=literasi", {"r4"}),
        ("?level=smp&licence=cc0", {"r3"}),
        ("?q=pecahan", {"r1", "r2"}),
        ("?q=modul+ajar&level=sd", {"r1", "r6"}),
    ],
)
def test_each_facet_and_combinations_filter(client, catalogue, query, expected):
    response = get(client, query)
    assert titles(response) == {catalogue[key].title for key in expected}
    assert response.context["result_count"] == len(expected)


def _facet_links(response):
    for facet in response.context["facets"]:
        for value in facet["values"]:
            yield facet["name"], value


@pytest.mark.parametrize(
    "selection",
    ["", "?type=teaching_module", "?level=sd&subject=matematika", "?q=modul", "?phase=D"],
)
def test_every_count_equals_the_results_of_applying_it(client, catalogue, selection):
    response = get(client, selection)
    shown = list(_facet_links(response))
    assert shown, "facets should show values"
    for _name, value in shown:
        if value["selected"]:
            # Already applied: its count is the current result count (its link removes it).
            assert value["count"] == response.context["result_count"]
            continue
        applied = get(client, "?" + value["query"])
        assert applied.context["result_count"] == value["count"], (selection, value)
        # The count is also what the page says it found.
        assert f'data-count="{value["count"]}"' in response.content.decode()


def test_counts_are_for_the_current_selection(client, catalogue):
    response = get(client, "?level=sd")
    counts = {
        (facet["name"], v["value"]): v["count"]
        for facet in response.context["facets"]
        for v in facet["values"]
    }
    assert counts[("subject", "matematika")] == 3  # r1, r2, r6 are SD
    assert ("type", "video") not in counts  # the only video is SMP
    assert counts[("level", "smp")] == 2  # replacing sd by smp: r3, r6
    assert ("subject", "biologi") not in counts  # no SD biology resource


def test_selected_value_links_remove_it(client, catalogue):
    response = get(client, "?level=sd&subject=matematika")
    level = next(f for f in response.context["facets"] if f["name"] == "level")
    sd = next(v for v in level["values"] if v["value"] == "sd")
    assert sd["selected"]
    assert dict(parse_qsl(sd["query"])) == {"subject": "matematika"}


def test_invalid_values_give_a_message_not_an_error(client, catalogue):
    response = get(client, "?level=nope&phase=Z&type=x&sort=bogus&page=abc&subject=matematika")
    assert titles(response) == {catalogue[k].title for k in ("r1", "r2", "r6")}
    messages = response.context["filter_messages"]
    assert len(messages) == 5
    assert get(client, "?page=999").context["page_obj"].number == 1
    assert get(client, "?" + urlencode({"q": "x" * 5000})).status_code == 200


def test_sort_by_title_and_relevance(client, catalogue):
    by_title = [p.title for p in get(client, "?sort=title").context["resources"]]
    assert by_title == sorted(by_title)
    newest = [p.title for p in get(client).context["resources"]]
    assert newest[0] == catalogue["r6"].title
    ranked = get(client, "?q=literasi").context["resources"]
    # Title match outranks a match only in the summary (r3's summary does not mention it).
    assert ranked[0].title == catalogue["r4"].title
    assert get(client, "?q=literasi").context["sort"] == "relevance"


def test_pagination_keeps_filters(client, library):
    for number in range(15):
        make_resource(library, f"Modul {number:02d}", levels=["sd"])
    response = get(client, "?level=sd&sort=title")
    assert len(response.context["resources"]) == 12
    assert "level=sd&amp;sort=title&amp;page=2" in response.content.decode()
    assert len(get(client, "?level=sd&sort=title&page=2").context["resources"]) == 3


def test_english_library_lists_english_resources_with_english_terms(
    client, catalogue, library_en, locale_en
):
    translate_page(catalogue["r1"], locale_en, title="Equivalent fractions module", slug="frac")
    response = client.get("/en/resources/?subject=matematika")
    assert response.status_code == 200
    assert titles(response) == {"Equivalent fractions module"}
    html = response.content.decode()
    assert "Mathematics" in html  # term name in the reader's language
    assert "Equivalent fractions module" in html
    assert get(client, "?subject=matematika").context["result_count"] == 3


def _queries(client, params):
    get(client, params)  # warm: the site's root paths are cached after the first request
    with CaptureQueriesContext(connection) as context:
        get(client, params)
    return len(context)


def test_constant_query_count(client, library):
    for number in range(5):
        make_resource(library, f"Sumber {number}", levels=["sd"], subjects=["matematika"])
    small = [_queries(client, p) for p in ("", "?level=sd&q=sumber")]
    for number in range(5, 40):
        make_resource(
            library,
            f"Sumber {number}",
            levels=["sd", "smp"],
            subjects=["matematika", "ipa"],
            topics=["literasi"],
            phases="AB",
        )
    large = [_queries(client, p) for p in ("", "?level=sd&q=sumber")]
    assert small == large
