"""What a claimant does in the browser: fill every step of a form, check the answers, read the receipt.

The form is filled through the page as a person would, step by step and question by question,
whatever questions the editors have put in it: a text box gets text, a list gets its first real
choice, every group of tick boxes or radio buttons gets its first option, dates are given in order,
and the evidence field gets two files. Questions hidden on the step (a condition not met, with
scripts on) are left alone.
"""

import io
import re
from dataclasses import dataclass

from PIL import Image

STORY = "They summoned me for tea after my post about the flood. 我被约谈了，他们给我看了我的微信聊天记录。"
FULL_NAME = "张三 Zhang San"
REFERENCE = re.compile(r"WC-[2-9A-Z]{4}-[2-9A-Z]{4}")
CJK = re.compile(r"[\u3400-\u9fff]")
NOJS_WAIT_SECONDS = 2  # tests/browser/server_settings.py


def evidence_files():
    """Two small real images, as Playwright file payloads (a screenshot and a photo of a notice)."""
    jpeg, png = io.BytesIO(), io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(jpeg, "JPEG", quality=90)
    Image.new("RGB", (40, 40), (20, 120, 200)).save(png, "PNG")
    return [
        {"name": "截图 1.jpg", "mimeType": "image/jpeg", "buffer": jpeg.getvalue()},
        {"name": "notice.png", "mimeType": "image/png", "buffer": png.getvalue()},
    ]


def _text_for(box):
    name = box.get_attribute("name") or ""
    if name == "wechat_id":
        return "wxid_test123"
    if name.startswith("attestation"):
        return FULL_NAME
    if "phone" in name or "signal" in name:
        return "+852 5555 0100"
    return "An answer 一个回答"


def fill_question(question):
    """Answer one question (a .question block) through its visible controls. A trade schedule
    (optional, with a test of its own: test_trade_schedule.py) is left empty."""
    if question.locator("[data-trade-schedule]").count():
        return
    for box in question.locator("textarea").all():
        box.fill(STORY)
    for box in question.locator("input[type=text]").all():
        box.fill(_text_for(box))
    for box in question.locator("input[type=email]").all():
        box.fill("claimant@example.org")
    for box in question.locator("input[type=number]").all():
        box.fill("1234.50")
    for day, box in zip(("2024-01-10", "2024-03-02"), question.locator("input[type=date]").all(), strict=False):
        box.fill(day)
    for select in question.locator("select").all():
        values = [value for value in select.locator("option").evaluate_all("os => os.map(o => o.value)") if value]
        select.select_option(values[0])
    first_of_each_group = {}
    for choice in question.locator("input[type=checkbox], input[type=radio]").all():
        first_of_each_group.setdefault(choice.get_attribute("name"), choice)
    for choice in first_of_each_group.values():
        choice.check()
    for upload in question.locator("input[type=file]").all():
        upload.set_input_files(evidence_files())


def visible_questions(page):
    """The questions of the step on the page, except those hidden by a condition."""
    questions = page.locator("form.intake-form .step-question:not([hidden]) > .question")
    return [questions.nth(index) for index in range(questions.count())]


def step_progress(page):
    """(step number, steps in all) from "Step 2 of 5" / "第 2 步，共 5 步"."""
    number, total = re.findall(r"\d+", page.locator(".step-progress").inner_text())[:2]
    return int(number), int(total)


def next_step(page):
    """Press Next (the first button of the step) and wait for the next page."""
    with page.expect_navigation():
        page.locator("form.intake-form button[value=next]").click()


def fill_step(page, with_files=True):
    """Answer every visible question of the current step; returns how many there were."""
    questions = visible_questions(page)
    for question in questions:
        if not with_files and question.locator("input[type=file]").count():
            continue
        fill_question(question)
    return len(questions)


def fill_whole_form(page, on_step=None):
    """Answer every step of the intake form on the page, pressing Next, up to the page that lists
    the answers; return how many questions there were. ``on_step(page, number)`` runs on each step."""
    count = 0
    for _guard in range(20):
        number, total = step_progress(page)
        if number == total:
            assert page.locator(".review-answers").count() > 0, "the last step lists the answers"
            assert count > 5, "the form has hardly any questions"
            return count
        count += fill_step(page)
        if on_step:
            on_step(page, number)
        next_step(page)
        assert step_progress(page)[0] == number + 1, page.locator(".form-error-summary").all_inner_texts()
    raise AssertionError("the form never reached the page listing the answers")


def send_case(page):
    """On the page listing the answers: send the case.

    Without scripts the claimant reads the list of answers first (read_before_sending). Sending
    sooner is refused with the seconds left: tests/intake/test_human_check.py."""
    read_before_sending(page)
    with page.expect_navigation():
        page.locator("form.intake-form button[value=submit]").click()


def read_before_sending(page):
    """Without scripts (the human check's <noscript> note is then part of the page), take the time
    a person takes before sending: the server accepts a form sent without proof-of-work only
    INTAKE_NOJS_WAIT_SECONDS after it showed it. With scripts, nothing: the widget solves its
    proof-of-work when the button is pressed."""
    if page.locator(".human-check .form-note").count():
        page.wait_for_timeout((NOJS_WAIT_SECONDS + 1) * 1000)


@dataclass
class Receipt:
    reference: str
    code: str


def read_receipt(page):
    reference = page.locator(".receipt__reference").inner_text().strip()
    code = page.locator(".receipt__code").inner_text().strip()
    assert REFERENCE.fullmatch(reference), reference
    digits = code.replace(" ", "")
    assert re.fullmatch(r"\d{20}", digits), code
    return Receipt(reference, digits)


# Text nodes and attributes shown to a reader in a language other than the page's language: Latin
# words on a Chinese page, Chinese characters on an English one. Elements that declare their own
# language (the language switcher), e-mail addresses and case references are not counted.
UNTRANSLATED_TEXT_JS = r"""
(allowed) => {
  const pageLang = document.documentElement.lang;
  const chinese = pageLang.startsWith("zh");
  const cjk = /[\u3400-\u9fff]/;
  const latinWord = /[A-Za-z]{3,}/;
  const email = /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/;
  const reference = /^WC-[2-9A-Z]{4}-[2-9A-Z]{4}$/;
  const foreign = (text) => {
    text = text.trim();
    if (!text || allowed.includes(text) || email.test(text) || reference.test(text)) return false;
    return chinese ? latinWord.test(text) && !cjk.test(text) : cjk.test(text);
  };
  const inPageLanguage = (el) => (el.closest("[lang]")?.getAttribute("lang") || "") === pageLang;
  const found = [];
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const el = walker.currentNode.parentElement;
    if (["SCRIPT", "STYLE", "NOSCRIPT", "TEXTAREA"].includes(el.tagName) || !inPageLanguage(el)) continue;
    if (foreign(walker.currentNode.textContent)) found.push(`${el.tagName}: ${walker.currentNode.textContent.trim()}`);
  }
  for (const el of document.querySelectorAll("[aria-label], [title], [alt], [placeholder], input[type=submit]")) {
    if (!inPageLanguage(el)) continue;
    for (const name of ["aria-label", "title", "alt", "placeholder", "value"]) {
      const value = el.getAttribute(name);
      if (value && foreign(value)) found.push(`${el.tagName}[${name}]: ${value}`);
    }
  }
  return found;
}
"""
# Brand names that stay in Latin letters in Chinese.
ALLOWED_LATIN = ["Signal"]


def untranslated_text(page):
    return page.evaluate(UNTRANSLATED_TEXT_JS, ALLOWED_LATIN)


def links_to_other_languages(page, language):
    """Links on the page (outside the language switcher) that lead to another language's pages."""
    hrefs = page.eval_on_selector_all(
        "a[href^='/']:not(.language-switcher a)", "links => links.map(a => a.getAttribute('href'))"
    )
    prefixes = ("/en/", "/zh-hans/", "/zh-hant/")
    return [href for href in hrefs if href.startswith(prefixes) and not href.startswith(f"/{language}/")]


def assert_page_in_language(page, language):
    """The page declares the language, is styled, and shows nothing left untranslated."""
    assert page.locator("html").get_attribute("lang") == language
    # The stylesheet loaded (served by WhiteNoise from the finders, under the CSP).
    assert page.locator(".site-header").evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(27, 31, 36)"
    assert untranslated_text(page) == []
    assert links_to_other_languages(page, language) == []
