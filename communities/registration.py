"""Registering for a meeting (RSVP): the form, its rules, and the post/redirect/get flow."""

import logging
import re

from django import forms
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from communities.models import MeetingPage, Registration
from communities.registration_guard import honeypot_filled, over_rate_limit

logger = logging.getLogger(__name__)

WHATSAPP_DIGITS = re.compile(r"^62[1-9]\d{7,12}$")


def normalise_whatsapp(value):
    """Indonesian phone numbers as +62 followed by digits: 0812-3456-7890, 62812..., +62 812...
    Returns '' for an empty value; raises ValidationError for anything else."""
    value = (value or "").strip()
    if not value:
        return ""
    digits = re.sub(r"[\s\-\.\(\)]", "", value)
    if digits.startswith("+"):
        digits = digits[1:]
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    elif digits.startswith("8"):
        digits = "62" + digits
    if not digits.isdigit() or not WHATSAPP_DIGITS.match(digits):
        raise forms.ValidationError(
            _("Give an Indonesian WhatsApp number, e.g. 0812-3456-7890."), code="whatsapp"
        )
    return "+" + digits


def occurrence_label(occurrence, meeting):
    start = formats.date_format(occurrence.start, "l, j F Y, H.i")
    end = formats.time_format(occurrence.end, "H.i")
    return f"{start}–{end} {meeting.zone_label}"


class RegistrationForm(forms.Form):
    """Exactly what a registration stores (see the privacy page), each field saying why."""

    occurrence = forms.ChoiceField(
        label=_("Date"), help_text=_("The date you will come to, so the community can plan.")
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        help_text=_("So the community knows who is coming and can keep an attendance list."),
    )
    school = forms.CharField(
        label=_("School"),
        max_length=200,
        help_text=_("So the community knows which schools take part."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_(
            "To tell you about changes to this meeting. An e-mail address or a WhatsApp "
            "number is enough."
        ),
    )
    whatsapp = forms.CharField(
        label=_("WhatsApp number"),
        max_length=30,
        required=False,
        help_text=_("E.g. 0812-3456-7890. For the same reason, if you prefer WhatsApp."),
    )
    # The honeypot: hidden by CSS (class visually-hidden in the template), out of the tab
    # order, and labelled for screen-reader users, who are told to leave it empty.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        help_text=_("It is here to catch spam robots."),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the community stores my name, school, e-mail and WhatsApp number "
            "to organise this meeting and contact me about it."
        ),
        help_text=_(
            "Only the community's maintainers and the district editors see these details. "
            "They are not published or shared. Ask the community's contact person to delete "
            "them at any time (UU No. 27/2022 on personal data protection)."
        ),
        error_messages={"required": _("Please agree to the storing of your details.")},
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        self.upcoming = meeting.upcoming_occurrences(limit=6)
        self.fields["occurrence"].choices = [
            (occurrence.key, occurrence_label(occurrence, meeting)) for occurrence in self.upcoming
        ]
        if len(self.upcoming) == 1:
            self.fields["occurrence"].initial = self.upcoming[0].key
            self.fields["occurrence"].widget = forms.HiddenInput()

    def clean_whatsapp(self):
        return normalise_whatsapp(self.cleaned_data.get("whatsapp"))

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("email")
            and not cleaned.get("whatsapp")
            and not self.has_error("email")
            and not self.has_error("whatsapp")
        ):
            raise forms.ValidationError(
                _("Give an e-mail address or a WhatsApp number, so the community can reach you."),
                code="contact",
            )
        key = cleaned.get("occurrence")
        if key:
            cleaned["occurrence_obj"] = next(o for o in self.upcoming if o.key == key)
        return cleaned

    def save(self):
        """Store the registration, or add a form error and return None when the meeting is
        full or the person has registered already. Nothing is stored on any error."""
        occurrence = self.cleaned_data["occurrence_obj"]
        meeting = self.meeting
        with transaction.atomic():
            # Lock the meeting row so two last-minute registrations cannot both fit.
            MeetingPage.objects.select_for_update().filter(pk=meeting.pk).first()
            same_date = Registration.objects.filter(
                meeting__translation_key=meeting.translation_key,
                occurrence_start=occurrence.start,
            )
            email, whatsapp = self.cleaned_data["email"], self.cleaned_data["whatsapp"]
            match = Q(pk__in=[])
            if email:
                match |= Q(email__iexact=email)
            if whatsapp:
                match |= Q(whatsapp=whatsapp)
            duplicate = same_date.filter(match)
            if duplicate.exists():
                self.add_error(
                    None,
                    _t("You have already registered for this date. See you there!"),
                )
                return None
            if meeting.capacity is not None and same_date.count() >= meeting.capacity:
                self.add_error(
                    None,
                    _t(
                        "Sorry, this date is full: all %(capacity)s places are taken. "
                        "Choose another date or contact the community."
                    )
                    % {"capacity": meeting.capacity},
                )
                return None
            return Registration.objects.create(
                meeting=meeting,
                occurrence_start=occurrence.start,
                name=self.cleaned_data["name"],
                school=self.cleaned_data["school"],
                email=email,
                whatsapp=whatsapp,
                consent_given_at=timezone.now(),
            )


def handle_registration(meeting, request):
    if request.method == "GET":
        return redirect(meeting.url + "#daftar")
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "POST"])
    form = RegistrationForm(request.POST, meeting=meeting)
    if not form.upcoming:
        raise Http404
    if over_rate_limit(meeting, request):
        return rate_limited(meeting, request)
    if honeypot_filled(request.POST):
        logger.warning("Registration for meeting %s dropped: honeypot filled", meeting.pk)
        return decoy_confirmation(meeting, request, form)
    if form.is_valid():
        registration = form.save()
        if registration is not None:
            return redirect(
                meeting.url + meeting.reverse_subpage("registered", args=[registration.token])
            )
    return meeting.render(
        request, context_overrides={"registration_form": form, "registration_failed": True}
    )


def rate_limited(meeting, request):
    """429: the meeting page with a fresh form (the visitor's answers kept) and a notice."""
    minutes = max(1, settings.REGISTRATION_RATE_WINDOW // 60)
    notice = ngettext(
        "Too many registrations for this meeting were sent from your network. Please try "
        "again in %(minutes)s minute, or contact the community.",
        "Too many registrations for this meeting were sent from your network. Please try "
        "again in %(minutes)s minutes, or contact the community.",
        minutes,
    ) % {"minutes": minutes}
    initial = {
        name: request.POST.get(name, "")
        for name in ("occurrence", "name", "school", "email", "whatsapp")
    }
    response = meeting.render(
        request,
        context_overrides={
            "registration_form": RegistrationForm(meeting=meeting, initial=initial),
            "registration_notice": notice,
        },
    )
    response.status_code = 429
    response["Retry-After"] = str(settings.REGISTRATION_RATE_WINDOW)
    return response


def decoy_confirmation(meeting, request, form):
    """What a bot that filled the honeypot sees: the confirmation page, nothing stored."""
    form.is_valid()
    data = form.cleaned_data
    occurrence = data.get("occurrence_obj") or form.upcoming[0]
    registration = Registration(
        meeting=meeting,
        occurrence_start=occurrence.start,
        **{name: data.get(name, "") for name in ("name", "school", "email", "whatsapp")},
    )
    return confirmation_response(meeting, request, registration)


def confirmation(meeting, request, token):
    registration = (
        Registration.objects.filter(token=token, meeting__translation_key=meeting.translation_key)
        .select_related("meeting")
        .first()
    )
    if registration is None:
        raise Http404
    return confirmation_response(meeting, request, registration)


def confirmation_response(meeting, request, registration):
    start = registration.occurrence_start.astimezone(meeting.zone)
    occurrence = next(
        (o for o in meeting.occurrences() if o.start == start),
        None,
    )
    response = TemplateResponse(
        request,
        "communities/meeting_registered.html",
        {
            "page": meeting,
            "self": meeting,
            "registration": registration,
            "occurrence_label": occurrence_label(occurrence, meeting) if occurrence else start,
            "ics_url": meeting.url + meeting.reverse_subpage("ics"),
        },
    )
    # A visitor's name and school: no cache (ours, a CDN's, a browser's) may keep it.
    add_never_cache_headers(response)
    return response
