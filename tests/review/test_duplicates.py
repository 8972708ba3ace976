"""Possible duplicates: cases sharing a WeChat ID, phone or e-mail are linked through keyed hashes."""

import pytest
from django.db import connection
from django.urls import reverse

from forms_app.models import CaseIdentifier
from tests.builders import make_case
from tests.helpers import soup, visible_text


def duplicate_flags(client, **params):
    response = client.get(reverse("forms_app_review:index"), params)
    rows = soup(response).select("table.listing tbody tr")
    return {row.select_one("td.title a").get_text(strip=True): "Possible" in row.get_text() for row in rows}


@pytest.mark.django_db
def test_cases_sharing_a_normalised_identifier_are_flagged_and_linked(client, reviewer):
    """Same WeChat ID (other case and spacing), same phone (other punctuation) or same e-mail (other
    case) make cases possible duplicates of each other; unrelated cases are not flagged."""
    first = make_case("persecution", "en", wechat_id="wxid_Abc 123", contact_email="a@example.org")
    by_wechat = make_case("account_closure", "zh-hans", wechat_id="WXID_abc123", contact_email="b@example.org")
    by_phone_1 = make_case("persecution", "zh-hant", wechat_id="", contact_phone="+852 9123-4567")
    by_phone_2 = make_case("investor", "en", wechat_id="", contact_phone="+852 91234567")
    by_email = make_case("investor", "zh-hans", wechat_id="", contact_email="A@Example.ORG ")
    alone = make_case("investor", "en", wechat_id="someone_else", contact_email="c@example.org")
    client.force_login(reviewer)
    flags = duplicate_flags(client)
    assert flags == {
        first.reference: True,
        by_wechat.reference: True,
        by_phone_1.reference: True,
        by_phone_2.reference: True,
        by_email.reference: True,
        alone.reference: False,
    }
    page = soup(client.get(reverse("forms_app_review:detail", args=[first.pk])))
    section = visible_text(page.select_one("#duplicates"))
    assert by_wechat.reference in section and by_email.reference in section
    assert by_phone_1.reference not in section
    assert "WeChat ID" in section and "e-mail address" in section
    assert set(duplicate_flags(client, possible_duplicate="true")) == set(flags) - {alone.reference}
    assert set(duplicate_flags(client, possible_duplicate="false")) == {alone.reference}


@pytest.mark.django_db
def test_identifiers_are_stored_only_as_keyed_hashes():
    """The duplicate index holds hashes: no WeChat ID, phone or e-mail in clear."""
    # A +86 number is accepted only when +86 numbers are not marked "never" (default: they are).
    make_case(
        "persecution",
        "en",
        wechat_id="wxid_secret42",
        contact_phone="+86 138 0013 8000",
        contact_preference_1=["wechat"],
    )
    assert CaseIdentifier.objects.count() == 3  # WeChat ID, phone and the default e-mail
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM forms_app_caseidentifier")
        dump = repr(cursor.fetchall())
    for secret in ("wxid_secret42", "13800138000", "8613800138000", "claimant@example.org"):
        assert secret not in dump


@pytest.mark.django_db
def test_many_cases_sharing_an_identifier_do_not_make_the_queue_open_them_all(client, reviewer, monkeypatch):
    """A flag needs one confirmed other case, not all of them: a page opens about its own rows'
    sealed indexes and a few more, however many cases share one WeChat ID (fake cases filed in
    bulk must not slow every reviewer's queue). A forged identifier row confirms nothing."""
    from forms_app.cases import indexing

    shared = [make_case("account_closure", "en", wechat_id="wxid_many") for _ in range(45)]
    alone = make_case("investor", "en", wechat_id="someone_else", contact_email="c@example.org")
    forged = CaseIdentifier.objects.filter(case=shared[0], kind="wechat_id").get()
    CaseIdentifier.objects.create(case=alone, kind="wechat_id", value_hash=forged.value_hash)
    opened = []
    original = indexing.open_index
    monkeypatch.setattr(indexing, "open_index", lambda *row: opened.append(row[0]) or original(*row))
    client.force_login(reviewer)
    flags = duplicate_flags(client)
    assert len(flags) < 46 and flags[alone.reference] is False
    assert all(flags[case.reference] for case in shared if case.reference in flags)
    # The page's rows and the five oldest cases (every row's candidates, the forged row's too).
    assert len(opened) <= len(flags) + 5
