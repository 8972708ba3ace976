"""Translate seeded content *through wagtail-localize*, as an editor would in the admin.

The English object is the source. For each target locale we create (or refresh) wagtail-localize's
Translation, fill every string segment from a table of demo texts, and save the target. Editors
then see ordinary synced translations they can keep editing.
"""

from django.db import transaction
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from .text import Text

# Segments copied from the source rather than translated: ASCII slugs keep URLs shareable.
UNTRANSLATED_PATHS = {"slug"}


class MissingDemoTranslation(LookupError):
    pass


def translation_table(texts):
    """English string -> Text, refusing one English string with two different translations."""
    table = {}
    for text in texts:
        known = table.setdefault(text.en, text)
        if known != text:
            raise ValueError(f"Two translations given for {text.en!r}")
    return table


def target_locales(source_locale):
    return [locale for locale in Locale.objects.all() if locale.pk != source_locale.pk]


@transaction.atomic
def translate_with_localize(instance, table, locales=None):
    """Create or update the translations of `instance` in `locales` from `table` (see above).

    Returns the translated instances, saved (and published when the source is live).
    """
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    targets = []
    for locale in locales or target_locales(instance.locale):
        translation, _ = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
            source_text = segment.string.as_value().render_text()
            if segment.context.path in UNTRANSLATED_PATHS:
                target_text = source_text
            else:
                try:
                    target_text = table[source_text].in_language(locale.language_code)
                except KeyError:
                    raise MissingDemoTranslation(f"No demo translation for {source_text!r}") from None
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(target_text).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "tool_name": "seed_demo",
                },
            )
        translation.save_target(publish=getattr(instance, "live", True))
        targets.append(translation.get_target_instance())
    return targets


__all__ = ["MissingDemoTranslation", "Text", "translate_with_localize", "translation_table"]
