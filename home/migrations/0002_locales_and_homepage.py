"""Create both content locales and replace Wagtail's welcome page with our HomePage.

Wagtail's own migrations create only the LANGUAGE_CODE locale ("id") and a
plain Page as the site root; the English locale and the real home page are ours.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    id_locale, _ = Locale.objects.get_or_create(language_code="id")
    Locale.objects.get_or_create(language_code="en")

    if HomePage.objects.exists():
        return

    page_ct = ContentType.objects.get(app_label="wagtailcore", model="page")
    Page.objects.filter(content_type=page_ct, depth=2, slug="home").delete()

    home_ct, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    root = Page.objects.get(depth=1)
    # treebeard's MP_Node API isn't available on historical models: set the path by hand.
    last = Page.objects.filter(depth=2).order_by("-path").first()
    step = int(last.path[4:8], 36) + 1 if last else 1
    path = root.path + _to_base36(step).rjust(4, "0")
    home = HomePage.objects.create(
        title="Beranda",
        draft_title="Beranda",
        slug="beranda",
        content_type=home_ct,
        path=path,
        depth=2,
        numchild=0,
        url_path="/beranda/",
        locale=id_locale,
        live=True,
        hero_heading="Komunitas Praktisi",
        hero_text="Tempat guru, kepala sekolah dan pengawas berbagi praktik baik.",
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    Site.objects.filter(is_default_site=True).delete()
    Site.objects.create(
        hostname="localhost", port=80, root_page_id=home.pk, is_default_site=True,
        site_name="Komunitas Praktisi",
    )  # fmt: skip


def _to_base36(number):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rem = divmod(number, 36)
        out = digits[rem] + out
    return out or "0"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
