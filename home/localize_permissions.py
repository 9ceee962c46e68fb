"""wagtail-localize's "Translate" and "Sync translations" views only check the global
*Can submit translations* permission, not whether the user may edit what they translate.
District editors hold that permission for their own pages, so without these checks an editor
of one regency could create or sync translations of another regency's pages, and of snippets
they may not edit (the permission matrix, tests/trust/test_permission_matrix.py, has the rows).

The same views, registered at the same addresses ahead of wagtail-localize's own (see
home/wagtail_hooks.py), with the check wagtail-localize applies in its translation editor:
page edit permission for pages, edit permission on the snippet model for snippets.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path
from wagtail.models import Page
from wagtail.snippets.permissions import user_can_edit_snippet_type
from wagtail.snippets.views.snippets import get_snippet_model_from_url_params
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)
from wagtail_localize.views.update_translations import UpdateTranslationsView


def _require_edit(user, instance):
    if isinstance(instance, Page):
        allowed = instance.permissions_for_user(user).can_edit()
    else:
        allowed = user_can_edit_snippet_type(user, type(instance))
    if not allowed:
        raise PermissionDenied


class PageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        _require_edit(request.user, get_object_or_404(Page, pk=kwargs["page_id"]).specific)
        return super().dispatch(request, *args, **kwargs)


class SnippetTranslationView(SubmitSnippetTranslationView):
    def dispatch(self, request, *args, **kwargs):
        model = get_snippet_model_from_url_params(kwargs["app_label"], kwargs["model_name"])
        if not user_can_edit_snippet_type(request.user, model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class SyncTranslationsView(UpdateTranslationsView):
    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, pk=kwargs["translation_source_id"])
        _require_edit(request.user, source.get_source_instance())
        return super().dispatch(request, *args, **kwargs)


def urls():
    """Same paths as wagtail-localize's (its URLs are included under "localize/")."""
    return [
        path("localize/submit/page/<int:page_id>/", PageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SnippetTranslationView.as_view(),
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            SyncTranslationsView.as_view(),
        ),
    ]
