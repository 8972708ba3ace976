"""The 400, 403 and 404 pages share one layout: site chrome, a heading that is the title, a way on."""

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.test import RequestFactory
from django.utils import translation
from django.views import defaults

from tests.builders import LANGUAGES
from tests.helpers import soup

HANDLERS = {
    400: (defaults.bad_request, SuspiciousOperation()),
    403: (defaults.permission_denied, PermissionDenied()),
    404: (defaults.page_not_found, Http404()),
}


@pytest.mark.django_db
@pytest.mark.parametrize("status", sorted(HANDLERS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_error_page_has_the_shared_layout_in_the_visitors_language(status, language, demo_site):
    """Each error page shows the site header, one <h1> repeating its <title>, and a link home (to
    the home page in the visitor's language, which the demo site has in all three)."""
    handler, exception = HANDLERS[status]
    request = RequestFactory().get(f"/{language}/anything/")
    request.user = None
    with translation.override(language):
        response = handler(request, exception)
    assert response.status_code == status
    document = soup(response)
    assert document.html["lang"] == language
    assert document.select_one("header.site-header") is not None
    [heading] = document.find_all("h1")
    assert document.title.get_text().startswith(heading.get_text(strip=True))
    home = document.select_one("main a.button")
    assert home["href"].startswith(f"/{language}/")
