"""Bad input never causes a 500: each problem is explained in the claimant's language."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forms_app.models import Case
from tests.builders import intake_form
from tests.helpers import soup, visible_text
from tests.intake.builders import complete_answers, human_check, jpeg_bytes

CJK = re.compile(r"[\u4e00-\u9fff]")


def error_text(response):
    summary = soup(response).select_one(".form-error-summary")
    assert summary is not None, visible_text(soup(response))[:500]
    return summary.get_text(" ", strip=True)


def png_bomb():
    """A PNG declaring 30000 x 30000 pixels that compresses to a few hundred kilobytes."""
    buffer = io.BytesIO()
    Image.new("1", (30000, 30000)).save(buffer, "PNG")
    return buffer.getvalue()


REFUSED_FILES = {
    "executable renamed .jpg": ("photo.jpg", b"MZ\x90\x00\x03" + b"\x00" * 200, "image/jpeg"),
    "svg": (
        "drawing.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "image/svg+xml",
    ),
    "decompression bomb": ("bomb.png", None, "image/png"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(REFUSED_FILES))
def test_a_refused_evidence_file_is_explained_in_chinese_and_nothing_is_filed(client, kind):
    """An executable named .jpg, an SVG and a decompression bomb are refused with a Chinese message."""
    name, data, content_type = REFUSED_FILES[kind]
    data = png_bomb() if data is None else data
    page = intake_form("persecution", "zh-hans")
    files = [SimpleUploadedFile(name, data, content_type=content_type)]
    response = client.post(page.url, complete_answers(page, files=files))
    assert response.status_code == 200
    assert Case.objects.count() == 0
    message = error_text(response)
    assert CJK.search(message), message
    assert name in message


@pytest.mark.django_db
def test_an_oversize_file_is_refused_while_streaming_with_a_chinese_message(client, settings):
    """A file over the per-file limit is dropped during upload and explained; answers are kept."""
    settings.EVIDENCE_MAX_FILE_BYTES = 10_000
    page = intake_form("account_closure", "zh-hans")
    big = SimpleUploadedFile("big.jpg", jpeg_bytes(size=(1200, 1200)) + b"\x00" * 20_000, content_type="image/jpeg")
    response = client.post(page.url, complete_answers(page, files=[big]))
    assert response.status_code == 413
    assert Case.objects.count() == 0
    assert CJK.search(error_text(response))
    assert "They summoned me" in soup(response).find("textarea", attrs={"name": "what_happened"}).get_text()


GARBAGE = {
    "singleline": "x" * 600,
    "multiline": "",
    "email": "not-an-email",
    "number": "twelve",
    "date": "2024-13-45",
    "dropdown": "no_such_key",
    "radio": "no_such_key",
    "checkboxes": ["no_such_key"],
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_garbage_in_every_question_is_answered_with_form_errors_not_a_crash(client, language):
    """Invalid values of every type re-render the form with errors, in the page's language."""
    page = intake_form("investor", language)
    data = human_check()
    for field in page.get_form_fields():
        name = field.clean_name
        if field.field_type in GARBAGE:
            data[name] = GARBAGE[field.field_type]
        elif field.field_type == "money":
            data.update({f"{name}_0": "-5", f"{name}_1": "XXX"})
        elif field.field_type == "date_range":
            data.update({f"{name}_0": "2024-05-01", f"{name}_1": "2023-01-01"})
        elif field.field_type == "contact_preference":
            data.update({f"{name}_0": ["email", "bogus"], f"{name}_1": ["email"]})
        elif field.field_type == "attestation":
            data.update({f"{name}_0": "on", f"{name}_1": ""})
    response = client.post(page.url, data)
    assert response.status_code == 200
    assert Case.objects.count() == 0
    text = error_text(response)
    if language != "en":
        assert CJK.search(text)
        assert "This field is required" not in text


@pytest.mark.django_db
def test_a_reversed_date_range_is_refused(client):
    """An end date before the start date is an error on that question."""
    page = intake_form("investor", "en")
    range_field = next(f for f in page.get_form_fields() if f.field_type == "date_range")
    data = complete_answers(page)
    data.update({f"{range_field.clean_name}_0": "2024-05-01", f"{range_field.clean_name}_1": "2023-01-01"})
    response = client.post(page.url, data)
    assert response.status_code == 200
    assert "before the start date" in error_text(response)
