"""The demo's Chinese texts live in gettext catalogs and reach the site through wagtail-localize's PO import."""

import re

import polib
import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from forms_app.demo.localize import UNTRANSLATED_PATHS, MissingDemoTranslation, catalog_path, translate_with_localize
from forms_app.intake.models import IntakeFormPage
from home.models import StandardPage

# These tests read the seeded demo site.
pytestmark = pytest.mark.usefixtures("demo_site")

CHINESE = ["zh-hans", "zh-hant"]
HAN = re.compile(r"[\u4e00-\u9fff]")


def catalog(language):
    return polib.pofile(str(catalog_path(language)))


def english_source_texts():
    """The plain text of every translatable segment of the seeded English pages and snippets."""
    segments = StringSegment.objects.filter(source__locale__language_code="en").select_related("string", "context")
    return {
        StringValue(segment.string.data).render_text()
        for segment in segments
        if segment.context.path not in UNTRANSLATED_PATHS
    }


@pytest.mark.parametrize("language", CHINESE)
def test_demo_catalog_translates_every_entry(language):
    """Every msgid of a demo catalog has a real translation: none empty, fuzzy, obsolete or left in English."""
    po = catalog(language)
    assert len(po) > 300
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    assert po.obsolete_entries() == []
    for entry in po:
        assert HAN.search(entry.msgstr), entry.msgid
        assert entry.msgctxt is None, entry.msgid


def test_both_demo_catalogs_hold_the_same_messages():
    """Simplified and Traditional Chinese translate the same English strings."""
    assert {entry.msgid for entry in catalog("zh-hans")} == {entry.msgid for entry in catalog("zh-hant")}


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_demo_catalog_covers_exactly_the_seeded_english_text(language):
    """Each English string of the seeded site has a catalog entry, and the catalog holds no stale entry."""
    assert {entry.msgid for entry in catalog(language)} == english_source_texts()


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_seeded_chinese_translations_are_complete(language):
    """Every translatable segment of every seeded page and snippet is translated into Chinese by seed_demo."""
    translations = Translation.objects.filter(
        target_locale__language_code=language, source__locale__language_code="en"
    )
    assert translations.count() == TranslationSource.objects.filter(locale__language_code="en").count() >= 12
    for translation in translations:
        total, translated = translation.get_progress()
        assert translated == total, translation.source.object_repr
    translated_texts = StringTranslation.objects.filter(locale__language_code=language).exclude(
        context__path__in=UNTRANSLATED_PATHS
    )
    assert translated_texts.exists()
    assert set(translated_texts.values_list("tool_name", flat=True)) == {"seed_demo"}
    for text in translated_texts:
        assert HAN.search(text.data), text.data


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_seeded_chinese_form_questions_show_no_english(language):
    """The Chinese intake forms ask every question, help text and choice in Chinese, under the English keys."""
    forms = IntakeFormPage.objects.filter(locale__language_code=language)
    assert forms.count() == 4
    for form in forms:
        english = form.get_translation(Locale.objects.get(language_code="en"))
        assert [f.clean_name for f in form.form_fields.all()] == [f.clean_name for f in english.form_fields.all()]
        assert HAN.search(form.title)
        for field in form.form_fields.all():
            assert HAN.search(field.label), field.clean_name
            assert not field.help_text or HAN.search(field.help_text), field.clean_name
            for choice in field.choice_options:
                assert HAN.search(choice.value["label"]), (field.clean_name, choice.value["key"])


@pytest.mark.django_db
def test_an_english_string_missing_from_the_catalogs_stops_the_seeding():
    """A demo string without a translation is an error naming it, not an English page in Chinese."""
    home = Page.objects.get(locale__language_code="en", depth=2)
    page = home.add_child(instance=StandardPage(title="A page nobody translated", slug="untranslated"))
    with pytest.raises(MissingDemoTranslation, match="A page nobody translated"):
        translate_with_localize(page, [Locale.objects.get(language_code="zh-hans")])
    assert not StandardPage.objects.filter(slug="untranslated", locale__language_code="zh-hans").exists()
