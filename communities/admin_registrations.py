"""Registrations in the Wagtail admin: a community's maintainers (and its district editors
and administrators) see who registered for their meetings, export them as CSV and mark
attendance. Everyone else sees nothing: no menu item, no rows, 404 on a row."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from communities.models import MeetingPage, Registration
from home.spreadsheets import FormulaSafeExportMixin


def editable_meetings(user):
    """The meeting pages `user` may edit (maintainers: their community's; editors: their
    district's; superusers: all)."""
    if not user.is_active:
        return MeetingPage.objects.none()
    pages = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return MeetingPage.objects.filter(pk__in=pages.values("pk"))


class RegistrationPermissionPolicy(BasePermissionPolicy):
    """Viewing and marking attendance follow page permissions on the meeting; registrations
    are never added or deleted in the admin (consent is given by the person)."""

    ALLOWED = {"view", "change", "export"}

    def user_has_permission(self, user, action):
        if action not in self.ALLOWED or not user.is_active:
            return False
        return user.is_superuser or editable_meetings(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        if action not in self.ALLOWED or not user.is_active:
            return False
        return editable_meetings(user).filter(pk=instance.meeting_id).exists()

    def instances_user_has_permission_for(self, user, action):
        if action not in self.ALLOWED:
            return Registration.objects.none()
        return Registration.objects.filter(meeting__in=editable_meetings(user))


register_permission_policy(Registration, RegistrationPermissionPolicy(Registration))


class RegistrationIndexView(FormulaSafeExportMixin, generic.IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(meeting__in=editable_meetings(self.request.user))
            .select_related("meeting")
        )


class RegistrationEditView(generic.EditView):
    def get_object(self, queryset=None):
        queryset = Registration.objects.filter(meeting__in=editable_meetings(self.request.user))
        return super().get_object(queryset)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    edit_view_class = RegistrationEditView
    form_fields = ["attended"]
    list_display = [
        "name",
        "school",
        "meeting",
        "occurrence_start",
        "email",
        "whatsapp",
        BooleanColumn("attended", label=_("attended")),
    ]
    list_filter = ["attended"]
    search_fields = ["name", "school", "email", "whatsapp"]
    list_export = [
        "meeting",
        "occurrence_start",
        "name",
        "school",
        "email",
        "whatsapp",
        "consent_given_at",
        "created_at",
        "attended",
    ]
    export_filename = "pendaftaran"
    ordering = ["-occurrence_start", "name"]
    copy_view_enabled = False
    inspect_view_enabled = False


registration_viewset = RegistrationViewSet("registrations")
