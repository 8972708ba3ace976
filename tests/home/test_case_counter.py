"""The public case counter block: counts only consenting, not withdrawn cases, rounds them so no one
is singled out, reads the numbers at most every few minutes, and a cached page showing it is kept no
longer than its numbers; in all three languages."""

import time
from unittest import mock

import pytest
from django.core.cache import cache
from django.test import Client

from forms_app.cases import activity, erasure
from forms_app.cases.models import ConsentUse
from forms_app.reports import counter
from tests.builders import home_page, make_case
from tests.helpers import soup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize(
    ("count", "shown"),
    [(0, (10, True)), (9, (10, True)), (10, (10, False)), (14, (10, False)), (15, (20, False)), (104, (100, False))],
)
def test_counts_are_rounded_to_the_nearest_ten_and_fewer_than_ten_below(count, shown):
    """0-9 is only "fewer than 10"; above, the nearest 10 (halves up)."""
    assert counter.rounded(count) == shown


def test_only_cases_whose_claimant_agrees_and_that_are_not_withdrawn_are_counted():
    """Refused or revoked consent to statistics, and withdrawal, each leave a case out."""
    make_case("persecution", "en")
    make_case("persecution", "zh-hant")
    make_case("persecution", "en", consent_statistics="")
    revoked = make_case("persecution", "en")
    activity.set_consent(revoked, ConsentUse.STATISTICS, False)
    erasure.withdraw(make_case("investor", "en"))
    counts = counter.exact_counts()
    assert counts["persecution"] == 2
    assert counts["investor"] == 0


def test_the_numbers_are_read_again_only_after_the_cache_period(settings):
    """Within PUBLIC_COUNTER_SECONDS a new case does not change the numbers; after it, it does."""
    settings.PUBLIC_COUNTER_SECONDS = 300
    cases = [make_case("account_closure", "en") for _ in range(10)]
    assert counter.public_counts()["by_type"][1][2:] == (10, False)
    for _ in range(6):
        make_case("account_closure", "en")
    assert counter.public_counts()["by_type"][1][2:] == (10, False)
    later = time.time() + 301
    with mock.patch("django.core.cache.backends.locmem.time.time", return_value=later):
        assert counter.public_counts()["by_type"][1][2:] == (20, False)
    assert len(cases) == 10


def counter_page(language):
    page = home_page(language)
    page.body = [("case_counter", {"heading": "", "intro": "", "by_type": True})]
    page.save_revision().publish()
    return page


@pytest.mark.parametrize(
    ("language", "heading", "fewer", "about"),
    [
        ("en", "Cases received so far", "fewer than 10", "about 10"),
        ("zh-hans", "目前已收到的案件", "少于 10", "约 10"),
        ("zh-hant", "目前已收到的案件", "少於 10", "約 10"),
    ],
)
def test_the_block_shows_rounded_numbers_in_the_pages_language(language, heading, fewer, about):
    """The heading, the case types and the rounded numbers are in the page's language."""
    for _ in range(11):
        make_case("persecution", "en")
    page = counter_page(language)
    section = soup(Client().get(page.url)).select_one("section.counter")
    text = section.get_text(" ", strip=True)
    assert heading in text
    items = [item.get_text(" ", strip=True) for item in section.select(".counter__list li")]
    assert items[0].startswith(about)  # persecution: 11 -> about 10
    assert items[3].startswith(fewer)  # investor: none
    assert len(items) == 4


def test_a_cached_page_with_the_counter_is_rendered_again_after_the_counter_period(settings):
    """The page cache keeps a page showing the counter only PUBLIC_COUNTER_SECONDS; then it is
    rendered again with fresh numbers."""
    settings.PUBLIC_PAGE_CACHE = True
    settings.PUBLIC_COUNTER_SECONDS = 120
    page = counter_page("zh-hans")
    assert Client().get(page.url)["X-Page-Cache"] == "miss"
    assert Client().get(page.url)["X-Page-Cache"] == "hit"
    for _ in range(10):
        make_case("investor", "en")
    later = time.time() + 121
    with mock.patch("django.core.cache.backends.locmem.time.time", return_value=later):
        response = Client().get(page.url)
    assert response["X-Page-Cache"] == "miss"
    items = [item.get_text(" ", strip=True) for item in soup(response).select(".counter__list li")]
    assert items[3].startswith("约 10")


@pytest.mark.parametrize(("language", "heading"), [("zh-hans", "目前已收到的案件"), ("zh-hant", "目前已收到的案件")])
def test_the_demo_home_page_shows_the_counter_in_chinese(demo_site, language, heading):
    """The seeded Chinese home pages carry the counter, translated from the demo catalogs."""
    section = soup(Client().get(f"/{language}/")).select_one("section.counter")
    assert section is not None and heading in section.get_text()
    assert "Every case counts" not in section.get_text()
