"""Tor: the site works under its .onion name and announces it with Onion-Location on public pages."""

import re

import pytest
from wagtail.models import Page

from forms_app.models import IntakeFormPage
from tests.helpers import soup

# These tests read the demo site's pages and forms.
pytestmark = pytest.mark.usefixtures("demo_site")

ONION = "http://casesxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstu.onion"
ONION_HOST = ONION.removeprefix("http://")


def public_paths():
    form = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="zh-hant")
    pages = [page.url for page in Page.objects.live().filter(depth__gte=2).specific()[:12]]
    return sorted({"/en/", "/zh-hans/", form.url, *pages})


@pytest.mark.django_db
def test_public_pages_link_only_to_relative_addresses_under_the_onion_host(client):
    """Served under the .onion host, public pages contain no link, form action, script, style or
    image address to any clear-web domain: each is relative, or absolute on the host in use."""
    for path in public_paths():
        response = client.get(path, HTTP_HOST=ONION_HOST)
        assert response.status_code == 200, path
        document = soup(response)
        for element in document.find_all(True):
            for attribute in ("href", "src", "action", "srcset", "content"):
                value = element.get(attribute) or ""
                if attribute == "content" and element.name == "meta" and not element.get("property"):
                    continue
                absolute = re.match(r"(?i)\s*(?:https?:)?//([^/:]+)", value)
                assert not absolute or absolute.group(1) == ONION_HOST, (path, element.name, value)


@pytest.mark.django_db
def test_onion_location_is_sent_on_public_pages_when_configured(client, settings):
    """With ONION_LOCATION set, a public page tells Tor Browser the same path on the .onion site."""
    settings.ONION_LOCATION = ONION
    response = client.get("/en/", HTTP_HOST="cases.example.org")
    assert response.status_code == 200
    assert response["Onion-Location"] == ONION + "/en/"


@pytest.mark.django_db
def test_onion_location_is_never_sent_on_the_admin_or_to_onion_visitors(client, settings):
    """No Onion-Location on the admin, on non-HTML answers, or to a visitor already on the .onion host;
    and none at all without ONION_LOCATION."""
    settings.ONION_LOCATION = ONION
    assert "Onion-Location" not in client.get("/admin/login/", HTTP_HOST="cases.example.org")
    assert "Onion-Location" not in client.get("/healthz", HTTP_HOST="cases.example.org")
    assert "Onion-Location" not in client.get("/en/", HTTP_HOST=ONION_HOST)
    settings.ONION_LOCATION = ""
    assert "Onion-Location" not in client.get("/en/", HTTP_HOST="cases.example.org")
