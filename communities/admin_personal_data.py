"""Personal data requests (UU PDP): an administrator finds every registration of one person
across all meetings, exports them (CSV or JSON) and erases them. Superusers only; each export
and erasure goes into Wagtail's audit log against the meeting, with a count, not the person."""

import csv
import json
from collections import Counter

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from communities.models import MeetingPage, Registration
from communities.registration import normalise_whatsapp

EXPORT_ACTION = "portal.personal_data.export"
ERASE_ACTION = "portal.personal_data.erase"
CRITERIA = ("email", "whatsapp", "name")
FIELDS = [
    "meeting",
    "language",
    "date",
    "name",
    "school",
    "email",
    "whatsapp",
    "consent_given_at",
    "registered_at",
    "attended",
]


class PersonSearchForm(forms.Form):
    """Who the request is about: the e-mail address and/or WhatsApp number they registered
    with (either one matches), optionally narrowed to one name."""

    email = forms.EmailField(label=_("E-mail"), required=False)
    whatsapp = forms.CharField(label=_("WhatsApp number"), max_length=30, required=False)
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        required=False,
        help_text=_("Optional: only registrations under exactly this name (any letter case)."),
    )

    def clean_whatsapp(self):
        return normalise_whatsapp(self.cleaned_data.get("whatsapp"))

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("email") and not cleaned.get("whatsapp"):
            raise forms.ValidationError(
                _("Give the e-mail address or the WhatsApp number the person registered with."),
                code="identifier",
            )
        return cleaned

    def registrations(self):
        data = self.cleaned_data
        match = Q(pk__in=[])
        if data["email"]:
            match |= Q(email__iexact=data["email"])
        if data["whatsapp"]:
            match |= Q(whatsapp=data["whatsapp"])
        found = Registration.objects.filter(match)
        if data["name"]:
            found = found.filter(name__iexact=data["name"].strip())
        return found.select_related("meeting", "meeting__locale").order_by("occurrence_start", "pk")

    def query_string(self):
        return urlencode({name: self.cleaned_data[name] for name in CRITERIA})


def rows(registrations):
    """One dict per registration: what the person gave, and the meeting it was for."""
    return [
        {
            "meeting": registration.meeting.title,
            "language": registration.meeting.locale.language_code,
            "date": registration.local_occurrence_start.isoformat(),
            "name": registration.name,
            "school": registration.school,
            "email": registration.email,
            "whatsapp": registration.whatsapp,
            "consent_given_at": registration.consent_given_at.isoformat(),
            "registered_at": registration.created_at.isoformat(),
            "attended": registration.attended,
        }
        for registration in registrations
    ]


def log_per_meeting(action, registrations, user, **data):
    """One audit-log entry per meeting, holding only how many of its registrations."""
    counts = Counter(registration.meeting_id for registration in registrations)
    for meeting in MeetingPage.objects.filter(pk__in=counts):
        log(meeting, action, user=user, data={"count": counts[meeting.pk], **data})


class SuperuserOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        # Wagtail's admin turns this into a redirect to the dashboard with an error message.
        if not (request.user.is_active and request.user.is_superuser):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class PersonalDataView(SuperuserOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Personal data requests")
    header_icon = "user"
    template_name = "communities/admin/personal_data.html"

    def get(self, request, *args, **kwargs):
        form = PersonSearchForm(request.GET if request.GET else None)
        context = self.get_context_data(form=form)
        status = 200
        if form.is_bound:
            if form.is_valid():
                registrations = list(form.registrations())
                context.update(
                    searched=True,
                    registrations=registrations,
                    rows=rows(registrations),
                    query=form.query_string(),
                )
            else:
                status = 400
        return self.render_to_response(context, status=status)


class ExportView(PersonalDataView):
    def get(self, request, *args, **kwargs):
        form = PersonSearchForm(request.GET)
        file_format = request.GET.get("format", "csv")
        if not form.is_valid() or file_format not in ("csv", "json"):
            return super().get(request, *args, **kwargs)
        registrations = list(form.registrations())
        data = rows(registrations)
        if file_format == "json":
            response = HttpResponse(
                json.dumps({"registrations": data}, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
        else:
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            writer = csv.DictWriter(response, fieldnames=FIELDS)
            writer.writeheader()
            writer.writerows(data)
        response["Content-Disposition"] = f'attachment; filename="data-pribadi.{file_format}"'
        log_per_meeting(EXPORT_ACTION, registrations, request.user, format=file_format)
        return response


class EraseView(SuperuserOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """GET asks for confirmation; only a POST (with Django's CSRF token) erases."""

    page_title = _("Erase personal data")
    header_icon = "bin"
    template_name = "communities/admin/personal_data_erase.html"

    def get(self, request, *args, **kwargs):
        form = PersonSearchForm(request.GET)
        if not form.is_valid():
            return redirect(reverse("personal_data:search") + "?" + request.GET.urlencode())
        registrations = list(form.registrations())
        return self.render_to_response(
            self.get_context_data(form=form, rows=rows(registrations), registrations=registrations)
        )

    def post(self, request, *args, **kwargs):
        form = PersonSearchForm(request.POST)
        if not form.is_valid():
            return redirect(reverse("personal_data:search"))
        # Exactly the rows the administrator confirmed, and only if they still match.
        ids = [value for value in request.POST.getlist("registration") if value.isdigit()]
        with transaction.atomic():
            registrations = list(form.registrations().filter(pk__in=ids))
            Registration.objects.filter(pk__in=[r.pk for r in registrations]).delete()
            log_per_meeting(ERASE_ACTION, registrations, request.user)
        messages.success(
            request,
            ngettext(
                "Erased %(count)s registration.",
                "Erased %(count)s registrations.",
                len(registrations),
            )
            % {"count": len(registrations)},
        )
        return redirect(reverse("personal_data:search") + "?" + form.query_string())


urlpatterns = [
    path("", PersonalDataView.as_view(), name="search"),
    path("export/", ExportView.as_view(), name="export"),
    path("erase/", EraseView.as_view(), name="erase"),
]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser
