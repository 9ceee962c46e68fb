from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from communities import demo_articles as articles_demo
from communities import demo_content as communities_demo
from communities import demo_meetings as meetings_demo
from home import demo_content as home_demo
from home import demo_privacy as privacy_demo
from resources import demo_content as resources_demo


class Command(BaseCommand):
    help = "Load bilingual demo content. Safe to run again: nothing is duplicated."

    # Each area of the portal contributes its own demo module, in dependency order.
    modules = [
        home_demo,
        privacy_demo,
        communities_demo,
        resources_demo,
        meetings_demo,
        articles_demo,
    ]

    def handle(self, *args, **options):
        # Demo pages get their final slugs while loading: no redirects for those renames.
        with override_settings(WAGTAILREDIRECTS_AUTO_CREATE=False), transaction.atomic():
            for module in self.modules:
                module.load(self.stdout)
        # Publishing indexes each page as it goes; a rebuild also drops leftovers.
        from search.indexer import rebuild

        self.stdout.write(f"Search index: {rebuild()} pages.")
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
