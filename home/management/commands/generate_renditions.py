import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page

from home.renditions import generate_for_page


class Command(BaseCommand):
    help = (
        "Make the image renditions that live pages show, so that no visitor waits for them: "
        "after loading content or deploying. Publishing a page makes its own."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--since",
            type=int,
            metavar="DAYS",
            help="Only pages published in the last DAYS days.",
        )

    def handle(self, *args, since=None, **options):
        Rendition = get_image_model().get_rendition_model()
        before = Rendition.objects.count()
        pages = Page.objects.live().order_by("pk")
        if since is not None:
            pages = pages.filter(
                last_published_at__gte=timezone.now() - datetime.timedelta(days=since)
            )
        count = 0
        for page in pages.specific().iterator(chunk_size=200):
            generate_for_page(page)
            count += 1
        made = Rendition.objects.count() - before
        self.stdout.write(f"{made} new renditions for {count} pages.")
