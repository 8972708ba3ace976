"""Contact channels that overlap: a channel marked safe cannot also be covered by a "never" choice."""

import pytest

from forms_app.intake.choices import CONTACT_CONFLICTS, SAFE_CONTACT_CHANNELS, UNSAFE_CONTACT_CHANNELS
from forms_app.models import Case, IntakeFormPage
from tests.forms_app.builders import complete_answers
from tests.helpers import soup, visible_text

LABELS = {
    "en": {"phone": "Phone call or SMS", "sms": "SMS text messages", "email": "E-mail"},
    "zh-hans": {"phone": "电话或短信", "sms": "短信", "email": "电子邮件"},
    "zh-hant": {"phone": "電話或簡訊", "sms": "簡訊", "email": "電子郵件"},
}

QUOTES = {"en": "“{}”", "zh-hans": "“{}”", "zh-hant": "「{}」"}


def post(client, language, safe, never, **extra):
    page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code=language)
    data = complete_answers(page)
    data.update({"contact_preference_0": safe, "contact_preference_1": never, **extra})
    return client.post(page.url, data)


def test_every_channel_offered_on_both_sides_is_in_the_overlap_table():
    """A channel that appears among safe and never choices always conflicts with itself."""
    shared = {key for key, _label in SAFE_CONTACT_CHANNELS} & {key for key, _label in UNSAFE_CONTACT_CHANNELS}
    for channel in shared:
        assert channel in CONTACT_CONFLICTS[channel]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
@pytest.mark.parametrize(("safe", "never"), [("phone", "sms"), ("email", "email")])
def test_overlapping_safe_and_never_channels_are_refused_naming_both(client, language, safe, never):
    """“Phone call or SMS” safe with “SMS” never (or one channel on both sides) is refused, naming both."""
    response = post(client, language, [safe, "signal"], [never, "wechat"])

    assert response.status_code == 200
    text = visible_text(soup(response))
    labels, quoted = LABELS[language], QUOTES[language]
    assert quoted.format(labels[safe]) in text and quoted.format(labels[never]) in text
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_phone_safe_with_mainland_numbers_never_is_accepted(client):
    """A claimant may accept calls on a foreign number while refusing any +86 number."""
    response = post(client, "en", ["phone"], ["phone_86", "wechat"], contact_phone="+852 9123 4567")

    assert response.status_code == 302
    assert Case.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "mainland China (+86) number"), ("zh-hans", "中国大陆（+86）号码"), ("zh-hant", "中國大陸（+86）號碼")],
)
def test_a_mainland_number_contradicts_never_using_one(client, language, expected):
    """A +86 number in the phone question is refused when +86 numbers are marked never to be used."""
    response = post(client, language, ["phone"], ["phone_86"], contact_phone="+86 138 0013 8000")

    assert response.status_code == 200
    assert expected in visible_text(soup(response))
    assert not Case.objects.exists()
