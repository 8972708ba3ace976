"""The public pages: every type, every language, with the right chrome."""

import re

import pytest

from home.models import AnnouncementIndexPage, AnnouncementPage, HomePage, StandardPage
from tests.builders import LANGUAGES, intake_form
from tests.helpers import page_in, soup, visible_text

PAGE_TYPES = [HomePage, StandardPage, AnnouncementIndexPage, AnnouncementPage]
# Chrome strings that must never appear untranslated on a Chinese page.
ENGLISH_CHROME = [
    "Skip to main content",
    "Latest announcements",
    "All announcements",
    "This site uses no trackers",
    "Contact:",
]


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_page_type_renders_in_each_language_with_its_lang(client, demo_site, model, language):
    """Every page type answers 200 in every language, declaring that language on <html>."""
    page = page_in(model, language)
    assert page is not None, f"no {model.__name__} in {language}"
    response = client.get(page.url)
    assert response.status_code == 200
    document = soup(response)
    assert document.html["lang"] == language
    assert document.find("main", id="main") is not None
    assert document.find("a", class_="skip-link")["href"] == "#main"


@pytest.mark.django_db
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_chinese_pages_show_no_english_chrome_or_content(client, demo_site, model, language):
    """A Chinese page shows no English navigation, footer, switcher or body text."""
    page = page_in(model, language)
    text = visible_text(soup(client.get(page.url)))
    for english in ENGLISH_CHROME:
        assert english not in text
    english_page = page.get_translation(page_in(model, "en").locale)
    assert english_page.title not in text
    # Apart from the names of the languages in the switcher and the e-mail address, no run of
    # three English words appears.
    stripped = text.replace("English", "")
    stripped = re.sub(r"\S+@\S+", "", stripped)
    assert not re.search(r"\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}\b", stripped), stripped[:500]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_points_to_the_same_page_in_each_language(client, demo_site, language):
    """The switcher links to this very page's translations, marking the current language."""
    page = page_in(StandardPage, language, slug="faq") or page_in(StandardPage, language)
    document = soup(client.get(page.url))
    links = {a["hreflang"]: a for a in document.select("nav.language-switcher a")}
    assert set(links) == set(LANGUAGES)
    for code, link in links.items():
        translation = page.get_translation(page_in(StandardPage, code).locale)
        assert link["href"] == translation.url
        assert (link.get("aria-current") == "true") == (code == language)
    alternates = {link["hreflang"] for link in document.select('link[rel="alternate"]')}
    assert alternates == set(LANGUAGES)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept_language", "expected_prefix"),
    [
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("zh-TW,zh;q=0.9", "/zh-hant/"),
        ("zh-HK", "/zh-hant/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("en-GB", "/en/"),
    ],
)
def test_root_redirects_by_browser_language(client, accept_language, expected_prefix):
    """`/` sends each visitor to the home page in the language their browser prefers."""
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected_prefix


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page_is_in_the_visitors_language(client, language):
    """A missing page answers 404 with the error page in the language of its URL."""
    response = client.get(f"/{language}/no-such-page-here/")
    assert response.status_code == 404
    document = soup(response)
    assert document.html["lang"] == language
    if language != "en":
        assert "Page not found" not in visible_text(document)


def test_server_error_page_offers_every_language(settings):
    """The 500 page renders without a database or request, in all three languages."""
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert 'lang="zh-hans"' in html and 'lang="zh-hant"' in html
    assert "Something went wrong" in html
    assert html.count("<h") >= 3


@pytest.mark.django_db
def test_home_page_lists_four_case_types_linking_to_forms_in_its_language(client, demo_site):
    """The home page shows the four case types, each linking to the form in the same language."""
    for language in LANGUAGES:
        home = page_in(HomePage, language)
        document = soup(client.get(home.url))
        cards = document.select(".case-types .case-type")
        assert len(cards) == 4
        for card in cards:
            href = card.find("a")["href"]
            assert href.startswith(f"/{language}/")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_a_failed_csrf_check_is_explained_in_the_claimants_language(language):
    """A form sent without a valid CSRF token gets a 403 page in Chinese telling what to do."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    page = intake_form("persecution", language)
    response = client.post(page.url, {"what_happened": "x"})
    assert response.status_code == 403
    document = soup(response)
    assert document.html["lang"] == language
    text = visible_text(document)
    assert "CSRF" not in text
    assert "Forbidden" not in text
    assert re.search(r"[\u4e00-\u9fff]{6}", document.find("h1").get_text())


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_footer_links_point_to_pages_in_the_visitors_language(client, demo_site, language):
    """Footer links lead to the privacy notice, about and FAQ pages in the page's own language."""
    document = soup(client.get(page_in(HomePage, language).url))
    hrefs = [a["href"] for a in document.select(".site-footer__links a")]
    assert len(hrefs) == 3
    assert all(href.startswith(f"/{language}/") for href in hrefs)


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_kept_page_body_is_the_markup_wagtail_renders(client, demo_site, django_assert_max_num_queries, language):
    """Each worker keeps a page's rendered blocks per content generation (home/templatetags/site_chrome.py):
    what it serves is exactly Wagtail's own rendering, a second rendering runs no page-chooser query,
    and a publish is seen at once."""
    from django.template import Context, Template
    from django.test import Client, RequestFactory
    from django.utils import translation

    home = page_in(HomePage, language)
    request = RequestFactory().get(home.url)
    request.is_preview = True  # Wagtail's own rendering, nothing kept
    with translation.override(language):
        wagtails = Template("{% load wagtailcore_tags %}{% include_block page.body %}").render(
            Context({"page": home, "request": request})
        )
    served = soup(client.get(home.url)).select_one(".stream").decode_contents()
    assert served.strip() == str(soup_of(wagtails)).strip()
    with django_assert_max_num_queries(2):  # the page itself and its announcements, not its page choosers
        Client().get(home.url, QUERY_STRING="fresh=1")
    home.hero_heading = "标题"
    body = list(home.body.raw_data)
    call = next(block for block in body if block["type"] == "call_to_action")
    call["value"]["button_label"] = "Published just now"
    home.body = body
    home.save_revision().publish()
    assert "Published just now" in Client().get(home.url, QUERY_STRING="fresh=2").content.decode()


@pytest.mark.django_db
def test_a_body_rendered_afresh_reads_all_its_chosen_pages_in_one_query(client, demo_site):
    """The home page's case types and call to action each choose pages: Wagtail reads them one query
    per kind of block; the body reads them together (the bench's (6) counts the whole request)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    home = page_in(HomePage, "zh-hans")
    kinds = {block["type"] for block in home.body.raw_data}
    assert {"case_types", "call_to_action"} <= kinds
    before = soup(client.get(home.url))
    home.save_revision().publish()  # its blocks are rendered again
    with CaptureQueriesContext(connection) as captured:
        document = soup(Client().get(home.url))
    chooser_reads = [q["sql"] for q in captured.captured_queries if '"wagtailcore_page"."id" IN' in q["sql"]]
    assert len(chooser_reads) == 1
    links = [a["href"] for a in document.select(".stream a")]
    assert links == [a["href"] for a in before.select(".stream a")]
    assert len(links) >= 5 and all(href.startswith("/zh-hans/") for href in links)


@pytest.mark.django_db
def test_a_chosen_page_since_deleted_is_none_without_a_query_of_its_own(demo_site, django_assert_num_queries):
    from home.blocks import HomeBodyBlock, pages_chosen_in

    home = page_in(HomePage, "en")
    raw = [dict(block) for block in home.body.raw_data if block["type"] == "call_to_action"]
    raw[0] = {**raw[0], "value": {**raw[0]["value"], "page": 987654}}
    with django_assert_num_queries(1), pages_chosen_in(HomeBodyBlock(), raw):
        [value] = HomeBodyBlock().child_blocks["call_to_action"].bulk_to_python([raw[0]["value"]])
    assert value["page"] is None


def soup_of(html):
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


@pytest.mark.django_db
def test_the_kept_header_and_footer_follow_a_change_at_once(client, demo_site):
    """The header, footer and latest announcements are kept per content generation, page and
    language ({% kept %}): saving the organisation details shows everywhere on the next request,
    and each language keeps its own."""
    from django.test import Client

    from home.models import OrganisationDetails

    chinese, english = page_in(HomePage, "zh-hans"), page_in(HomePage, "en")
    for page in (chinese, english, chinese):
        client.get(page.url, QUERY_STRING="warm=1")
    details = OrganisationDetails.objects.get(locale__language_code="zh-hans")
    details.name = "微信问责项目（新名称）"
    details.save()
    document = soup(Client().get(chinese.url, QUERY_STRING="after=1"))
    assert "微信问责项目（新名称）" in document.select_one(".site-header").get_text()
    assert "微信问责项目（新名称）" in document.select_one(".site-footer").get_text()
    assert "微信问责项目（新名称）" not in Client().get(english.url, QUERY_STRING="after=1").content.decode()
