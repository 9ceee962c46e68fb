"""Registering for a meeting (RSVP): the form, its rules, and the post/redirect/get flow."""

import re

from django import forms
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from communities.models import MeetingPage, Registration

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
    occurrence = forms.ChoiceField(label=_("Date"))
    name = forms.CharField(label=_("Name"), max_length=120)
    school = forms.CharField(label=_("School"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), required=False)
    whatsapp = forms.CharField(
        label=_("WhatsApp number"),
        max_length=30,
        required=False,
        help_text=_("E.g. 0812-3456-7890."),
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
    if form.is_valid():
        registration = form.save()
        if registration is not None:
            return redirect(
                meeting.url + meeting.reverse_subpage("registered", args=[registration.token])
            )
    return meeting.render(
        request, context_overrides={"registration_form": form, "registration_failed": True}
    )


def confirmation(meeting, request, token):
    registration = (
        Registration.objects.filter(token=token, meeting__translation_key=meeting.translation_key)
        .select_related("meeting")
        .first()
    )
    if registration is None:
        raise Http404
    start = registration.occurrence_start.astimezone(meeting.zone)
    occurrence = next(
        (o for o in meeting.occurrences() if o.start == start),
        None,
    )
    return TemplateResponse(
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
