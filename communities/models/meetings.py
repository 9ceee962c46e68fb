"""Meetings (pertemuan) of a community of practice, what came out of them, and who registered."""

import datetime
import json
import secrets
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from communities import recurrence
from home.blocks import BaseStreamBlock

from .pages import MeetingMode
from .regions import TimeZone

TIME_ZONE_LABELS = dict(TimeZone.choices)


class Activity(models.TextChoices):
    """The steps of the community-of-practice cycle a meeting serves."""

    SHARE_PROBLEM = "share_problem", _("Share a problem and look for solutions")
    FORMULATE_ACTION = "formulate_action", _("Formulate an action (aksi nyata)")
    SHARE_PRACTICE = "share_practice", _("Share good practice")
    REFLECT = "reflect", _("Reflect on actions taken")
    DOCUMENT = "document", _("Document our practice")


def zone_label(zone_name):
    return TIME_ZONE_LABELS.get(zone_name, zone_name)


class MeetingPageForm(WagtailAdminPageForm):
    """Start and end are entered and shown in the community's local time (WIB/WITA/WIT),
    whatever time zone the editor's browser or profile uses."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = self._community_zone()
        for name in ("start", "end"):
            value = getattr(self.instance, name, None)
            if value is not None and name in self.fields:
                self.initial[name] = timezone.localtime(value, self.zone).replace(tzinfo=None)
            if name in self.fields:
                self.fields[name].help_text = _("Local time of the community (%(zone)s).") % {
                    "zone": zone_label(self.zone.key)
                }

        self._limit_earlier_meetings()

    def _limit_earlier_meetings(self):
        """Reflections link to earlier meetings of the same community only."""
        formset = self.formsets.get("reflections") if hasattr(self, "formsets") else None
        parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        if formset is None or parent is None:
            return
        queryset = (
            MeetingPage.objects.child_of(parent)
            .filter(start__lt=timezone.now())
            .exclude(pk=self.instance.pk)
            .order_by("-start")
        )

        def limit(form):
            if "earlier_meeting" in form.fields:
                form.fields["earlier_meeting"].queryset = queryset

        original_add_fields = formset.add_fields

        def add_fields(form, index):
            # Runs for every form of the formset, including the empty one added in the browser.
            original_add_fields(form, index)
            limit(form)

        formset.add_fields = add_fields
        for form in formset.__dict__.get("forms", []):
            limit(form)

    def _community_zone(self):
        parent = self.parent_page
        if parent is None and self.instance.pk:
            parent = self.instance.get_parent()
        regency = getattr(getattr(parent, "specific", None), "regency", None)
        if regency is not None:
            return regency.province.zoneinfo
        return ZoneInfo(settings.TIME_ZONE)

    def clean(self):
        cleaned = super().clean()
        current = timezone.get_current_timezone()
        for name in ("start", "end"):
            value = cleaned.get(name)
            if value is not None:
                # The form read the wall-clock time in the admin's zone: re-read it in ours.
                wall = timezone.make_naive(value, current)
                cleaned[name] = timezone.make_aware(wall, self.zone)
                setattr(self.instance, name, cleaned[name])
        return cleaned


class MeetingPage(RoutablePageMixin, Page):
    """A meeting (pertemuan) of a community: when and where, what it is for, its agenda;
    after it, what was agreed and learned. Teachers register and add it to their calendar."""

    # When
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    repeat = models.CharField(
        _("repeats"), max_length=20, choices=recurrence.Frequency.choices, blank=True
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        help_text=_("1 = every week or month, 2 = every other week or month, ..."),
    )
    repeat_position = models.SmallIntegerField(
        _("which weekday of the month"),
        choices=recurrence.Position.choices,
        null=True,
        blank=True,
        help_text=_("For monthly meetings on a weekday. Empty: taken from the first date."),
    )
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of meetings"), null=True, blank=True, help_text=_("Instead of an end date.")
    )
    excluded_dates = models.TextField(
        _("no meeting on"),
        blank=True,
        help_text=_("Dates without a meeting (holidays), one per line as YYYY-MM-DD."),
    )

    # Where
    mode = models.CharField(_("how we meet"), max_length=20, choices=MeetingMode.choices)
    address = models.CharField(
        _("address"), max_length=300, blank=True, help_text=_("For face-to-face meetings.")
    )
    online_link = models.URLField(
        _("online link"), blank=True, help_text=_("Zoom, Google Meet, ... for online meetings.")
    )

    # What
    activity = models.CharField(_("activity in our cycle"), max_length=30, choices=Activity.choices)
    agenda = RichTextField(_("agenda"), blank=True, features=["bold", "italic", "ul", "ol", "link"])
    facilitators = models.CharField(_("facilitators"), max_length=300, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit on registrations.")
    )

    # After the meeting
    summary = RichTextField(
        _("summary"), blank=True, features=["bold", "italic", "ul", "ol", "link"]
    )
    documentation = StreamField(BaseStreamBlock(), verbose_name=_("documentation"), blank=True)

    # Denormalised from the community so listings and feeds filter without tree joins.
    regency = models.ForeignKey(
        "communities.Regency",
        verbose_name=_("regency or city"),
        on_delete=models.PROTECT,
        related_name="meetings",
        null=True,
        editable=False,
    )
    # Last moment any occurrence ends; null for an open-ended recurrence.
    series_end = models.DateTimeField(null=True, editable=False, db_index=True)

    base_form_class = MeetingPageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("repeat"),
                FieldRowPanel([FieldPanel("repeat_interval"), FieldPanel("repeat_position")]),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                FieldPanel("excluded_dates"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("mode"), FieldPanel("address"), FieldPanel("online_link")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("activity"),
                FieldPanel("agenda"),
                FieldPanel("facilitators"),
                FieldPanel("capacity"),
            ],
            heading=_("Practice"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("summary"),
                InlinePanel("actions", heading=_("Actions agreed (aksi nyata)"), label=_("Action")),
                InlinePanel(
                    "reflections",
                    heading=_("Reflections on earlier actions"),
                    label=_("Reflection"),
                ),
                FieldPanel("documentation"),
            ],
            heading=_("After the meeting"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("agenda"),
        index.SearchField("summary"),
        index.SearchField("facilitators"),
        index.FilterField("mode"),
        index.FilterField("activity"),
        index.FilterField("start"),
        index.FilterField("regency_id"),
    ]

    parent_page_types = ["communities.CommunityPage"]
    subpage_types = []

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("address"),
        TranslatableField("agenda"),
        TranslatableField("summary"),
        TranslatableField("documentation"),
        TranslatableField("actions"),
        TranslatableField("reflections"),
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("repeat"),
        SynchronizedField("repeat_interval"),
        SynchronizedField("repeat_position"),
        SynchronizedField("repeat_until"),
        SynchronizedField("repeat_count"),
        SynchronizedField("excluded_dates"),
        SynchronizedField("mode"),
        SynchronizedField("online_link"),
        SynchronizedField("activity"),
        SynchronizedField("facilitators"),
        SynchronizedField("capacity"),
    ]

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    # --- rules -----------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The meeting must end after it starts.")
        if self.mode in (MeetingMode.FACE_TO_FACE, MeetingMode.BLENDED) and not self.address:
            errors["address"] = _("Face-to-face and blended meetings need an address.")
        if self.mode in (MeetingMode.ONLINE, MeetingMode.BLENDED) and not self.online_link:
            errors["online_link"] = _("Online and blended meetings need a link.")
        try:
            recurrence.parse_excluded_dates(self.excluded_dates)
        except ValidationError as error:
            errors["excluded_dates"] = error
        if self.repeat:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _("Give an end date or a number of meetings, not both.")
            if self.start and self.repeat_until and self.repeat_until < self.local_start.date():
                errors["repeat_until"] = _("The end date is before the first meeting.")
            if self.start and "excluded_dates" not in errors and not errors:
                rule = self.rrule
                first = next(iter(rule), None) if rule is not None else None
                if first != self.local_start.replace(tzinfo=None):
                    errors["start"] = _(
                        "The first meeting must fall on the rule's day, e.g. on the second "
                        "Thursday for a meeting every second Thursday."
                    )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None and hasattr(parent.specific, "regency_id"):
            self.regency_id = parent.specific.regency_id
            self.__dict__.pop("zone", None)
        self.series_end = self._compute_series_end()
        return super().save(*args, **kwargs)

    def _compute_series_end(self):
        if not (self.start and self.end):
            return None
        if not self.repeat:
            return self.end
        if self.repeat_until or self.repeat_count:
            occurrences = self.occurrences()
            return occurrences[-1].end if occurrences else self.end
        return None

    # --- time -----------------------------------------------------------------------------

    @cached_property
    def zone(self):
        """The community's time zone (from its province)."""
        regency = self.regency if self.regency_id else None
        if regency is not None:
            return regency.province.zoneinfo
        return ZoneInfo(settings.TIME_ZONE)

    @property
    def zone_label(self):
        """WIB, WITA or WIT."""
        return zone_label(self.zone.key)

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def excluded_date_list(self):
        try:
            return recurrence.parse_excluded_dates(self.excluded_dates)
        except ValidationError:
            return []

    @property
    def rrule(self):
        if not self.repeat or not self.start:
            return None
        return recurrence.build_rrule(
            self.repeat,
            self.local_start.replace(tzinfo=None),
            interval=self.repeat_interval,
            position=self.repeat_position,
            until=self.repeat_until,
            count=self.repeat_count,
        )

    @property
    def rrule_parts(self):
        """The recurrence as RFC 5545 RRULE parts, UNTIL as an aware datetime."""
        until = None
        if self.repeat_until:
            until = datetime.datetime.combine(
                self.repeat_until, datetime.time(23, 59, 59), tzinfo=self.zone
            ).astimezone(datetime.UTC)
        return recurrence.rule_parts(
            self.repeat,
            self.local_start,
            interval=self.repeat_interval,
            position=self.repeat_position,
            until=until,
            count=self.repeat_count,
        )

    def occurrences(self, after=None, limit=None):
        """The dates of this meeting (one, or each repetition), as aware Occurrences in the
        community's time zone; `after` keeps those not ended by then."""
        return recurrence.expand(
            self.start,
            self.end,
            self.zone,
            rule=self.rrule,
            excluded=self.excluded_date_list,
            after=after,
            limit=limit,
        )

    def upcoming_occurrences(self, limit=6):
        return self.occurrences(after=timezone.now(), limit=limit)

    @property
    def is_recurring(self):
        return bool(self.repeat)

    @property
    def is_past(self):
        return self.series_end is not None and self.series_end <= timezone.now()

    @property
    def community(self):
        return self.get_parent().specific

    # --- page views -----------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        from communities import reference
        from communities.registration import RegistrationForm

        context = super().get_context(request, *args, **kwargs)
        if self.regency_id:  # the time zone and the JSON-LD address
            self.regency = reference.regency(request, self.regency_id)
            self.__dict__.pop("zone", None)
        community = self.get_parent().specific
        upcoming = self.upcoming_occurrences(limit=6)
        context.update(
            community=community,
            upcoming=upcoming,
            is_past=not upcoming,
            actions=list(self.actions.all()),
            reflections=list(self.reflections.select_related("earlier_meeting")),
            json_ld=self.json_ld(request, community),
        )
        if upcoming and "registration_form" not in context:
            context["registration_form"] = RegistrationForm(meeting=self)
        return context

    @path("kalender/")
    def ics(self, request):
        from communities.calendars import calendar_response

        return calendar_response(request, [self], name=self.title, filename=f"{self.slug}.ics")

    @path("daftar/", name="register")
    def register(self, request):
        from communities.registration import handle_registration

        return handle_registration(self, request)

    @path("daftar/terima-kasih/<str:token>/", name="registered")
    def registered(self, request, token):
        from communities.registration import confirmation

        return confirmation(self, request, token)

    # --- schema.org -----------------------------------------------------------------------

    def json_ld(self, request, community=None):
        """schema.org Event as a JSON string safe to put inside a <script> element."""
        community = community or self.community
        upcoming = self.upcoming_occurrences(limit=1)
        occurrence = upcoming[0] if upcoming else self.occurrences()[-1]
        mode = {
            MeetingMode.FACE_TO_FACE: "https://schema.org/OfflineEventAttendanceMode",
            MeetingMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
            MeetingMode.BLENDED: "https://schema.org/MixedEventAttendanceMode",
        }[self.mode]
        locations = []
        if self.mode != MeetingMode.ONLINE:
            address = {"@type": "PostalAddress", "streetAddress": self.address}
            if self.regency_id:
                address["addressLocality"] = self.regency.name
                address["addressRegion"] = self.regency.province.name
            address["addressCountry"] = "ID"
            locations.append({"@type": "Place", "name": self.address, "address": address})
        if self.mode != MeetingMode.FACE_TO_FACE:
            locations.append({"@type": "VirtualLocation", "url": self.online_link})
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": self.get_full_url(request),
            "startDate": occurrence.start.isoformat(),
            "endDate": occurrence.end.isoformat(),
            "eventAttendanceMode": mode,
            "eventStatus": "https://schema.org/EventScheduled",
            "location": locations[0] if len(locations) == 1 else locations,
            "organizer": {
                "@type": "Organization",
                "name": community.title,
                "url": community.get_full_url(request),
            },
            "inLanguage": self.locale.language_code,
        }
        description = strip_tags(self.agenda or "").strip()
        if description:
            data["description"] = description
        text = json.dumps(data, ensure_ascii=False)
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return mark_safe(text)  # noqa: S308 - JSON with <, > and & escaped


class MeetingAction(TranslatableMixin, Orderable):
    """An action agreed at a meeting (aksi nyata): what, who, by when, measured how."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="actions")
    what = models.CharField(_("what"), max_length=300)
    who = models.CharField(_("who"), max_length=200)
    due = models.DateField(_("by when"), null=True, blank=True)
    measure = models.CharField(_("measurable result"), max_length=300, blank=True)

    panels = [FieldPanel("what"), FieldPanel("who"), FieldPanel("due"), FieldPanel("measure")]

    translatable_fields = [
        TranslatableField("what"),
        TranslatableField("measure"),
        TranslatableField("who"),
        SynchronizedField("due"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.what


def _earlier_meetings():
    return models.Q(start__lt=timezone.now())


class MeetingReflection(TranslatableMixin, Orderable):
    """Looking back on an action agreed at an earlier meeting: what happened."""

    page = ParentalKey(MeetingPage, on_delete=models.CASCADE, related_name="reflections")
    earlier_meeting = models.ForeignKey(
        MeetingPage,
        verbose_name=_("meeting where the action was agreed"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        limit_choices_to=_earlier_meetings,
    )
    text = models.TextField(_("reflection"))

    panels = [FieldPanel("earlier_meeting"), FieldPanel("text")]

    translatable_fields = [TranslatableField("text"), SynchronizedField("earlier_meeting")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")

    def clean(self):
        super().clean()
        if self.earlier_meeting_id and self.page_id and self.earlier_meeting_id == self.page_id:
            raise ValidationError({"earlier_meeting": _("Choose an earlier meeting.")})

    def __str__(self):
        return self.text[:60]


def _token():
    return secrets.token_urlsafe(16)


class Registration(models.Model):
    """A teacher's registration for one date of a meeting. Personal data (UU PDP): kept to
    organise the meeting, visible only to that community's maintainers and editors."""

    meeting = models.ForeignKey(
        MeetingPage,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    occurrence_start = models.DateTimeField(_("date"))
    name = models.CharField(_("name"), max_length=120)
    school = models.CharField(_("school"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=20, blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    attended = models.BooleanField(_("attended"), default=False)
    token = models.CharField(max_length=40, unique=True, default=_token, editable=False)

    class Meta:
        ordering = ["occurrence_start", "name"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")

    def __str__(self):
        return f"{self.name} ({self.school})"

    @property
    def local_occurrence_start(self):
        return self.occurrence_start.astimezone(self.meeting.zone)
