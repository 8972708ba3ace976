"""No page contacts another origin: no CDN, web font, analytics or embedded media."""

import re

import pytest

from home.models import AnnouncementIndexPage, AnnouncementPage, HomePage, StandardPage
from tests.builders import LANGUAGES
from tests.helpers import page_in

URL_ATTRIBUTES = re.compile(r'\b(?:src|href|srcset|action|poster|data)\s*=\s*"([^"]*)"', re.IGNORECASE)
CSS_URLS = re.compile(r"url\(\s*['\"]?([^'\")]+)")


def external_references(html):
    found = []
    candidates = URL_ATTRIBUTES.findall(html) + CSS_URLS.findall(html)
    for value in candidates:
        for url in value.split(","):
            url = url.strip().split(" ")[0]
            absolute = url.startswith("//") or re.match(r"^[a-z][a-z0-9+.-]*://", url, re.IGNORECASE)
            if absolute and not url.startswith("http://testserver"):
                found.append(url)
    return found


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_rendered_page_references_another_origin(client, demo_site, language):
    """Pages, and the stylesheet they load, reference nothing but this site."""
    pages = [page_in(model, language) for model in (HomePage, StandardPage, AnnouncementIndexPage, AnnouncementPage)]
    from forms_app.models import IntakeFormPage

    pages += list(IntakeFormPage.objects.live().filter(locale__language_code=language))
    for page in pages:
        html = client.get(page.url).content.decode()
        # hreflang alternates must be absolute and point at this host only.
        assert external_references(html) == [], page.url


def test_stylesheet_uses_system_fonts_only():
    """The stylesheet loads no font or image from anywhere (system fonts only)."""
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "site.css").read_text()
    assert "@import" not in css
    assert "@font-face" not in css
    assert external_references(css) == []


@pytest.mark.django_db
def test_public_pages_send_a_strict_content_security_policy(client, demo_site):
    """Public pages forbid scripts, styles, fonts and connections to any other origin."""
    response = client.get(page_in(HomePage, "en").url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
