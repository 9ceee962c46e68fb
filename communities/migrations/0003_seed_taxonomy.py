"""Seed the school levels, Kurikulum Merdeka subjects and common topics, in both languages.

Editors extend these in the admin (Snippets); the slug is shared by both languages.
"""

import uuid

from django.db import migrations

LEVELS = [
    ("paud", "PAUD", "Early childhood (PAUD)"),
    ("sd", "SD", "Primary school (SD)"),
    ("smp", "SMP", "Junior secondary (SMP)"),
    ("sma", "SMA", "Senior secondary (SMA)"),
    ("smk", "SMK", "Vocational secondary (SMK)"),
    ("slb", "SLB", "Special needs school (SLB)"),
]
SUBJECTS = [
    ("pendidikan-agama", "Pendidikan Agama dan Budi Pekerti", "Religious and moral education"),
    ("pendidikan-pancasila", "Pendidikan Pancasila", "Pancasila education"),
    ("bahasa-indonesia", "Bahasa Indonesia", "Indonesian language"),
    ("matematika", "Matematika", "Mathematics"),
    ("ipas", "Ilmu Pengetahuan Alam dan Sosial (IPAS)", "Natural and social sciences (IPAS)"),
    ("ipa", "Ilmu Pengetahuan Alam (IPA)", "Natural sciences (IPA)"),
    ("ips", "Ilmu Pengetahuan Sosial (IPS)", "Social sciences (IPS)"),
    ("bahasa-inggris", "Bahasa Inggris", "English language"),
    ("seni-budaya", "Seni dan Budaya", "Arts and culture"),
    (
        "pjok",
        "Pendidikan Jasmani, Olahraga, dan Kesehatan (PJOK)",
        "Physical education and health (PJOK)",
    ),
    ("informatika", "Informatika", "Informatics"),
    ("prakarya", "Prakarya", "Crafts and entrepreneurship"),
    ("bahasa-daerah", "Muatan Lokal dan Bahasa Daerah", "Local content and regional languages"),
    ("fisika", "Fisika", "Physics"),
    ("kimia", "Kimia", "Chemistry"),
    ("biologi", "Biologi", "Biology"),
    ("sejarah", "Sejarah", "History"),
    ("geografi", "Geografi", "Geography"),
    ("ekonomi", "Ekonomi", "Economics"),
    ("sosiologi", "Sosiologi", "Sociology"),
]
TOPICS = [
    ("merdeka-belajar", "Merdeka belajar", "Merdeka belajar (freedom to learn)"),
    ("pembelajaran-berdiferensiasi", "Pembelajaran berdiferensiasi", "Differentiated learning"),
    ("asesmen", "Asesmen diagnostik dan formatif", "Diagnostic and formative assessment"),
    ("literasi", "Literasi", "Literacy"),
    ("numerasi", "Numerasi", "Numeracy"),
    (
        "p5",
        "Projek Penguatan Profil Pelajar Pancasila (P5)",
        "Pancasila student profile projects (P5)",
    ),
    ("pembelajaran-sosial-emosional", "Pembelajaran sosial-emosional", "Social-emotional learning"),
    ("disiplin-positif", "Disiplin positif", "Positive discipline"),
    ("pendidikan-inklusif", "Pendidikan inklusif", "Inclusive education"),
    ("teknologi-pembelajaran", "Teknologi dalam pembelajaran", "Technology in learning"),
    ("kepemimpinan-sekolah", "Kepemimpinan sekolah", "School leadership"),
    ("refleksi", "Refleksi praktik mengajar", "Reflecting on teaching practice"),
]


def seed(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    locale_id = Locale.objects.get(language_code="id")
    locale_en = Locale.objects.get(language_code="en")
    for model_name, terms in (("SchoolLevel", LEVELS), ("Subject", SUBJECTS), ("Topic", TOPICS)):
        model = apps.get_model("communities", model_name)
        for order, (slug, name_id, name_en) in enumerate(terms, start=1):
            if model.objects.filter(slug=slug, locale=locale_id).exists():
                continue
            key = uuid.uuid4()
            for locale, name in ((locale_id, name_id), (locale_en, name_en)):
                model.objects.create(
                    translation_key=key, locale=locale, slug=slug, name=name, sort_order=order
                )


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0002_load_regions"),
        ("home", "0002_locales_and_homepage"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
