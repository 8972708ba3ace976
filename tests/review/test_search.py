"""Search by reference and by words in the answers, in English and both Chinese scripts, through a
truncated blind index that stores no answer text, confirmed by opening each candidate."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from forms_app.cases.indexing import confirm_tokens, query_tokens, reference_prefix, tokens
from forms_app.models import Case
from tests.builders import make_case
from tests.helpers import soup


def listed(client, **params):
    response = client.get(reverse("forms_app_review:index"), params)
    assert response.status_code == 200
    return {link.get_text(strip=True) for link in soup(response).select("table.listing td.title a")}


@pytest.fixture
def stories(db):
    return {
        "en": make_case("persecution", "en", what_happened="Police summoned me after the LANDSLIDE video went viral."),
        "hans": make_case("persecution", "zh-hans", what_happened="我在朋友圈转发了洪水视频之后，被国保约谈。"),
        "hant": make_case("account_closure", "zh-hant", what_happened="我的微信帳號被封，零錢餘額被凍結。"),
        "other": make_case("investor", "en"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("landslide video", {"en"}),
        ("LandSlide", {"en"}),
        ("viral police", {"en"}),  # every word, in any order
        ("landslide banana", set()),  # all words must match
        ("洪水视频", {"hans"}),
        ("国保约谈", {"hans"}),
        ("洪", {"hans"}),  # a single character
        ("帳號被封", {"hant"}),
        ("零錢餘額", {"hant"}),
        ("零钱余额", {"hant"}),  # a Simplified query finds Traditional text
        ("洪水視頻", {"hans"}),  # and a Traditional query Simplified text
        ("帐号被封", {"hant"}),
        ("洪水 landslide", set()),
    ],
)
def test_search_finds_cases_by_words_in_their_answers(client, reviewer, stories, query, expected):
    """Search matches cases holding every word (Latin) or character pair (CJK) of the query, in
    either Chinese script."""
    client.force_login(reviewer)
    assert listed(client, q=query) == {stories[key].reference for key in expected}


@pytest.mark.django_db
def test_search_by_reference_exact_prefix_and_lower_case(client, reviewer, stories):
    """A reference, its first part, or the same in lower case finds that case."""
    client.force_login(reviewer)
    case = stories["hant"]
    assert listed(client, q=case.reference) == {case.reference}
    assert case.reference in listed(client, q=case.reference[:7].lower())
    assert listed(client, q=case.reference.replace("-", "").lower()) == {case.reference}


@pytest.mark.django_db
def test_search_combines_with_filters(client, reviewer, stories):
    """A search is narrowed further by the filters."""
    client.force_login(reviewer)
    assert listed(client, q="我", language="zh-hant") == {stories["hant"].reference}


@pytest.mark.django_db
def test_the_index_holds_no_answer_text(stories):
    """Search buckets are truncated keyed hashes and the rest is sealed: no word of any answer is in the table."""
    assert len(Case.objects.get(pk=stories["hans"].pk).search_buckets) >= len("国保约谈")
    with connection.cursor() as cursor:
        cursor.execute("SELECT search_buckets, sealed_index, sealed_answers FROM forms_app_case")
        dump = repr(cursor.fetchall())
    for secret in ("landslide", "LANDSLIDE", "洪水", "国保", "帳號", "wxid_test123"):
        assert secret not in dump and secret.encode("unicode_escape").decode() not in dump


def test_tokens_are_words_and_cjk_pairs():
    """Latin words are casefolded whole; CJK runs become bigrams (the index) and also single
    characters (the sealed set that confirms candidates); Traditional is folded to Simplified."""
    assert tokens("Ｆｌｏｏｄ flood-2024 微信号 帳") == {"flood", "2024", "微信", "信号", "帐"}
    assert confirm_tokens("微信号") == {"微", "信", "号", "微信", "信号"}
    assert tokens("轉發") == tokens("转发") == {"转发"}
    assert query_tokens("微信号 Flood") == ["微信", "信号", "flood"]
    assert query_tokens("微") == ["微"]


def test_reference_prefixes():
    """Reference-looking queries become prefixes of the stored form WC-XXXX-XXXX."""
    assert reference_prefix("wc-7k4q") == "WC-7K4Q"
    assert reference_prefix("7K4Q92XM") == "WC-7K4Q-92XM"
    assert reference_prefix("flood") is None
    assert reference_prefix("defected") is None  # an eight-letter word without a digit is a word


@pytest.mark.django_db
def test_a_search_with_many_candidates_pages_through_confirmed_matches(client, reviewer, monkeypatch):
    """When not every candidate was opened, the queue says "at least N matches" and offers the next
    page, whose cases are confirmed matches too; the last page gives the exact number."""
    from forms_app.review import listing, selection

    monkeypatch.setattr(selection, "FIRST_WINDOW", 3)
    monkeypatch.setattr(selection, "CONFIRM_CHUNK", 2)
    monkeypatch.setattr(listing, "PAGE_SIZES", (2, 20))
    matching = {make_case("persecution", "en", what_happened=f"Typhoonqx number {n}").reference for n in range(7)}
    make_case("persecution", "en", what_happened="Nothing alike.")
    client.force_login(reviewer)
    url = reverse("forms_app_review:index")
    first = soup(client.get(url, {"q": "typhoonqx", "per_page": 20}))
    assert "There are 7 matches" in " ".join(first.get_text().split())  # all opened: exact
    assert {link.get_text(strip=True) for link in first.select("table.listing td.title a")} == matching
    second = soup(client.get(url, {"q": "typhoonqx", "per_page": 2, "p": 2}))
    # Page 2 of 2 needs 5 confirmed; opened 2 at a time, 5 or 6 are. (6 when the unrelated case is
    # a candidate too: its random padding buckets sometimes hold the word's, and it is the newest.)
    at_least = re.search(r"At least (\d+) matches", " ".join(second.get_text().split()))
    assert at_least and 5 <= int(at_least.group(1)) < 7
    shown = {link.get_text(strip=True) for link in second.select("table.listing td.title a")}
    assert len(shown) == 2 and shown <= matching
    assert second.select_one("nav.pagination li.next a[href*='p=3']")
    assert client.get(url, {"q": "typhoonqx", "p": 99}).status_code == 200  # beyond the last page
