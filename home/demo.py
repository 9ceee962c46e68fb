"""Helpers for idempotent bilingual demo content, shared by every app's demo module.

Indonesian pages are created once (found again by parent and slug); English
versions are made with wagtail-localize, the same way an editor translates:
a translation is created, its PO file is filled from an Indonesian -> English
dictionary and imported, and the target page is saved.
"""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object


class MissingDemoTranslation(Exception):
    """A demo string has no English entry: demo content must be complete."""


def ensure_child_page(parent, model, slug, **fields):
    """Return (page, created): the live `model` child of `parent` with `slug`,
    created and published with `fields` when it does not exist yet."""
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def english():
    return Locale.objects.get(language_code="en")


@transaction.atomic
def translate(instance, strings, locale=None):
    """Translate `instance` into `locale` (English by default) from `strings`, a dict of
    Indonesian source text -> English text, and return the translated object.

    Safe to repeat: a translation that is already complete is left alone, and one
    that wagtail-localize created as an untranslated copy (for example the parent
    of a page translated first) is filled in."""
    locale = locale or english()
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation = Translation.objects.filter(source=source, target_locale=locale).first()
    target = instance.get_translation_or_none(locale)
    if translation is not None and target is not None:
        total, done = translation.get_progress()
        if total == done:
            return target.specific if isinstance(target, Page) else target
    if translation is None:
        translate_object(instance, [locale])
        translation = Translation.objects.get(source=source, target_locale=locale)
    po = translation.export_po()
    missing = []
    for entry in po:
        if entry.msgid in strings:
            entry.msgstr = strings[entry.msgid]
        elif entry.msgid.strip():
            missing.append(entry.msgid)
    if missing:
        raise MissingDemoTranslation(
            f"{instance!r} lacks English for: " + "; ".join(repr(m) for m in missing)
        )
    translation.import_po(po)
    translation.save_target(publish=getattr(instance, "live", True))
    target = instance.get_translation(locale)
    return target.specific if isinstance(target, Page) else target
