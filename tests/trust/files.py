"""Small but real files of every type the portal accepts, and disguised ones it refuses."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
ODF = {
    "odt": "application/vnd.oasis.opendocument.text",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
}
OOXML = {"docx": "word/document.xml", "xlsx": "xl/workbook.xml", "pptx": "ppt/presentation.xml"}
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8" onload="alert(1)">'
    b'<rect width="8" height="8"/></svg>'
)


def _zip(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in entries:
            # Fixed dates: the same bytes every time. OpenDocument stores its mimetype first.
            package.writestr(zipfile.ZipInfo(name, date_time=(2025, 7, 1, 0, 0, 0)), data)
    return buffer.getvalue()


def document_bytes(extension):
    """The content of a genuine (minimal) document of this type."""
    if extension == "pdf":
        return b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    if extension in ("doc", "xls", "ppt"):
        return OLE2
    if extension in OOXML:
        return _zip([("[Content_Types].xml", "<Types/>"), (OOXML[extension], "<x/>")])
    if extension in ODF:
        return _zip([("mimetype", ODF[extension]), ("content.xml", "<office:document/>")])
    if extension == "csv":
        return b"nama,sekolah\nRatna Sari,SD Negeri 1 Negara\n"
    return b"Catatan pertemuan: aksi nyata bulan Juli.\n"


def upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def png_bytes(size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()
