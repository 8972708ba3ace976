"""The Cases area of the admin styles itself from one static stylesheet, not inline <style>."""

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.builders import make_case
from tests.helpers import soup

STYLESHEET = "forms_app/admin/cases.css"


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["detail", "statistics"])
def test_case_pages_link_the_cases_stylesheet_and_carry_no_case_style_block(client, reviewer, page):
    """The case page and the statistics page link cases.css; no <style> of ours is inlined."""
    case = make_case("persecution", "en")
    args = [case.pk] if page == "detail" else []
    client.force_login(reviewer)
    response = client.get(reverse(f"forms_app_review:{page}", args=args))
    assert response.status_code == 200
    document = soup(response)
    links = [link["href"] for link in document.select('link[rel="stylesheet"]')]
    assert any(href.endswith(STYLESHEET) for href in links), links
    assert not [style for style in document.find_all("style") if ".case-" in style.get_text()]


def test_the_stylesheet_holds_the_case_page_and_statistics_rules():
    """cases.css is a real static file with the rules both pages rely on."""
    path = finders.find(STYLESHEET)
    assert path is not None
    with open(path, encoding="utf-8") as css:
        text = css.read()
    for selector in (".case-never", ".case-answer", ".case-timeline", ".case-stats", ".case-chart"):
        assert selector in text
