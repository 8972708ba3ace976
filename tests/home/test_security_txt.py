"""/.well-known/security.txt (RFC 9116) publishes the security contact from the organisation details."""

import re
from datetime import UTC, datetime

import pytest

from home.models import OrganisationDetails

# These tests use the seeded demo site (its pages and forms in three languages).
pytestmark = pytest.mark.usefixtures("demo_site")


@pytest.mark.django_db
def test_security_txt_has_the_contact_expiry_languages_and_canonical_address(client):
    """The file carries the seeded security contact, a future expiry, our languages and its own URL."""
    response = client.get("/.well-known/security.txt", HTTP_HOST="cases.example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"] == "mailto:security@example.org"
    assert fields["Preferred-Languages"] == "en, zh-Hans, zh-Hant"
    assert fields["Canonical"] == "http://cases.example.org/.well-known/security.txt"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", fields["Expires"])
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    assert 0 < (expires - datetime.now(UTC)).days <= 366


@pytest.mark.django_db
def test_a_url_contact_is_published_as_is_and_an_empty_one_falls_back_to_the_contact_email(client):
    """An https:// security contact is used verbatim; without one the contact e-mail is used."""
    OrganisationDetails.objects.update(security_contact="https://example.org/report")
    assert "Contact: https://example.org/report" in client.get("/.well-known/security.txt").content.decode()
    OrganisationDetails.objects.update(security_contact="")
    assert "Contact: mailto:cases@example.org" in client.get("/.well-known/security.txt").content.decode()


@pytest.mark.django_db
def test_without_any_contact_there_is_no_security_txt(client):
    """An empty file would be worse than none: with no contact at all the address is a 404."""
    OrganisationDetails.objects.update(security_contact="", contact_email="")
    assert client.get("/.well-known/security.txt").status_code == 404


@pytest.mark.django_db
def test_the_security_contact_must_be_an_email_or_https_address():
    """Editors cannot save a plain http:// or free-text contact."""
    from django.core.exceptions import ValidationError

    from home.models import validate_email_or_https_url

    validate_email_or_https_url("security@example.org")
    validate_email_or_https_url("https://example.org/security")
    for bad in ["http://example.org/", "call us", "javascript:alert(1)"]:
        with pytest.raises(ValidationError):
            validate_email_or_https_url(bad)
