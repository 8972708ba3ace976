"""Hostile files and requests: a clean error in the claimant's language, never a 500, nothing stored."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from forms_app.models import Case, Evidence, IntakeFormPage
from tests.intake.builders import complete_answers, jpeg_bytes, png_bytes


def page(language="en"):
    return IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code=language)


def evidence_key(form):
    return next(field.clean_name for field in form.get_form_fields() if field.field_type == "evidence")


def zip_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", "hello")
    return buffer.getvalue()


HOSTILE_FILES = {
    "jpeg+html polyglot": ("photo.jpg", jpeg_bytes()[:200] + b"<html><script>alert(1)</script></html>"),
    "pdf with javascript": (
        "doc.pdf",
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n"
        b"trailer<</Root 1 0 R>>",
    ),
    "zip named .jpg": ("photo.jpg", zip_bytes()),
    "svg": ("image.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'),
    "truncated png": ("cut.png", png_bytes()[:60]),
    "zero bytes": ("empty.jpg", b""),
    "html": ("page.html", b"<!doctype html><script>alert(1)</script>"),
}


def nothing_stored(evidence_dir):
    return Case.objects.count() == 0 and Evidence.objects.count() == 0 and not any(evidence_dir.rglob("*.*"))


@pytest.mark.django_db
@pytest.mark.parametrize("kind", sorted(HOSTILE_FILES))
@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_hostile_files_are_refused_cleanly_and_nothing_is_stored(client, evidence_dir, kind, language):
    """Polyglots, SVG, truncated, empty and disguised files: the form again with a translated message,
    nothing kept."""
    form = page(language)
    name, content = HOSTILE_FILES[kind]
    upload = SimpleUploadedFile(name, content, content_type="image/jpeg")
    response = client.post(form.url, complete_answers(form, files=[upload]))
    # Field errors re-render the form (200), request-level refusals are 4xx: never a 5xx, never filed.
    assert response.status_code in (200, 400, 413, 422), response.status_code
    text = response.content.decode()
    assert "form-error-summary" in text
    if language == "zh-hant":
        assert "請" in text or "檔案" in text
    assert nothing_stored(evidence_dir)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd.jpg", "..\\..\\windows\\win.ini.jpg", "\u202egpj.exe", "照片\u0000.jpg", "a" * 5000 + ".jpg"],
)
def test_path_traversal_and_unicode_in_file_names_store_only_inside_evidence(client, evidence_dir, name):
    """A hostile name never chooses where a file goes: it is filed (or refused) with files only in the folder."""
    form = page()
    upload = SimpleUploadedFile(name, jpeg_bytes(), content_type="image/jpeg")
    response = client.post(form.url, complete_answers(form, files=[upload]))
    assert response.status_code in (302, 400, 413, 422)
    for path in evidence_dir.rglob("*"):
        assert evidence_dir in path.parents
        assert "passwd" not in path.name and "win.ini" not in path.name


@pytest.mark.django_db
def test_an_oversize_request_is_refused_in_the_claimants_language(client, settings, evidence_dir):
    """A file larger than allowed: refused with a message in Chinese, nothing stored."""
    settings.EVIDENCE_MAX_FILE_BYTES = 50_000
    form = page("zh-hans")
    upload = SimpleUploadedFile("big.jpg", jpeg_bytes(size=(800, 800)) + b"\0" * 60_000, content_type="image/jpeg")
    response = client.post(form.url, complete_answers(form, files=[upload]))
    assert response.status_code in (200, 413)
    assert "form-error-summary" in response.content.decode() and "文件" in response.content.decode()
    assert nothing_stored(evidence_dir)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("multipart/form-data; boundary=xyz", b'--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\nb'),
        ("multipart/form-data", b"no boundary at all"),
        ("multipart/form-data; boundary=" + "x" * 80, b"--" + b"x" * 80 + b"--"),
        ("application/x-www-form-urlencoded; charset=utf-16", "a=b".encode("utf-16")),
        ("application/x-www-form-urlencoded; charset=no-such-charset", b"a=b"),
        ("application/x-www-form-urlencoded", b"%ff%fe=%00" * 100),
    ],
)
def test_malformed_bodies_and_odd_charsets_are_4xx(evidence_dir, content_type, body):
    """Broken multipart and odd charsets get a 4xx, never a 500, and store nothing."""
    client = Client(raise_request_exception=False)
    response = client.generic("POST", page().url, body, content_type=content_type)
    assert 400 <= response.status_code < 500
    assert nothing_stored(evidence_dir)


@pytest.mark.django_db
def test_thousands_of_fields_and_huge_values_are_refused_cleanly(evidence_dir):
    """Five thousand fields, or one answer of a megabyte: a 4xx or form errors, nothing stored."""
    client = Client(raise_request_exception=False)
    form = page()
    many = complete_answers(form, files=[]) | {f"extra{i}": "x" for i in range(5000)}
    assert 400 <= client.post(form.url, many).status_code < 500
    huge = complete_answers(form, files=[]) | {"what_happened": "字" * 1_000_000}
    assert client.post(form.url, huge).status_code in (200, 400, 413, 422)
    assert nothing_stored(evidence_dir)
