"""Editors' documents live on the site's origin: only campaign file types, always downloaded."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model


@pytest.fixture
def editor_client(client, db):
    from tests.builders import staff

    client.force_login(staff("comms", "Communications"))
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["tracker.js", "page.html", "logo.svg", "run.exe"])
def test_uploading_a_script_or_markup_document_is_refused(editor_client, name):
    """Communications cannot upload a .js, .html, .svg or .exe document: the admin refuses it."""
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Campaign file", "file": SimpleUploadedFile(name, b"alert(document.cookie)"), "collection": 1},
    )

    assert response.status_code == 200  # the form again, with its error
    assert "is not allowed" in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_a_pdf_is_accepted_and_served_as_an_attachment_with_nosniff(editor_client, client, settings, tmp_path):
    """A PDF document is served through Wagtail's view, as an attachment, with nosniff and no active content."""
    settings.MEDIA_ROOT = str(tmp_path)
    response = editor_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Briefing", "file": SimpleUploadedFile("briefing.pdf", b"%PDF-1.4\n%%EOF\n"), "collection": 1},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    client.logout()

    served = client.get(document.url)

    assert served.status_code == 200
    assert served["Content-Disposition"].startswith("attachment;")
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert document.url.startswith("/documents/")


@pytest.mark.django_db
def test_document_model_validation_refuses_javascript():
    """The extension check holds outside the admin view too (model validation)."""
    from django.core.exceptions import ValidationError

    document = get_document_model()(title="x", file=ContentFile(b"alert(1)", name="x.js"))
    with pytest.raises(ValidationError):
        document.clean()
