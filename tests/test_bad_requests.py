"""A request the server cannot read gets a 4xx, never a 500."""

import pytest
from django.test import Client

from forms_app.models import IntakeFormPage

pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.django_db
@pytest.mark.parametrize("where", ["form page", "admin login"])
def test_a_form_posted_as_utf16_is_a_400_not_a_500(where):
    """A urlencoded body in UTF-16 (which Django refuses to parse) gets the translated 400 page,
    with CSRF enforced as in production."""
    url = IntakeFormPage.objects.live().filter(locale__language_code="zh-hans").first().url
    url = "/admin/login/" if where == "admin login" else url
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get(url)
    response = client.generic(
        "POST",
        url,
        "a=b".encode("utf-16"),
        content_type="application/x-www-form-urlencoded; charset=utf-16",
        HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value,
    )
    assert response.status_code == 400
    if where == "form page":
        assert "无法读取请求" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/zh-hans/", "/admin/"])
def test_a_request_for_a_host_not_served_is_a_400_not_a_500(settings, path):
    """A Host header outside ALLOWED_HOSTS (a scanner, a misdirected proxy) gets the 400 page: the
    page's own chrome must not ask for the host again and fail a second time."""
    settings.ALLOWED_HOSTS = ["cases.example.org"]
    client = Client(raise_request_exception=False, HTTP_HOST="elsewhere.example.net")
    response = client.get(path)
    assert response.status_code == 400
    if path == "/zh-hans/":
        assert "无法读取请求" in response.content.decode()
