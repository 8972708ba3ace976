"""The case page: answers under the reviewer's labels, rendered by type, the claimant's wording a
click away, contact warnings up front; in English or Chinese."""

import re

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from tests.builders import intake_form, make_case, make_case_with_evidence
from tests.helpers import soup, visible_text


def answer_block(page, label):
    for block in page.select(".case-answer"):
        if block.dt.get_text(strip=True) == label:
            return block
    raise AssertionError(f"No answer under {label!r}")


def english_field(case_type, key):
    return intake_form(case_type, "en").form_fields.get(clean_name=key)


@pytest.mark.django_db
def test_chinese_case_reads_in_english_with_the_original_wording_one_click_away(client, reviewer):
    """A Simplified Chinese case shows English labels and choice labels (not keys), money, dates,
    consents and the attestation; each answer keeps the Chinese question in a <details>."""
    case = make_case("persecution", "zh-hans")
    client.force_login(reviewer)
    page = soup(client.get(reverse("forms_app_review:detail", args=[case.pk])))

    country = english_field("persecution", "country_of_residence")
    block = answer_block(page, country.label)
    _first_key, first_label = country.choices_as_pairs()[0]
    assert block.dd.get_text(" ", strip=True).startswith(first_label)  # the label, not the key
    details = block.select_one("details")
    assert re.search(r"[\u4e00-\u9fff]", details.get_text())
    assert case.questions_as_seen["country_of_residence"]["label"] in details.get_text()

    text = visible_text(page)
    assert "1,234.50 CNY" in text
    assert "Jan. 10, 2024 to March 2, 2024" in text
    assert "张三 Zhang San" in text  # the attestation's typed name
    assert "Yes" in visible_text(answer_block(page, english_field("persecution", "consent_processing").label))


@pytest.mark.django_db
def test_channels_never_to_use_are_shown_first(client, reviewer):
    """The claimant's "never contact me via" channels are a warning at the top of the page."""
    case = make_case("account_closure", "zh-hant")
    client.force_login(reviewer)
    page = soup(client.get(reverse("forms_app_review:detail", args=[case.pk])))
    warning = page.select_one(".case-never")
    assert warning is not None
    assert visible_text(warning).startswith("Never contact via: WeChat, A +86 (mainland China) phone number")
    assert "Safe channels: E-mail, Signal" in visible_text(warning)
    assert (
        page.find(string=re.compile("Never contact via")).find_parent().sourceline
        < page.select_one("#answers").sourceline
    )


@pytest.mark.django_db
def test_case_page_renders_in_simplified_chinese(client, reviewer):
    """With the admin in 简体中文, the page renders, and question labels come from the Chinese form."""
    case = make_case_with_evidence("investor", "en")
    chinese = intake_form("investor", "zh-hans")  # the form's Simplified Chinese translation
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(reviewer)
    response = client.get(reverse("forms_app_review:detail", args=[case.pk]))
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "zh-hans"
    label = chinese.form_fields.get(clean_name="country_of_residence").label
    assert answer_block(page, label)
    listing = client.get(reverse("forms_app_review:index"))
    assert listing.status_code == 200 and case.reference in listing.content.decode()


@pytest.mark.django_db
def test_the_case_page_never_writes_answers_to_the_audit_log(client, reviewer):
    """Viewing is logged with no answer data."""
    from wagtail.models import ModelLogEntry

    case = make_case("persecution", "en", what_happened="A very private story")
    client.force_login(reviewer)
    client.get(reverse("forms_app_review:detail", args=[case.pk]))
    entries = ModelLogEntry.objects.filter(object_id=str(case.pk))
    assert [entry.action for entry in entries] == ["forms_app.case.view"]
    assert "private story" not in repr([(entry.label, entry.data) for entry in entries])
