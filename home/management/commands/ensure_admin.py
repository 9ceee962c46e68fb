import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Create the 'admin' superuser for local use. The password comes from ADMIN_PASSWORD, "
        "or is generated and printed the first time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USERNAME", "admin"))

    def handle(self, *args, username, **options):
        User = get_user_model()
        password = os.environ.get("ADMIN_PASSWORD", "")
        user = User.objects.filter(username=username).first()
        if password:
            try:
                validate_password(password, user)
            except ValidationError as error:
                raise CommandError(
                    "ADMIN_PASSWORD is too weak: " + " ".join(error.messages)
                ) from error
        if user is not None and not password:
            self.stdout.write(
                f"Admin user '{username}' exists; its password is unchanged "
                "(run with ADMIN_PASSWORD=... to reset it)."
            )
            return
        generated = not password
        password = password or secrets.token_urlsafe(12)
        if user is None:
            user = User.objects.create_superuser(username, f"{username}@example.org", password)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        shown = password if generated else "(from ADMIN_PASSWORD)"
        self.stdout.write(
            self.style.SUCCESS(f"Log in at /admin/ as '{username}' with password: {shown}")
        )
