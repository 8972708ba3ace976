"""axe-core finds no serious or critical accessibility problem on the claimant's pages, in every
language: the home page, the other public pages, each intake form, and a form with validation
errors. The receipt is checked with axe inside the claimant journeys (test_claimant_journeys.py),
which reach it in all three languages."""

import pytest

from .accessibility import assert_accessible, axe_findings
from .claimant import assert_page_in_language

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "zh-hans", "zh-hant"]
FORMS = ["persecution", "account-closure", "privacy-censorship", "investor"]
PHONE = {"width": 360, "height": 740}


def check(journey, page, name):
    """Screenshot the page, then assert axe finds nothing serious (lesser findings are printed)."""
    journey.shot(page, name)
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page(journey, language):
    """The campaign home page."""
    page = journey.new_page(viewport=PHONE)
    page.goto(journey.url(f"/{language}/"))
    assert_page_in_language(page, language)
    check(journey, page, f"{language}-home")
    journey.assert_no_problems()
    journey.assert_only_this_origin()


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages(journey, language):
    """About, FAQ, privacy notice and the announcements, reached through the site's own links."""
    page = journey.new_page(viewport=PHONE)
    page.goto(journey.url(f"/{language}/"))
    links = page.locator(".main-nav a:not([aria-current]), .site-footer__links a, .latest-announcements a")
    paths = sorted(set(links.evaluate_all("links => links.map(a => a.getAttribute('href'))")))
    assert len(paths) >= 5, paths
    for path in paths:
        page.goto(journey.url(path))
        assert_page_in_language(page, language)
        check(journey, page, path)
    journey.assert_no_problems()
    journey.assert_only_this_origin()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form", FORMS)
def test_intake_form(journey, language, form):
    """Each intake form as first shown."""
    page = journey.new_page(viewport=PHONE)
    page.goto(journey.url(f"/{language}/{form}/"))
    assert_page_in_language(page, language)
    check(journey, page, f"{language}-{form}")
    journey.assert_no_problems()
    journey.assert_only_this_origin()


# One form per language is sent empty: every form shows its errors through the same templates.
@pytest.mark.parametrize(
    ("language", "form"), [("en", "privacy-censorship"), ("zh-hans", "persecution"), ("zh-hant", "account-closure")]
)
def test_intake_form_with_validation_errors(journey, language, form):
    """A form sent empty: the error summary (focused, so it is read first) and the marked questions."""
    page = journey.new_page(viewport=PHONE)
    page.goto(journey.url(f"/{language}/{form}/"))
    with page.expect_navigation():
        page.locator("form.intake-form > button[type=submit]").click()
    summary = page.locator(".form-error-summary")
    assert summary.is_visible()
    assert summary.evaluate("el => el === document.activeElement")
    assert page.locator(".question--error").count() >= 2
    assert_page_in_language(page, language)
    check(journey, page, f"{language}-{form}-errors")
    journey.assert_no_problems()
    journey.assert_only_this_origin()


def test_the_check_catches_an_unlabelled_input(journey):
    """The axe check really runs on our pages, under their Content-Security-Policy: an input
    without a label, slipped into a form, is reported as a blocking violation."""
    page = journey.new_page(viewport=PHONE)
    page.goto(journey.url("/zh-hans/persecution/"))
    assert axe_findings(page) == []
    page.evaluate(
        "document.querySelector('form.intake-form').append("
        "Object.assign(document.createElement('input'), {type: 'text', name: 'unlabelled'}))"
    )
    assert any(line.startswith("label (critical)") for _impact, line in axe_findings(page))
