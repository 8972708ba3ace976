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
