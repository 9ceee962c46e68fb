from django.core.management.base import BaseCommand

from communities.access import add_maintainer

from ._lookup import get_community, get_user


class Command(BaseCommand):
    help = "Make a user a maintainer of a community (by page id or slug)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("community", help="The community page's id or slug.")

    def handle(self, *args, username, community, **options):
        user = get_user(username)
        page = get_community(community)
        group = add_maintainer(user, page)
        self.stdout.write(self.style.SUCCESS(f"{username} now maintains '{page.title}' ({group})."))
