"""The investor's trade schedule in a real browser on a 360 px phone, on its own step of the stepped
form: rows added and removed with JavaScript (in the page) and without it (the step comes back with
a row more or less and what was typed), the holdings check explained in the claimant's language,
and a schedule that adds up filed from the review page through the human check."""

import pytest

from .claimant import (
    assert_page_in_language,
    fill_step,
    fill_whole_form,
    next_step,
    read_receipt,
    send_case,
    step_progress,
)
from .test_claimant_journeys import PHONE, assert_fits_the_screen

pytestmark = pytest.mark.browser

KEY = "trade_schedule"


def rows(page):
    return page.locator("[data-trade-row]")


def fill_row(page, index, date, side, quantity, price, instrument="hk_0700", currency="HKD"):
    prefix = f"#id_{KEY}__{index}__"
    page.locator(prefix + "date").fill(date)
    page.locator(prefix + "side").select_option(side)
    page.locator(prefix + "instrument").select_option(instrument)
    page.locator(prefix + "quantity").fill(quantity)
    page.locator(prefix + "price").fill(price)
    page.locator(prefix + "currency").select_option(currency)


def clear_row(page, index):
    prefix = f"#id_{KEY}__{index}__"
    for part in ("date", "quantity", "price"):
        page.locator(prefix + part).fill("")
    for part in ("side", "instrument", "currency"):
        page.locator(prefix + part).select_option("")


def go_to_the_schedule_step(page, journey, language):
    """Answer the first step of the investor form and press Next: the schedule is the second step."""
    page.goto(journey.url(f"/{language}/investor/"))
    fill_step(page)
    next_step(page)
    assert step_progress(page)[0] == 2
    assert page.locator("[data-trade-schedule]").count() == 1
    assert_page_in_language(page, language)


def schedule_errors(page):
    return page.locator(f"#id_{KEY}_question .field-errors").inner_text()


def test_traditional_chinese_phone_with_javascript_adds_rows_is_told_where_it_does_not_add_up_and_files(journey):
    """zh-TW, 360 px, scripts on: add and remove rows in the page, see the holdings check in
    Traditional Chinese naming the row and security, correct it, send from the review page, get a receipt."""
    page = journey.new_page(viewport=PHONE, locale="zh-TW", is_mobile=True, has_touch=True)
    go_to_the_schedule_step(page, journey, "zh-hant")
    assert rows(page).count() == 3
    url = page.url
    page.get_by_role("button", name="新增一筆交易").click()
    assert rows(page).count() == 4 and page.url == url
    assert page.locator(f"input[name={KEY}__rows]").input_value() == "4"
    fill_row(page, 3, "2021-05-01", "buy", "7", "500")
    rows(page).nth(0).get_by_role("button", name="刪除這筆交易").click()
    assert rows(page).count() == 3
    # The row typed into is now the third, renumbered for the server.
    assert page.locator(f"#id_{KEY}__2__quantity").input_value() == "7"
    assert rows(page).nth(2).locator("legend").inner_text().strip() == "交易 3"
    clear_row(page, 2)

    fill_row(page, 0, "2021-01-10", "sell", "50", "400")
    page.locator(f"#id_{KEY}__closing__hk_0700").fill("10")
    assert_fits_the_screen(page)
    journey.shot(page, "zh-hant-schedule-filled")
    next_step(page)
    assert step_progress(page)[0] == 2  # the same step again, with the errors
    errors = schedule_errors(page)
    assert "第 1 筆交易（騰訊股票（0700.HK））" in errors and "賣出了 50，但當時您只持有 0。" in errors
    assert "應為 -50，但您填寫的結束時持有數量是 10。" in errors
    assert page.locator(".form-error-summary").is_visible()
    assert_page_in_language(page, "zh-hant")
    assert_fits_the_screen(page)
    journey.shot(page, "zh-hant-schedule-does-not-add-up")
    journey.assert_accessible(page)

    # Corrected: bought 60, sold 50, 10 held at the end. The rest of the form, then the review page.
    fill_row(page, 0, "2021-01-10", "buy", "60", "400")
    fill_row(page, 1, "2021-03-10", "sell", "50", "380")
    next_step(page)
    assert step_progress(page)[0] == 3
    # No server, script or console error on any step. The review page's human check (the ALTCHA
    # widget, issue 12) is checked by the claimant journeys, not here.
    fill_whole_form(page, on_step=lambda _page, _number: journey.assert_no_problems())
    listed = page.locator(".review-trades li")
    assert listed.count() == 2 and "買進" in listed.nth(0).inner_text()
    assert_fits_the_screen(page)
    journey.shot(page, "zh-hant-review-with-schedule")
    send_case(page)
    assert page.url == journey.url("/zh-hant/cases/receipt/"), page.url
    case = journey.server.case(read_receipt(page).reference)
    assert [trade["quantity"] for trade in case["answers"][KEY]["trades"]] == ["60", "50"]
    assert case["answers"][KEY]["closing"]["hk_0700"] == "10"
    journey.assert_only_this_origin()


def test_simplified_chinese_phone_without_javascript_adds_and_removes_rows_by_reloading_the_step(journey):
    """zh-CN, 360 px, scripts off: "Add a transaction" brings the step back with one more row and
    what was typed, opened at the new row, without errors; Enter goes on like Next (never "Remove")
    and the holdings check speaks Simplified Chinese; "Remove" takes one row out."""
    page = journey.new_page(viewport=PHONE, locale="zh-CN", java_script_enabled=False, is_mobile=True)
    go_to_the_schedule_step(page, journey, "zh-hans")
    fill_row(page, 0, "2021-01-10", "sell", "50", "400")
    with page.expect_navigation():
        page.get_by_role("button", name="添加一笔交易").click()
    assert page.url.endswith(f"#id_{KEY}__3__row")
    assert rows(page).count() == 4
    assert page.locator(f"#id_{KEY}__0__quantity").input_value() == "50"
    assert page.locator(".form-error-summary").count() == 0
    assert step_progress(page)[0] == 2
    assert_fits_the_screen(page)
    journey.shot(page, "zh-hans-one-more-row-without-javascript")

    with page.expect_navigation():
        page.locator(f"#id_{KEY}__0__price").press("Enter")
    assert rows(page).count() == 4 and step_progress(page)[0] == 2
    errors = schedule_errors(page)
    assert "第 1 笔交易（腾讯股票（0700.HK））" in errors and "卖出了 50，但当时您只持有 0。" in errors
    assert_page_in_language(page, "zh-hans")
    journey.shot(page, "zh-hans-schedule-does-not-add-up")
    journey.assert_accessible(page)

    with page.expect_navigation():
        rows(page).nth(0).get_by_role("button", name="删除这笔交易").click()
    assert rows(page).count() == 3
    assert page.locator(f"#id_{KEY}__0__quantity").input_value() == ""
    assert page.locator(".form-error-summary").count() == 0
    journey.assert_no_problems()
    journey.assert_only_this_origin()
