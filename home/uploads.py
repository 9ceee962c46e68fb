"""What may be uploaded, beyond Wagtail's own checks.

Wagtail already refuses a document whose extension is not in WAGTAILDOCS_EXTENSIONS, a file
over WAGTAILDOCS_MAX_UPLOAD_SIZE / WAGTAILIMAGES_MAX_UPLOAD_SIZE, and an image whose content
is not the format its extension names (Willow reads it). It trusts a document's name, though:
a web page or an SVG renamed ``.pdf`` would be stored and served. These forms add:

- documents: the first bytes must be those of the type the extension names (PDF, the OLE2
  container of .doc/.xls/.ppt, the ZIP package of Office Open XML and OpenDocument with the
  right contents); .txt and .csv must be text that a browser would not sniff as HTML or XML;
- documents and images: no hidden second extension that a web server might act on
  (``rapor.php.pdf``, ``foto.html.png``).

They are Wagtail's document and image form bases (WAGTAILDOCS_DOCUMENT_FORM_BASE,
WAGTAILIMAGES_IMAGE_FORM_BASE), so every upload path uses them: the add forms, the multiple
uploaders, the choosers' upload tabs and replacing a file on the edit form.
"""

import re
import zipfile
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

# Extensions a web server or a browser may execute or render, refused anywhere in a name.
HIDDEN_EXTENSIONS = {
    "asp", "aspx", "bat", "cgi", "cmd", "com", "exe", "hta", "htm", "html", "jar", "js",
    "jsp", "msi", "php", "php3", "php4", "php5", "phtml", "pl", "ps1", "py", "scr", "sh",
    "shtml", "svg", "svgz", "vbs", "xht", "xhtml", "xml",
}  # fmt: skip

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .doc, .xls, .ppt (Office 97-2003)
PREFIXES = {
    "pdf": (b"%PDF-",),
    "doc": (OLE2, b"{\\rtf"),  # Word also saves RTF under .doc
    "xls": (OLE2,),
    "ppt": (OLE2,),
}
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_MIMETYPES = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "odp": b"application/vnd.oasis.opendocument.presentation",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
TEXT_EXTENSIONS = {"txt", "csv"}
# What the WHATWG MIME sniffing standard recognises as HTML or XML at the start of a file
# (after whitespace), plus SVG: a text file must not start like that.
MARKUP_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*<(?:!--|\?xml|(?:!doctype\s+html|html|head|script|iframe|h1|div"
    rb"|font|table|a|style|title|b|body|br|p|svg)[\s>/])",
    re.IGNORECASE,
)
SNIFF_BYTES = 1024


def hidden_extension(name):
    """The first dangerous extension hidden before the last one (``x.php.pdf`` → php)."""
    for part in PurePath(name or "").name.lower().split(".")[1:-1]:
        if part.strip() in HIDDEN_EXTENSIONS:
            return part.strip()
    return None


def _head(uploaded):
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return head


def _zip_matches(uploaded, extension):
    try:
        with zipfile.ZipFile(uploaded) as package:
            names = package.namelist()
            if extension in OOXML_FOLDERS:
                folder = OOXML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
            info = package.getinfo("mimetype")
            # OpenDocument stores its type uncompressed first; a large entry is not that.
            return info.file_size < 100 and package.read(info).strip() == ODF_MIMETYPES[extension]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, NotImplementedError):
        return False
    finally:
        uploaded.seek(0)


def content_matches(uploaded, extension):
    """Whether the file's bytes are those of `extension`; True for types we cannot check."""
    head = _head(uploaded)
    if extension in PREFIXES:
        return head.startswith(PREFIXES[extension])
    if extension in OOXML_FOLDERS or extension in ODF_MIMETYPES:
        return head.startswith(b"PK\x03\x04") and _zip_matches(uploaded, extension)
    if extension in TEXT_EXTENSIONS:
        return b"\x00" not in head and not MARKUP_START.match(head)
    return True


def check_name(uploaded):
    extension = hidden_extension(uploaded.name)
    if extension:
        raise ValidationError(
            _(
                "The file name hides a second extension (.%(extension)s). Rename the file "
                "and upload it again."
            )
            % {"extension": extension},
            code="hidden_extension",
        )


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form, with the name and content checks above."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):  # not on an edit that keeps the file
            check_name(uploaded)
            extension = PurePath(uploaded.name).suffix.lower().lstrip(".")
            if not content_matches(uploaded, extension):
                raise ValidationError(
                    _(
                        "This file is not a real .%(extension)s file: its content does not "
                        "match its name. Upload the original file."
                    )
                    % {"extension": extension},
                    code="content_mismatch",
                )
        return uploaded


class ImageForm(BaseImageForm):
    """Wagtail's image form (which checks the content already), with the name check."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if isinstance(uploaded, UploadedFile):
            check_name(uploaded)
        return uploaded
