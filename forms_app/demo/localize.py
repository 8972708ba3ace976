"""Translate seeded content *through wagtail-localize's PO import*, as an editor would in the admin.

The English object is the source and forms_app/demo/locale/<locale>/LC_MESSAGES/demo.po holds the demo's
translations (msgid = the English string, msgstr = its translation). For each target locale we create
wagtail-localize's Translation, export its PO file, fill every msgstr from the demo catalog, import it
with `Translation.import_po` (what the admin's "Upload PO file" does) and save the target. Editors then see
ordinary synced translations they can keep editing.

The catalogs are read with polib straight from the .po files, so no .mo file is compiled or committed.
"""

from functools import cache
from pathlib import Path

import polib
from django.db import transaction
from django.utils.translation import to_locale
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.strings import StringValue

CATALOG_DIR = Path(__file__).resolve().parent / "locale"
CATALOG_DOMAIN = "demo"

# Segments copied from the source rather than translated: ASCII slugs keep URLs shareable.
UNTRANSLATED_PATHS = {"slug"}


class MissingDemoTranslation(LookupError):
    pass


def catalog_path(language_code):
    return CATALOG_DIR / to_locale(language_code) / "LC_MESSAGES" / f"{CATALOG_DOMAIN}.po"


@cache
def demo_catalog(language_code):
    """{English string: translation} of one language's demo catalog (translated, non-fuzzy entries).

    One English string has one translation: a msgctxt cannot tell wagtail-localize's segments apart,
    so a catalog that gives the same msgid twice is refused rather than half used.
    """
    catalog = {}
    for entry in polib.pofile(str(catalog_path(language_code))).translated_entries():
        if entry.msgid in catalog:
            raise ValueError(f"{catalog_path(language_code)}: {entry.msgid!r} is translated twice")
        catalog[entry.msgid] = entry.msgstr
    return catalog


def fill_po(po, catalog):
    """Fill the msgstr of each entry of wagtail-localize's exported PO file from `catalog`.

    wagtail-localize's msgid is the segment's HTML-escaped data and its msgctxt the segment's place
    in the object; the demo catalog is keyed by the plain English text.
    """
    for entry in po:
        if entry.obsolete:
            continue
        if entry.msgctxt in UNTRANSLATED_PATHS:
            entry.msgstr = entry.msgid
            continue
        english = StringValue(entry.msgid).render_text()
        try:
            entry.msgstr = StringValue.from_plaintext(catalog[english]).data
        except KeyError:
            raise MissingDemoTranslation(f"No demo translation for {english!r}") from None
    return po


def target_locales(source_locale):
    return [locale for locale in Locale.objects.all() if locale.pk != source_locale.pk]


@transaction.atomic
def translate_with_localize(instance, locales=None):
    """Create or update the translations of `instance` in `locales` from the demo catalogs (see above).

    Returns the translated instances, saved (and published when the source is live).
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    targets = []
    for locale in locales or target_locales(instance.locale):
        translation, _ = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        po = fill_po(translation.export_po(), demo_catalog(locale.language_code))
        warnings = translation.import_po(po, translation_type="manual", tool_name="seed_demo")
        if warnings:
            raise ValueError(f"wagtail-localize refused demo translations: {warnings!r}")
        translation.save_target(publish=getattr(instance, "live", True))
        targets.append(translation.get_target_instance())
    return targets
