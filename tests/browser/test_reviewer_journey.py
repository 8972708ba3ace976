"""A reviewer whose admin is in Chinese finds a new case in the queue, reads it, downloads its
evidence and moves it on, on a desktop screen."""

import re

import pytest
from playwright.sync_api import expect

from .claimant import CJK
from .staff import REVIEWER, sign_in

pytestmark = pytest.mark.browser

STORY_START = "They summoned me for tea"  # tests/intake/builders.py answers every long question so


def test_reviewer_in_chinese_finds_reads_downloads_and_moves_a_case(journey, tmp_path):
    """Cases › filter by type › the case › its answers under Chinese labels › both evidence files
    (metadata-free working copies, named by reference) › status "in review"."""
    persecution, investor = journey.server.file_cases(("persecution", "zh-hans"), ("investor", "en"))
    page = journey.new_page(locale="zh-CN", accept_downloads=True)
    sign_in(journey, page, REVIEWER)
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    journey.shot(page, "dashboard")

    # The Cases menu item, then the queue filtered by case type.
    page.locator("a[href='/admin/cases/']").first.click()
    page.wait_for_url(journey.url("/admin/cases/"))
    assert page.get_by_role("link", name=investor).is_visible()
    page.get_by_role("button", name="显示过滤器").click()
    filters = page.locator("#filters-drilldown")
    filters.get_by_role("button", name="案件类型").click()
    persecution_box = filters.locator("input[name=case_type][value=persecution]")
    assert CJK.search(persecution_box.evaluate("box => box.labels[0].innerText"))
    with page.expect_response(lambda response: "/admin/cases/results/" in response.url):
        persecution_box.check()
    page.keyboard.press("Escape")
    expect(persecution_box).to_be_hidden()
    assert "case_type=persecution" in page.url
    assert page.get_by_role("link", name=persecution).is_visible()
    assert page.get_by_role("link", name=investor).count() == 0
    journey.shot(page, "queue-filtered-by-type")

    # The case: its answers, under the questions' Chinese wording.
    page.get_by_role("link", name=persecution).click()
    page.wait_for_url(re.compile(r".*/admin/cases/\d+/$"))
    assert persecution in page.locator("main").inner_text()
    answers = page.locator("#answers .case-answer")
    assert answers.count() > 10
    story = answers.filter(has_text=STORY_START).first
    assert CJK.search(story.locator("dt").inner_text()), "the question is not shown in Chinese"
    assert story.locator("details").count() == 1  # the wording the claimant saw
    journey.shot(page, "case")

    # Both evidence files: working copies, as attachments named by the reference, not the claimant.
    downloads = page.locator("#evidence a[href$='/working/']")
    assert downloads.count() == 2
    signatures = []
    for index in range(2):
        with page.expect_download() as download_info:
            downloads.nth(index).click()
        download = download_info.value
        assert download.suggested_filename.startswith(persecution), download.suggested_filename
        path = tmp_path / download.suggested_filename
        download.save_as(path)
        signatures.append(path.read_bytes()[:4])
    assert {signature[:2] for signature in signatures} == {b"\xff\xd8", b"\x89P"}, signatures  # JPEG, PNG

    # Move the case on: new → in review, with a reason.
    status_form = page.locator("#workflow form[action$='/status/']")
    status_form.locator("select[name='status-status']").select_option("in_review")
    status_form.locator("textarea[name='status-reason']").fill("证据清楚，开始审核。")
    with page.expect_navigation():
        status_form.locator("button[type=submit]").click()
    journey.shot(page, "status-changed")
    assert journey.server.case(persecution)["status"] == "in_review"
    assert "审核中" in page.locator(".case-summary").first.inner_text()
    journey.assert_no_problems()
    journey.assert_only_this_origin()
