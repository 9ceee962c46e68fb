from django.core.management.base import BaseCommand

from communities.access import add_district_editor

from ._lookup import get_region, get_user


class Command(BaseCommand):
    help = "Make a user a district editor of a regency (by regency code, slug or region page id)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("region", help="E.g. 51.01, kabupaten-jembrana, or a page id.")

    def handle(self, *args, username, region, **options):
        user = get_user(username)
        page = get_region(region)
        group = add_district_editor(user, page)
        self.stdout.write(self.style.SUCCESS(f"{username} now edits '{page.title}' ({group})."))
