"""The upload handler keeps evidence in memory, within limits, and records what it refused."""

import tempfile

import pytest
from django.core.files.uploadedfile import InMemoryUploadedFile, SimpleUploadedFile
from django.test import RequestFactory
from django.test.client import BOUNDARY, encode_multipart

from forms_app.evidence import BoundedMemoryUploadHandler, EvidenceRejected, upload_errors


@pytest.fixture
def temp_dir(settings, tmp_path, monkeypatch):
    """An empty folder that Django and tempfile would use for any temporary upload file."""
    folder = tmp_path / "uploads-tmp"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


# Passing bytes with an equal (not identical) content type stops RequestFactory re-encoding them.
CONTENT_TYPE = f"multipart/form-data; boundary={BOUNDARY}"


def post(fields):
    return RequestFactory().post("/case/", data=encode_multipart(BOUNDARY, fields), content_type=CONTENT_TYPE)


def multipart_request(fields):
    request = post(fields)
    request.upload_handlers = [BoundedMemoryUploadHandler(request)]
    return request


def test_files_stay_in_memory_and_oversize_files_are_dropped(settings, temp_dir):
    """A small file arrives in memory; one over the limit is dropped and recorded; nothing touches disk."""
    settings.EVIDENCE_MAX_FILE_BYTES = 64 * 1024
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 10  # would send everything to disk with Django's handlers
    request = multipart_request(
        {
            "csrfmiddlewaretoken": "token",
            "evidence": [
                SimpleUploadedFile("small.txt", b"hello " * 100),
                SimpleUploadedFile("../huge.txt", b"x" * (200 * 1024)),
            ],
            "story": "what happened",
        }
    )

    files = request.FILES.getlist("evidence")

    assert [upload.name for upload in files] == ["small.txt"]
    assert isinstance(files[0], InMemoryUploadedFile)
    assert files[0].read() == b"hello " * 100
    assert request.POST["story"] == "what happened"
    errors = upload_errors(request)
    assert len(errors) == 1
    assert isinstance(errors[0], EvidenceRejected)
    assert errors[0].code == "file_too_large"
    assert "huge.txt" in errors[0].messages[0]
    assert list(temp_dir.iterdir()) == []


def test_a_file_after_a_dropped_one_is_still_received(settings, temp_dir):
    """Dropping an oversize file does not close or lose the files around it."""
    settings.EVIDENCE_MAX_FILE_BYTES = 1024
    request = multipart_request(
        {
            "evidence": [
                SimpleUploadedFile("first.txt", b"1" * 100),
                SimpleUploadedFile("big.txt", b"2" * 5000),
                SimpleUploadedFile("last.txt", b"3" * 100),
            ]
        }
    )

    files = request.FILES.getlist("evidence")

    assert [(upload.name, upload.read()) for upload in files] == [("first.txt", b"1" * 100), ("last.txt", b"3" * 100)]
    assert [error.code for error in upload_errors(request)] == ["file_too_large"]


def test_files_beyond_the_case_total_are_dropped_while_streaming(settings, temp_dir):
    """Once a request's files pass EVIDENCE_MAX_CASE_BYTES, further files are dropped and recorded."""
    settings.EVIDENCE_MAX_CASE_BYTES = 3000
    request = multipart_request(
        {"evidence": [SimpleUploadedFile(f"{n}.txt", b"z" * 1200) for n in range(3)], "note": "kept"}
    )

    assert [upload.name for upload in request.FILES.getlist("evidence")] == ["0.txt", "1.txt"]
    assert [error.code for error in upload_errors(request)] == ["case_too_large"]
    assert "2.txt" in upload_errors(request)[0].messages[0]


def test_request_over_the_case_limit_is_refused_before_reading_files(settings, temp_dir):
    """A body larger than EVIDENCE_MAX_CASE_BYTES + 1 MiB stores no file, keeps earlier fields, raises nothing."""
    settings.EVIDENCE_MAX_CASE_BYTES = 1000
    request = multipart_request(
        {"csrfmiddlewaretoken": "token", "evidence": SimpleUploadedFile("video.mp4", b"v" * (1024 * 1024 + 2000))}
    )

    assert len(request.FILES) == 0
    assert request.POST["csrfmiddlewaretoken"] == "token"
    [error] = upload_errors(request)
    assert error.code == "case_too_large"
    assert isinstance(error.messages[0], str)
    assert list(temp_dir.iterdir()) == []


def test_handler_works_as_the_only_configured_handler(settings, temp_dir):
    """Configured alone in FILE_UPLOAD_HANDLERS, it takes every file, whatever FILE_UPLOAD_MAX_MEMORY_SIZE is."""
    settings.FILE_UPLOAD_HANDLERS = ["forms_app.evidence.upload_handler.BoundedMemoryUploadHandler"]
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0
    request = post({"evidence": SimpleUploadedFile("a.txt", b"a" * 300_000)})

    [upload] = request.FILES.getlist("evidence")

    assert isinstance(upload, InMemoryUploadedFile)
    assert upload.size == 300_000
    assert upload_errors(request) == []
    assert list(temp_dir.iterdir()) == []


def test_upload_errors_is_empty_for_requests_without_uploads():
    """upload_errors() works on any request, returning an empty list when nothing was refused."""
    assert upload_errors(RequestFactory().get("/")) == []
