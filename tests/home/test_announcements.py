"""Announcements: one dated news item, the same date in every language."""

import datetime

import pytest
from wagtail_localize.models import Translation, TranslationSource

from home.models import AnnouncementIndexPage, AnnouncementPage, HomePage
from tests.helpers import page_in, soup

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_a_synced_translation_takes_the_english_announcements_new_date(language):
    """Changing an announcement's date in English and syncing moves the Chinese date with it."""
    english = page_in(AnnouncementPage, "en")
    new_date = english.date - datetime.timedelta(days=40)
    english.date = new_date
    english.save_revision().publish()
    source, _ = TranslationSource.update_or_create_from_instance(english)
    translation = Translation.objects.get(source=source, target_locale__language_code=language)
    translation.save_target(publish=True)
    target = translation.get_target_instance()
    assert target.date == new_date
    assert target.title != english.title


def card_texts(cards):
    return [(card.a.get_text(strip=True), card.a["href"], card.time["datetime"]) for card in cards]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_home_page_and_the_announcements_page_show_the_same_card(client, language):
    """Each announcement card (linked title, date, summary) is the same on the home page, under an h3,
    and on the announcements page, under an h2, in the page's own language."""
    home = soup(client.get(page_in(HomePage, language).url))
    index = soup(client.get(page_in(AnnouncementIndexPage, language).url))
    home_cards = home.select(".latest-announcements li.card")
    index_cards = index.select("li.card")
    assert home_cards
    assert card_texts(home_cards) == card_texts(index_cards)[: len(home_cards)]
    assert all(card.find("h3") and card.find("a")["href"].startswith(f"/{language}/") for card in home_cards)
    assert all(card.find("h2") for card in index_cards)
    english = page_in(AnnouncementPage, "en")
    if language != "en":
        assert english.title not in index.get_text()
