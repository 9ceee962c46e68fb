"""A small pool of generated images and documents, reused by many pages (as teachers
reuse the same photos and worksheets). Created once; a second run finds them again."""

import io

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from resources.demo_content import minimal_docx, minimal_pdf

COLLECTION_NAME = "Data uji (generate_dataset)"

# (title, background, accent): flat "classroom photo" placeholders that differ visibly.
IMAGES = [
    ("Kegiatan kelompok di kelas", (46, 125, 50), (255, 235, 59)),
    ("Pojok baca kelas 2", (21, 101, 192), (255, 255, 255)),
    ("Diskusi komunitas di ruang guru", (173, 20, 87), (255, 205, 210)),
    ("Hasil karya murid", (230, 81, 0), (255, 243, 224)),
    ("Praktik numerasi dengan benda konkret", (69, 39, 160), (209, 196, 233)),
    ("Projek P5 pengelolaan sampah", (0, 105, 92), (178, 223, 219)),
]
DOCUMENTS = [
    ("Modul ajar pecahan senilai", "pdf"),
    ("LKPD siklus air", "docx"),
    ("Instrumen asesmen diagnostik literasi", "pdf"),
    ("Rubrik penilaian projek P5", "docx"),
    ("Notulen pertemuan komunitas", "pdf"),
    ("Lembar observasi kelas", "docx"),
    ("Panduan kesepakatan kelas", "pdf"),
    ("Bahan presentasi pembelajaran berdiferensiasi", "pdf"),
]


def collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def _picture(number, background, accent):
    image = Image.new("RGB", (1200, 800), background)
    draw = ImageDraw.Draw(image)
    # A few shapes at positions that depend on the number, so no two images look alike.
    for i in range(5):
        x = (number * 170 + i * 230) % 1000
        y = (number * 90 + i * 140) % 600
        draw.ellipse((x, y, x + 160 + i * 20, y + 160 + i * 20), fill=accent)
    draw.rectangle((0, 640, 1200, 800), fill=tuple(c // 2 for c in background))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def ensure_images():
    model = get_image_model()
    target = collection()
    ids = []
    for number, (title, background, accent) in enumerate(IMAGES):
        image = model.objects.filter(title=title, collection=target).first()
        if image is None:
            content = _picture(number, background, accent)
            image = model(title=title, collection=target)
            image.file.save(f"data-uji-{number + 1}.jpg", ContentFile(content), save=False)
            # Saving the file resets the dimensions to None (no name to sniff): set them after.
            image.width, image.height, image.file_size = 1200, 800, len(content)
            image.save()
        ids.append(image.pk)
    return ids


def ensure_documents():
    model = get_document_model()
    target = collection()
    ids = []
    for title, kind in DOCUMENTS:
        document = model.objects.filter(title=title, collection=target).first()
        if document is None:
            document = model(title=title, collection=target)
            content = minimal_pdf(title) if kind == "pdf" else minimal_docx(title)
            document.file.save(f"{title}.{kind}", ContentFile(content), save=False)
            document.save()
        ids.append(document.pk)
    return ids
