"""seed_demo builds the demo site once, translated through wagtail-localize."""

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from home.models import HomePage, OrganisationDetails, StandardPage
from tests.helpers import page_in

pytestmark = pytest.mark.usefixtures("demo_site")


def snapshot():
    return sorted(Page.objects.values_list("pk", "translation_key", "locale__language_code", "title", "live"))


@pytest.mark.django_db
def test_seed_demo_twice_leaves_the_same_pages():
    """Running seed_demo again creates, changes and deletes nothing."""
    before = snapshot()
    details_before = list(OrganisationDetails.objects.values_list("pk", "name"))
    call_command("seed_demo", verbosity=0)
    assert snapshot() == before
    assert list(OrganisationDetails.objects.values_list("pk", "name")) == details_before


@pytest.mark.django_db
def test_seed_demo_keeps_editors_changes():
    """Once seeded, content belongs to editors: a second run does not overwrite their edits."""
    about = page_in(StandardPage, "en", slug="about")
    about.title = "About the project (edited)"
    about.save_revision().publish()
    call_command("seed_demo", verbosity=0)
    about.refresh_from_db()
    assert about.title == "About the project (edited)"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_chinese_pages_are_wagtail_localize_translations_of_the_english_ones(language):
    """Each Chinese page is a synced wagtail-localize translation of its English source."""
    english_pages = Page.objects.filter(locale__language_code="en", depth__gte=2)
    assert english_pages.count() >= 10
    for english in english_pages:
        source = TranslationSource.objects.get_for_instance(english)
        translation = Translation.objects.get(source=source, target_locale__language_code=language)
        assert translation.enabled
        target = translation.get_target_instance()
        assert target.translation_key == english.translation_key
        assert target.live
        assert target.title != english.title
    assert StringTranslation.objects.filter(locale__language_code=language, tool_name="seed_demo").exists()


@pytest.mark.django_db
def test_traditional_chinese_is_not_simplified_text():
    """The Traditional home page uses Traditional characters (e.g. 帳/網/資), not Simplified ones."""
    simplified = page_in(HomePage, "zh-hans")
    traditional = page_in(HomePage, "zh-hant")
    assert simplified.hero_text != traditional.hero_text
    simplified_only = set("这们说时会对过个为发经关从应该与内国请资网视号钱账户")
    texts = [traditional.title, traditional.hero_heading, traditional.hero_text]
    assert not simplified_only & set("".join(texts))


@pytest.mark.django_db
def test_organisation_details_exist_in_every_language():
    """The footer's organisation details are translated like pages."""
    names = dict(OrganisationDetails.objects.values_list("locale__language_code", "name"))
    assert set(names) == {"en", "zh-hans", "zh-hant"}
    assert len(set(names.values())) == 3
