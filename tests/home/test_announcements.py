"""Announcements: one dated news item, the same date in every language."""

import datetime

import pytest
from wagtail_localize.models import Translation, TranslationSource

from home.models import AnnouncementPage
from tests.helpers import page_in


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
