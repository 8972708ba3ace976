"""My case's contact form warns about mainland-China mail providers before e-mail is chosen."""

import pytest

from forms_app.cases import activity
from tests.mycase.builders import enter, filed_case

pytestmark = pytest.mark.django_db


def test_my_case_contact_form_warns_about_a_mainland_provider_and_saves_once_understood(client):
    """A new 163.com address with e-mail as a safe channel: the form comes back (400) with the
    warning in the page's language; with "I understand" ticked it is saved."""
    case, code = filed_case(language="zh-hant")
    enter(client, code, "zh-hant")
    url = "/zh-hant/cases/my-case/case/contact/"
    data = {"safe": ["email"], "email": "someone@163.com"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert "在中國大陸營運的電子郵件服務商" in response.content.decode()
    assert activity.contact_of(case).values["email"] != "someone@163.com"
    assert client.post(url, {**data, "china_mail_understood": "on"}).status_code == 302
    assert activity.contact_of(case).values["email"] == "someone@163.com"
