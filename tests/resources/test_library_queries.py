"""The library counts every facet, and the results, in one query however many are chosen."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.resources.conftest import make_resource

pytestmark = pytest.mark.django_db


def _facet_queries(client, params):
    client.get(f"/id/sumber-belajar/{params}")  # warm the shared caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(f"/id/sumber-belajar/{params}")
    assert response.status_code == 200
    sql = [query["sql"] for query in context.captured_queries]
    return response, [s for s in sql if "COUNT(" in s.upper()]


@pytest.mark.parametrize(
    "params", ["", "?level=sd", "?level=sd&subject=matematika&phase=B&type=worksheet", "?q=modul"]
)
def test_one_counting_query(client, library, params):
    make_resource(library, "Modul Pecahan", levels=["sd"], subjects=["matematika"], phases="B")
    make_resource(
        library,
        "Lembar Kerja Pecahan",
        resource_type="worksheet",
        levels=["sd", "smp"],
        subjects=["matematika"],
        phases="BC",
    )
    response, counting = _facet_queries(client, params)
    assert len(counting) == 1, counting
    assert response.context["result_count"] == response.context["page_obj"].paginator.count


def test_a_page_counts_once_when_linked_to_a_term_in_each_language(client, library, locale_en):
    """wagtail-localize copies links as they are, so a page may hold "sd" in both languages."""
    from communities.models import SchoolLevel

    page = make_resource(library, "Modul Dua Bahasa", levels=["sd"])
    page.levels.add(SchoolLevel.objects.get(slug="sd", locale=locale_en))
    page.save()
    response = client.get("/id/sumber-belajar/")
    level = next(f for f in response.context["facets"] if f["name"] == "level")
    assert [(v["value"], v["count"]) for v in level["values"]] == [("sd", 1)]
    assert client.get("/id/sumber-belajar/?level=sd").context["result_count"] == 1
