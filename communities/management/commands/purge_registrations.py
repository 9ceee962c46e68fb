"""Delete personal data past its retention period (UU PDP): meeting registrations and
django-axes' sign-in records. Run it daily (cron or a scheduled task); safe to repeat."""

from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper, F
from django.utils import timezone

from communities.models import Registration


def expired_registrations(now=None):
    """Registrations whose meeting date ended more than REGISTRATION_RETENTION_DAYS ago.
    A registration is for one date of a meeting: that date ends as long after it starts as
    the meeting's first date did."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    ends = ExpressionWrapper(
        F("occurrence_start") + (F("meeting__end") - F("meeting__start")),
        output_field=DateTimeField(),
    )
    return Registration.objects.alias(ends=ends).filter(ends__lt=cutoff), cutoff


def expired_sign_in_records(now=None):
    """django-axes' records (address, browser, username) older than ACCESS_LOG_RETENTION_DAYS:
    far past any lockout's cool-off, kept until then to investigate suspicious sign-ins."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ACCESS_LOG_RETENTION_DAYS)
    return {
        "access logs": AccessLog.objects.filter(attempt_time__lt=cutoff),
        "failed attempts": AccessAttempt.objects.filter(attempt_time__lt=cutoff),
        "failure logs": AccessFailureLog.objects.filter(attempt_time__lt=cutoff),
    }, cutoff


class Command(BaseCommand):
    help = (
        "Delete registrations of meetings that ended more than REGISTRATION_RETENTION_DAYS "
        "ago and sign-in records older than ACCESS_LOG_RETENTION_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        registrations, registration_cutoff = expired_registrations(now)
        sign_ins, sign_in_cutoff = expired_sign_in_records(now)
        verb = "would be deleted" if dry_run else "deleted"
        with transaction.atomic():
            if dry_run:
                count = registrations.count()
                counts = {name: queryset.count() for name, queryset in sign_ins.items()}
            else:
                # Delete by primary key: the ending-time expression joins the meeting.
                count, _ = Registration.objects.filter(pk__in=registrations.values("pk")).delete()
                counts = {name: queryset.delete()[0] for name, queryset in sign_ins.items()}
        self.stdout.write(
            f"Registrations: {count} {verb} (meeting dates that ended before "
            f"{registration_cutoff:%Y-%m-%d %H:%M %Z}, "
            f"{settings.REGISTRATION_RETENTION_DAYS} days' retention)."
        )
        details = ", ".join(f"{number} {name}" for name, number in counts.items())
        self.stdout.write(
            f"Sign-in records: {details} {verb} (older than "
            f"{settings.ACCESS_LOG_RETENTION_DAYS} days, before {sign_in_cutoff:%Y-%m-%d})."
        )
