"""A claimant files a case in a real browser: from the home page to the receipt, on a phone, in
every language, with and without JavaScript, and nothing is fetched from any other origin.
axe-core checks each receipt (the other claimant pages are checked in test_accessibility.py)."""

import pytest
from playwright.sync_api import expect

from .claimant import STORY, assert_page_in_language, fill_whole_form, read_receipt

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
BROWSER_LANGUAGE = {"zh-hans": "zh-CN", "zh-hant": "zh-TW", "en": "en-GB"}
# The button on the home page's case-type card that a claimant taps, and where it leads.
CASE_TYPE_BUTTONS = {
    ("zh-hans", "persecution"): "报告遭受迫害的经历",
    ("zh-hans", "account_closure"): "报告经济损失",
    ("zh-hant", "privacy_censorship"): "報告隱私或審查造成的傷害",
    ("en", "investor"): "Report an investor loss",
}


def assert_fits_the_screen(page):
    """Nothing is wider than the phone's screen, so nobody has to scroll sideways."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


def file_a_case(journey, page, language, case_type):
    """From the home page the browser chose to the receipt; returns the receipt and the stored case."""
    page.goto(journey.url("/"))
    assert page.url == journey.url(f"/{language}/"), "the browser's language did not choose the home page"
    assert_page_in_language(page, language)
    assert_fits_the_screen(page)
    journey.shot(page, f"{language}-home")

    page.locator(".case-types").get_by_role("link", name=CASE_TYPE_BUTTONS[language, case_type], exact=True).click()
    page.wait_for_load_state()
    assert page.url.startswith(journey.url(f"/{language}/"))
    assert_page_in_language(page, language)
    assert_fits_the_screen(page)
    journey.shot(page, f"{language}-form-empty")

    questions = fill_whole_form(page)
    journey.shot(page, f"{language}-form-filled-{questions}-questions")

    with page.expect_navigation():
        page.locator("form.intake-form > button[type=submit]").click()
    assert page.url == journey.url(f"/{language}/cases/receipt/"), page.url
    assert_page_in_language(page, language)
    assert_fits_the_screen(page)
    journey.shot(page, f"{language}-receipt")
    receipt = read_receipt(page)
    journey.assert_accessible(page)

    case = journey.server.case(receipt.reference)
    assert case["case_type"] == case_type
    assert case["language"] == language
    assert case["status"] == "new"
    assert case["evidence"] == ["notice.png", "截图 1.jpg"]
    return receipt, case


def test_chinese_claimant_on_a_phone_files_a_case_with_two_evidence_files(journey):
    """zh-CN phone: home page in Simplified Chinese, a case type, the whole form, two files, the receipt."""
    page = journey.new_page(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True)
    receipt, case = file_a_case(journey, page, "zh-hans", "persecution")

    assert case["answers"]["what_happened"] == STORY
    # With scripts on, the receipt offers to print itself.
    assert page.get_by_role("button", name="打印本页").is_visible()
    journey.assert_no_problems()

    # The receipt is shown once: coming back to it shows the code no more.
    assert page.reload().status == 410
    assert page.locator(".receipt__code").count() == 0
    assert receipt.code not in page.content()
    assert_page_in_language(page, "zh-hans")
    journey.shot(page, "zh-hans-receipt-reloaded")
    journey.assert_only_this_origin()


@pytest.mark.parametrize(
    ("language", "case_type"),
    [("zh-hans", "account_closure"), ("zh-hant", "privacy_censorship"), ("en", "investor")],
)
def test_claimant_without_javascript_files_a_case(journey, language, case_type):
    """With JavaScript off, every step works in each language, on a phone, files included."""
    page = journey.new_page(
        viewport=PHONE, locale=BROWSER_LANGUAGE[language], java_script_enabled=False, is_mobile=True, has_touch=True
    )
    file_a_case(journey, page, language, case_type)

    # The print button needs a script, so without one it stays hidden.
    assert page.locator("[data-print]").is_hidden()
    journey.assert_no_problems()
    journey.assert_only_this_origin()


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_claimant_without_javascript_sees_what_to_correct_at_once(journey, language):
    """Sent without required answers, the form comes back with the errors on the first screen, each
    linked to its question, and everything typed still there."""
    page = journey.new_page(viewport=PHONE, locale=BROWSER_LANGUAGE[language], java_script_enabled=False)
    page.goto(journey.url(f"/{language}/account-closure/"))
    page.locator("#id_what_happened").fill(STORY)
    with page.expect_navigation():
        page.locator("form.intake-form > button[type=submit]").click()
    assert_page_in_language(page, language)
    journey.shot(page, f"{language}-errors-first-screen")

    summary = page.locator(".form-error-summary")
    heading = summary.locator("h2").bounding_box()
    assert heading["y"] + heading["height"] < PHONE["height"], "the error summary is not on the first screen"
    assert page.locator("#id_what_happened").input_value() == STORY
    links = summary.locator("a")
    assert links.count() >= 3
    for index in range(links.count()):
        target = links.nth(index).get_attribute("href")
        assert target != "#" and page.locator(target).count() == 1, f"{target} leads nowhere"
        assert "question--error" in page.locator(target).evaluate("el => (el.closest('.question') || el).className"), (
            f"{target} is not a question with an error"
        )
    # Following a link brings its question into view.
    links.nth(0).click()
    expect(page.locator(links.nth(0).get_attribute("href"))).to_be_in_viewport()
    journey.shot(page, f"{language}-errors-first-link-followed")
    journey.assert_no_problems()
    journey.assert_only_this_origin()
