import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from communities.access import add_district_editor, add_maintainer

from ._lookup import get_community, get_region

# (username, first name, last name, "maintainer"|"editor", community slug or regency code)
DEMO_USERS = [
    ("pengelola.harapan", "Ratna", "Sari", "maintainer", "komunitas-praktisi-guru-smp-harapan"),
    (
        "pengelola.gugus3",
        "Made",
        "Suartana",
        "maintainer",
        "komunitas-belajar-guru-sd-gugus-3-negara",
    ),
    ("editor.bandung", "Bambang", "Supriadi", "editor", "32.73"),
    ("editor.jembrana", "Ni Wayan", "Sukerti", "editor", "51.01"),
]


class Command(BaseCommand):
    help = (
        "Create the demo maintainer and district editor accounts (after load_demo) and print "
        "their passwords. Passwords come from DEMO_PASSWORD or are generated on each run."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        shared = os.environ.get("DEMO_PASSWORD", "")
        for username, first, last, role, target in DEMO_USERS:
            password = shared or secrets.token_urlsafe(9)
            user, _ = User.objects.get_or_create(
                username=username,
                defaults={
                    "first_name": first,
                    "last_name": last,
                    "email": f"{username}@example.org",
                },
            )
            user.set_password(password)
            user.save()
            if role == "maintainer":
                page = get_community(target)
                add_maintainer(user, page)
            else:
                page = get_region(target)
                add_district_editor(user, page)
            self.stdout.write(f"  {username:<20} {password:<16} {role} of {page.title}")
