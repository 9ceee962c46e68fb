"""The search page (/id/cari/, /en/search/) and its suggestions endpoint."""

from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from home.i18n import active_locale

from . import listing
from .suggest import suggestions


@require_safe
def search(request):
    context = listing.search(request, active_locale())
    return TemplateResponse(request, "search/search.html", context)


@require_safe
def suggest(request):
    results = suggestions(request, request.GET.get("q", ""), active_locale())
    response = JsonResponse({"suggestions": results})
    patch_cache_control(response, public=True, max_age=300)
    return response
