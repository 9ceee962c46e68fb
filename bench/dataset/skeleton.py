"""What the generated pages hang from: both home pages and the four index pages in both
languages, made with the demo helpers (ensure_child_page, translate) exactly as
load_demo makes them, so an empty migrated database and a demo database both work."""

from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Locale

from communities import demo_articles, demo_content, demo_meetings
from communities.models import AgendaPage, CommunityIndexPage, PracticeArticleIndexPage
from home import demo_content as home_demo
from home.demo import ensure_child_page, translate
from home.models import HomePage
from resources import demo_content as resources_demo
from resources.models import LearningResourceIndexPage

INDEXES = [
    (
        CommunityIndexPage,
        "komunitas",
        {"title": "Komunitas", "introduction": demo_content.INDEX_INTRO},
        demo_content.EN_INDEX,
    ),
    (
        AgendaPage,
        "agenda",
        {"title": "Agenda", "introduction": demo_meetings.AGENDA_INTRO},
        {
            "Agenda": "Agenda",
            "agenda": "agenda",
            demo_meetings.AGENDA_INTRO: demo_meetings.AGENDA_INTRO_EN,
        },
    ),
    (
        PracticeArticleIndexPage,
        demo_articles.INDEX["slug"],
        {
            "title": demo_articles.INDEX["title"],
            "introduction": demo_articles.INDEX["introduction"],
        },
        demo_articles.EN,
    ),
    (
        LearningResourceIndexPage,
        "sumber-belajar",
        {"title": "Sumber Belajar", "introduction": resources_demo.INTRO},
        resources_demo.EN_INDEX,
    ),
]


def ensure(stdout):
    """Return {index model: (Indonesian page, English page)}."""
    english = Locale.objects.get(language_code="en")
    result = {}
    # As load_demo: pages get their final slugs while loading, no redirects for renames.
    with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
        home = HomePage.objects.get(locale__language_code="id", depth=2)
        if home.get_translation_or_none(english) is None:
            home_demo.load(stdout)  # fills the home page and translates it
        home = HomePage.objects.get(pk=home.pk)
        for model, slug, fields, strings in INDEXES:
            page = model.objects.child_of(home).first()
            if page is None:
                page, _ = ensure_child_page(home, model, slug, show_in_menus=True, **fields)
                stdout.write(f"Created {model._meta.verbose_name}: {page.title}")
            translated = page.get_translation_or_none(english)
            if translated is None:
                translated = translate(page, strings)
            result[model] = (page.specific, translated.specific)
    return result
