"""What the home page and the chrome keep between requests (the latest articles and the
upcoming meetings, rendered; each worker's memory of the cache) follows every publish, and
the meetings the clock too: never stale."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation

from communities.models import CommunityIndexPage
from home import chrome, page_cache
from tests.communities.conftest import make_community, make_region
from tests.communities.meeting_helpers import NOW, make_meeting
from tests.communities.test_articles import make_article
from tests.conftest import add_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_page_cache():
    # Whole pages would hide what the fragments do.
    with override_settings(PAGE_CACHE_TIMEOUT=0):
        yield


@pytest.fixture
def community(home_id):
    index = add_page(home_id, CommunityIndexPage, title="Komunitas", slug="komunitas")
    return make_community(make_region(index, "51.01"), "Komunitas Guru SD Negara")


def latest_articles(client):
    text = client.get("/id/").text
    if 'id="home-articles"' not in text:
        return []
    section = text.split('id="home-articles"', 1)[1].split("</section>", 1)[0]
    return [part.split("</a>", 1)[0].rsplit(">", 1)[1] for part in section.split("card__title")[1:]]


def test_latest_articles_follow_publishing(client, community):
    first = make_article(community, "Pecahan dengan kertas", date=datetime.date(2025, 3, 1))
    assert latest_articles(client) == ["Pecahan dengan kertas"]

    # Shown again from the cache: no article is read.
    with CaptureQueriesContext(connection) as queries:
        assert latest_articles(client) == ["Pecahan dengan kertas"]
    assert "communities_practicearticlepage" not in " ".join(
        query["sql"] for query in queries.captured_queries
    )

    second = make_article(community, "Literasi lewat jurnal", date=datetime.date(2025, 4, 1))
    assert latest_articles(client) == ["Literasi lewat jurnal", "Pecahan dengan kertas"]

    first.title = "Pecahan dengan kertas lipat"
    first.save_revision().publish()
    assert latest_articles(client) == ["Literasi lewat jurnal", "Pecahan dengan kertas lipat"]

    second.unpublish()
    assert latest_articles(client) == ["Pecahan dengan kertas lipat"]


def test_worker_memory_follows_the_generation(rf, home_id):
    built = []

    def build():
        built.append(len(built) + 1)
        return {"built": built[-1]}

    assert chrome.remember(rf.get("/id/"), "sample", build) == {"built": 1}
    value = chrome.remember(rf.get("/id/"), "sample", build)
    value["built"] = "changed by a view"
    # Gone from the cache, it is still in the worker's memory: each request gets a copy.
    site = chrome.find_site(rf.get("/id/"))
    language = translation.get_language()
    cache.delete(f"chrome:{page_cache.generation()}:{site.pk}:{language}:sample")
    assert chrome.remember(rf.get("/id/"), "sample", build) == {"built": 1}
    # A content change: what the worker remembers is of an older generation.
    page_cache.content_changed()
    assert chrome.remember(rf.get("/id/"), "sample", build) == {"built": 2}


def upcoming_meetings(client):
    text = client.get("/id/").text
    if 'id="home-meetings"' not in text:
        return []
    section = text.split('id="home-meetings"', 1)[1].split("</section>", 1)[0]
    return [part.split("</a>", 1)[0].rsplit(">", 1)[1] for part in section.split("<li")[1:]]


def test_upcoming_meetings_follow_publishing_and_the_clock(client, community, monkeypatch):
    monkeypatch.setattr(timezone, "now", lambda: NOW)
    hour = datetime.timedelta(hours=1)
    make_meeting(community, "Rapat pecahan", NOW + hour, NOW + 2 * hour)
    assert upcoming_meetings(client) == ["Rapat pecahan"]

    # Shown again from the cache: no meeting date is read.
    with CaptureQueriesContext(connection) as queries:
        assert upcoming_meetings(client) == ["Rapat pecahan"]
    assert "communities_meetingoccurrence" not in " ".join(
        query["sql"] for query in queries.captured_queries
    )

    make_meeting(community, "Rapat literasi", NOW + 3 * hour, NOW + 4 * hour)
    assert upcoming_meetings(client) == ["Rapat pecahan", "Rapat literasi"]

    # The first one has ended: no publish, yet it is gone.
    monkeypatch.setattr(timezone, "now", lambda: NOW + 2 * hour)
    assert upcoming_meetings(client) == ["Rapat literasi"]
