"""Helpers for idempotent bilingual demo content, shared by every app's demo module.

Indonesian pages are created once (found again by parent and slug); English
versions are made with wagtail-localize, the same way an editor translates:
a translation is created, its PO file is filled from an Indonesian -> English
dictionary and imported, and the target page is saved.
"""

from django.db import transaction
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationSource


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

    Pages must be translated top-down (a page's parent first). Safe to repeat: a
    translation that is already complete is left alone.

    wagtail-localize's translate_object() and save_target(publish=True) publish on
    transaction commit from a page object cached at call time; when many pages are
    translated in one transaction that stale object reverts later changes (slugs,
    treebeard's numchild). So the target is saved as a draft and published at once.
    """
    locale = locale or english()
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    if instance.get_translation_or_none(locale) is not None:
        total, done = translation.get_progress()
        if total == done:
            target = instance.get_translation(locale)
            return target.specific if isinstance(target, Page) else target
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
    if not isinstance(instance, Page):
        translation.save_target()
        return instance.get_translation(locale)
    translation.save_target(publish=False)
    target = instance.get_translation(locale).specific
    if instance.live:
        Revision.objects.get(pk=target.latest_revision_id).publish()
        target.refresh_from_db()
    return target
