"""The investor's trade schedule in a real browser on a 360 px phone: rows added and removed with
JavaScript (no reload) and without it (the form comes back with what was typed), the holdings check
explained in the claimant's language, and a schedule that adds up filed."""

import pytest

from .claimant import fill_whole_form, read_receipt
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


def test_traditional_chinese_phone_with_javascript_adds_rows_is_told_where_it_does_not_add_up_and_files(journey):
    """zh-TW, 360 px, scripts on: add and remove rows in the page, see the holdings check in
    Traditional Chinese naming the row and security, correct it, get a receipt."""
    page = journey.new_page(viewport=PHONE, locale="zh-TW", is_mobile=True, has_touch=True)
    page.goto(journey.url("/zh-hant/investor/"))
    fill_whole_form(page)
    assert rows(page).count() == 3
    url = page.url
    page.get_by_role("button", name="新增更多列").click()
    assert rows(page).count() == 4 and page.url == url
    assert page.locator(f"input[name={KEY}__rows]").input_value() == "4"
    fill_row(page, 3, "2021-05-01", "buy", "7", "500")
    rows(page).nth(0).get_by_role("button", name="刪除這筆交易").click()
    assert rows(page).count() == 3
    # The row typed into is now the third, renumbered for the server.
    assert page.locator(f"#id_{KEY}__2__quantity").input_value() == "7"
    assert rows(page).nth(2).locator("legend").inner_text().strip() == "交易 3"
    page.locator(f"#id_{KEY}__2__quantity").fill("")
    page.locator(f"#id_{KEY}__2__date").fill("")
    page.locator(f"#id_{KEY}__2__price").fill("")
    page.locator(f"#id_{KEY}__2__side").select_option("")
    page.locator(f"#id_{KEY}__2__instrument").select_option("")
    page.locator(f"#id_{KEY}__2__currency").select_option("")

    fill_row(page, 0, "2021-01-10", "sell", "50", "400")
    page.locator(f"#id_{KEY}__closing__hk_0700").fill("10")
    assert_fits_the_screen(page)
    journey.shot(page, "zh-hant-schedule-filled")
    with page.expect_navigation():
        page.locator("form.intake-form > button[type=submit]").click()
    errors = page.locator(f"#id_{KEY}_question .field-errors").inner_text()
    assert "第 1 筆交易（騰訊股票（0700.HK））" in errors and "賣出了 50，但當時您只持有 0。" in errors
    assert "應為 -50，但您填寫的結束時持有數量是 10。" in errors
    assert_fits_the_screen(page)
    journey.shot(page, "zh-hant-schedule-does-not-add-up")

    # Files must be chosen again after a round trip; then the corrected schedule is filed.
    fill_whole_form(page)
    fill_row(page, 0, "2021-01-10", "buy", "60", "400")
    fill_row(page, 1, "2021-03-10", "sell", "50", "380")
    with page.expect_navigation():
        page.locator("form.intake-form > button[type=submit]").click()
    assert page.url == journey.url("/zh-hant/cases/receipt/"), page.url
    case = journey.server.case(read_receipt(page).reference)
    assert [trade["quantity"] for trade in case["answers"][KEY]["trades"]] == ["60", "50"]
    assert case["answers"][KEY]["closing"]["hk_0700"] == "10"
    journey.assert_no_problems()
    journey.assert_only_this_origin()


def test_simplified_chinese_phone_without_javascript_adds_rows_by_reloading_with_the_answers(journey):
    """zh-CN, 360 px, scripts off: "Add more rows" sends the form back with three more rows and what was
    typed, without errors; the holdings check speaks Simplified Chinese."""
    page = journey.new_page(viewport=PHONE, locale="zh-CN", java_script_enabled=False, is_mobile=True)
    page.goto(journey.url("/zh-hans/investor/"))
    fill_row(page, 0, "2021-01-10", "sell", "50", "400")
    with page.expect_navigation():
        page.get_by_role("button", name="添加更多行").click()
    assert rows(page).count() == 6
    assert page.locator(f"#id_{KEY}__0__quantity").input_value() == "50"
    assert page.locator(".form-error-summary").count() == 0
    assert_fits_the_screen(page)
    journey.shot(page, "zh-hans-more-rows-without-javascript")
    # Enter in a field sends the form (never "Remove this transaction", the first button in the schedule).
    with page.expect_navigation():
        page.locator(f"#id_{KEY}__0__price").press("Enter")
    assert rows(page).count() == 6
    errors = page.locator(f"#id_{KEY}_question .field-errors").inner_text()
    assert "第 1 笔交易（腾讯股票（0700.HK））" in errors and "卖出了 50，但当时您只持有 0。" in errors
    journey.shot(page, "zh-hans-schedule-does-not-add-up")
    journey.assert_no_problems()
    journey.assert_only_this_origin()
