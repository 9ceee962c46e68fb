"""Load the 38 provinces and 514 regencies/cities from fixtures/wilayah/ (ODbL)."""

import csv

from django.conf import settings
from django.db import migrations
from django.utils.text import slugify

WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
ACRONYMS = {"Dki": "DKI"}


def display_name(official):
    return " ".join(ACRONYMS.get(word, word) for word in official.title().split())


def time_zone(province_code):
    if province_code in WITA:
        return "Asia/Makassar"
    if province_code in WIT:
        return "Asia/Jayapura"
    return "Asia/Jakarta"


def load(apps, schema_editor):
    Province = apps.get_model("communities", "Province")
    Regency = apps.get_model("communities", "Regency")
    folder = settings.BASE_DIR / "fixtures" / "wilayah"

    provinces = {}
    with open(folder / "provinces.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = display_name(row["name"])
            provinces[row["code"]], _ = Province.objects.update_or_create(
                code=row["code"],
                defaults={"name": name, "slug": slugify(name), "time_zone": time_zone(row["code"])},
            )

    seen = set()
    with open(folder / "regencies.csv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            province = provinces[row["province_code"]]
            name = display_name(row["name"])
            slug = slugify(name)
            if slug in seen:
                slug = f"{slug}-{province.slug}"
            seen.add(slug)
            Regency.objects.update_or_create(
                code=row["code"],
                defaults={
                    "province": province,
                    "name": name,
                    "slug": slug,
                    "kind": "kota" if row["name"].startswith("KOTA ") else "kabupaten",
                },
            )


class Migration(migrations.Migration):
    dependencies = [("communities", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
