"""Admin views: bulk import (with dry run), its templates, and the most downloaded resources."""

import csv
import io

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy

from . import importer
from .models import LearningResourceIndexPage, LearningResourcePage

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def can_import(user):
    return user.is_active and user.has_perm("resources.import_resources")


def _libraries(user):
    """Libraries (one per language) where `user` may add resources."""
    pages = LearningResourceIndexPage.objects.select_related("locale").order_by("locale_id")
    return [page for page in pages if page.permissions_for_user(user).can_add_subpage()]


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV or XLSX file"),
        help_text=gettext_lazy("At most 5 MB, UTF-8, with the columns listed below."),
    )
    library = forms.TypedChoiceField(label=gettext_lazy("Library"), coerce=int)
    publish = forms.TypedChoiceField(
        label=gettext_lazy("Create resources as"),
        choices=[("0", gettext_lazy("Drafts")), ("1", gettext_lazy("Published pages"))],
        coerce=lambda value: value == "1",
        initial="0",
        widget=forms.RadioSelect,
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: only check the file, write nothing"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, libraries, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.libraries = {page.pk: page for page in libraries}
        self.user = user
        self.fields["library"].choices = [
            (page.pk, f"{page.title} ({page.locale.get_display_name()})") for page in libraries
        ]

    def clean(self):
        cleaned = super().clean()
        library = self.libraries.get(cleaned.get("library"))
        may_publish = library is None or (
            library.permissions_for_user(self.user).can_publish_subpage()
        )
        if cleaned.get("publish") and not may_publish:
            self.add_error("publish", gettext_lazy("You may not publish in this library."))
        return cleaned


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    libraries = _libraries(request.user)
    if not libraries:
        raise PermissionDenied
    context = {"columns": importer.COLUMNS, "max_mb": importer.MAX_UPLOAD_BYTES // 1024 // 1024}
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES, libraries=libraries, user=request.user)
        if form.is_valid():
            context.update(_run_import(request, form))
    else:
        form = ImportForm(libraries=libraries, user=request.user)
    context["form"] = form
    return render(request, "resources/admin/import.html", context)


def _run_import(request, form):
    library = form.libraries[form.cleaned_data["library"]]
    try:
        header, rows = importer.read_table(form.cleaned_data["file"])
    except importer.ImportFileError as error:
        return {"file_error": str(error)}
    cleaned, errors = importer.validate(header, rows, library)
    report = {"row_count": len(rows), "errors": errors, "dry_run": form.cleaned_data["dry_run"]}
    if errors or form.cleaned_data["dry_run"]:
        return report
    result = importer.apply(cleaned, library, request.user, form.cleaned_data["publish"])
    report["result"] = result
    return report


def import_template(request, fmt):
    if not can_import(request.user):
        raise PermissionDenied
    header, example = importer.template_rows()
    if fmt == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = "sumber-belajar"
        sheet.append(header)
        sheet.append(example)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        writer.writerow(example)
        response = HttpResponse(buffer.getvalue().encode("utf-8"), content_type="text/csv")
        fmt = "csv"
    response["Content-Disposition"] = f'attachment; filename="sumber-belajar-template.{fmt}"'
    return response


def most_downloaded(request):
    if not can_import(request.user):
        raise PermissionDenied
    resources = (
        LearningResourcePage.objects.annotate(downloads=Sum("download_counts__count"))
        .filter(downloads__gt=0)
        .select_related("locale")
        .order_by("-downloads", "title")[:50]
    )
    return render(
        request,
        "resources/admin/most_downloaded.html",
        {"resources": resources},
    )
