"""A communications editor rewords a question in English, syncs the translations, translates the
new wording in wagtail-localize's editor, publishes, and the Chinese form shows it."""

import re

import pytest

from .claimant import assert_page_in_language
from .staff import EDITOR, sign_in

pytestmark = pytest.mark.browser

FORM_TITLE = "Persecution caused by WeChat censorship or surveillance"
FORM_TITLE_ZH_HANS = "因微信审查或监控而遭受的迫害"
KEY = "what_happened"  # the question's answer key: synchronised, never translated
NEW_LABEL = "What happened to you? Tell us in your own words."
NEW_LABEL_ZH_HANS = "您遭遇了什么？请用您自己的话告诉我们。"


def public_label(journey, page, language):
    page.goto(journey.url(f"/{language}/persecution/"))
    return page.locator(f"label[for=id_{KEY}]").inner_text().strip()


def open_form_in_explorer(journey, page, home_title, form_title):
    """Pages › a language's home › the form's edit view, through the page explorer."""
    page.goto(journey.url("/admin/pages/"))
    page.get_by_role("link", name=f"Explore child pages of '{home_title}'").click()
    page.get_by_role("link", name=form_title, exact=True).click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))


def test_editor_rewords_a_question_and_the_chinese_form_shows_the_new_wording(journey):
    """English edit → publish → Sync translated pages → translate in the translation editor →
    publish in 简体中文 → /zh-hans/ shows the new wording, under the same answer key."""
    page = journey.new_page()
    old_zh_hans = public_label(journey, page, "zh-hans")
    old_zh_hant = public_label(journey, page, "zh-hant")
    sign_in(journey, page, EDITOR)
    journey.shot(page, "dashboard")

    # Reword the question in the English form and publish it.
    open_form_in_explorer(journey, page, "Home", FORM_TITLE)
    key_input = page.locator(f"input[name$='-clean_name'][value='{KEY}']")
    prefix = key_input.get_attribute("name").removesuffix("-clean_name")
    label = page.locator(f"[name='{prefix}-label']")
    label.scroll_into_view_if_needed()
    label.fill(NEW_LABEL)
    journey.shot(page, "english-question-reworded")
    footer = page.locator("footer")
    footer.get_by_role("button", name="More actions").click()
    with page.expect_navigation():
        footer.get_by_role("button", name="Publish", exact=True).click()
    assert page.locator(".messages .success").count() == 1, page.locator(".messages").inner_text()
    journey.shot(page, "english-published")
    assert public_label(journey, page, "en") == NEW_LABEL
    # The translations are untouched until they are synced and published.
    assert public_label(journey, page, "zh-hans") == old_zh_hans

    # Sync translated pages, from the page's action menu, without publishing yet.
    page.go_back()
    open_form_in_explorer(journey, page, "Home", FORM_TITLE)
    page.locator("header").get_by_role("button", name="Actions").click()
    page.get_by_role("link", name="Sync translated pages").click()
    page.wait_for_url(re.compile(r".*/admin/localize/update/\d+/.*"))
    assert not page.get_by_label("Publish immediately").is_checked()
    journey.shot(page, "sync-translated-pages")
    with page.expect_navigation():
        page.get_by_role("button", name="Submit").click()

    # Translate the new wording in the Simplified Chinese translation editor, and publish.
    open_form_in_explorer(journey, page, "首页", FORM_TITLE_ZH_HANS)
    segment = page.locator("li").filter(has=page.get_by_text(NEW_LABEL, exact=True)).last
    assert "incomplete" in segment.get_attribute("class")
    segment.scroll_into_view_if_needed()
    journey.shot(page, "translation-editor-new-string")
    segment.get_by_role("button", name="Translate").click()
    segment.locator("textarea").fill(NEW_LABEL_ZH_HANS)
    with page.expect_response(lambda response: "/admin/localize/translate/" in response.url) as saved:
        segment.get_by_role("button", name="Save").click()
    assert saved.value.ok
    assert "complete" in segment.get_attribute("class").split()
    journey.shot(page, "translation-editor-translated")
    with page.expect_navigation():
        page.locator("footer").get_by_role("button", name="Publish in 简体中文").click()
    journey.shot(page, "chinese-published")

    # The Simplified Chinese form shows the new wording, under the same answer key.
    assert public_label(journey, page, "zh-hans") == NEW_LABEL_ZH_HANS
    assert_page_in_language(page, "zh-hans")
    assert page.locator(f"textarea[name={KEY}]").count() == 1
    journey.shot(page, "chinese-form-new-wording")
    # Traditional Chinese was synced but not translated or published: its live form is unchanged.
    assert public_label(journey, page, "zh-hant") == old_zh_hant
    journey.assert_no_problems()
    journey.assert_only_this_origin()


def test_editor_can_add_a_question_to_a_form(journey):
    """The form's question list in the page editor works: 'Add Questions' adds an empty question."""
    page = journey.new_page()
    sign_in(journey, page, EDITOR)
    open_form_in_explorer(journey, page, "Home", FORM_TITLE)
    total = page.locator("#id_form_fields-TOTAL_FORMS")
    before = int(total.input_value())
    page.locator("#id_form_fields-ADD").click()
    journey.shot(page, "after-add-question")
    assert int(total.input_value()) == before + 1
    assert journey.admin_inline_scripts_blocked == 0
