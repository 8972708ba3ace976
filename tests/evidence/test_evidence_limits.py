"""Size and count limits, error reporting and checksums of processed evidence."""

import copy
import hashlib
import io
import pickle

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from forms_app.evidence import EvidenceRejected, ProcessedEvidence, limits, process_uploads


def text_upload(name, size):
    return SimpleUploadedFile(name, b"a" * size, content_type="text/plain")


def png_upload(name="screen.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def rejected(files):
    with pytest.raises(EvidenceRejected) as caught:
        process_uploads(files)
    return caught.value


def test_defaults_match_the_documented_limits():
    """Without settings the limits are 10 files, 20 MiB per file, 50 MiB per case and 40 Mpx."""
    assert limits.DEFAULT_MAX_FILES == 10
    assert limits.DEFAULT_MAX_FILE_BYTES == 20 * 1024 * 1024
    assert limits.DEFAULT_MAX_CASE_BYTES == 50 * 1024 * 1024
    assert limits.DEFAULT_MAX_IMAGE_PIXELS == 40_000_000


def test_oversize_file_is_refused(settings):
    """A file over EVIDENCE_MAX_FILE_BYTES is refused, naming it and the limit in readable units."""
    settings.EVIDENCE_MAX_FILE_BYTES = 2048

    error = rejected([text_upload("long-chat.txt", 2049)])

    assert error.code == "file_too_large"
    assert "long-chat.txt" in error.messages[0]
    assert "2.0" in error.messages[0] and "KB" in error.messages[0]


def test_file_exactly_at_the_limit_is_accepted(settings):
    """The per-file limit is inclusive."""
    settings.EVIDENCE_MAX_FILE_BYTES = 2048

    assert len(process_uploads([text_upload("chat.txt", 2048)])) == 1


def test_declared_size_is_not_trusted(settings):
    """An upload that lies about its size is still measured by reading it."""
    settings.EVIDENCE_MAX_FILE_BYTES = 100
    liar = text_upload("chat.txt", 500)
    liar.size = 10

    assert rejected([liar]).code == "file_too_large"


def test_too_many_files_are_refused(settings):
    """More than EVIDENCE_MAX_FILES files are refused before any is processed."""
    settings.EVIDENCE_MAX_FILES = 2

    error = rejected([png_upload(), png_upload(), png_upload()])

    assert error.code == "too_many_files"
    assert "3" in error.messages[0] and "2" in error.messages[0]


def test_total_case_size_is_limited(settings):
    """Files that together exceed EVIDENCE_MAX_CASE_BYTES are refused, naming the file that did not fit."""
    settings.EVIDENCE_MAX_CASE_BYTES = 2500

    error = rejected([text_upload("one.txt", 1000), text_upload("two.txt", 1000), text_upload("three.txt", 1000)])

    assert error.code == "case_too_large"
    assert "three.txt" in error.messages[0]


def test_every_refused_file_is_reported_at_once(settings):
    """Several bad files give one error listing each of them; the good ones do not hide them."""
    settings.EVIDENCE_MAX_FILE_BYTES = 5000
    bad_type = SimpleUploadedFile("tool.jpg", b"\x7fELF\x02\x01\x01" + b"\x00" * 100)

    error = rejected([png_upload(), bad_type, text_upload("huge.txt", 6000)])

    assert isinstance(error, ValidationError)
    assert error.code == "file_type"
    assert [item.code for item in error.error_list] == ["file_type", "file_too_large"]
    assert "tool.jpg" in error.messages[0] and "huge.txt" in error.messages[1]
    with translation.override("zh-hans"):
        assert all(isinstance(message, str) for message in error.messages)


def test_errors_survive_copy_and_pickle():
    """Refusals can be deep-copied (forms copy errors) and pickled (sessions, caches)."""
    single = EvidenceRejected("unreadable", name="a.pdf")
    several = EvidenceRejected.several([single, EvidenceRejected("file_type", name="b.exe")])

    for error in (single, several):
        for clone in (copy.deepcopy(error), pickle.loads(pickle.dumps(error))):  # noqa: S301 - our own data
            assert isinstance(clone, EvidenceRejected)
            assert clone.messages == error.messages
            assert clone.code == error.code


def test_checksums_are_sha256_of_original_and_working_copy():
    """original_sha256 and working_sha256 are the SHA-256 of the bytes they describe."""
    upload = png_upload()
    data = upload.read()

    [result] = process_uploads([upload])

    assert isinstance(result, ProcessedEvidence)
    assert result.original == data
    assert result.size == len(data)
    assert result.original_sha256 == hashlib.sha256(data).hexdigest()
    assert result.working_sha256 == hashlib.sha256(result.working).hexdigest()


def test_evidence_contents_stay_out_of_repr():
    """repr() of processed evidence (logs, tracebacks) shows no file contents."""
    [result] = process_uploads([text_upload("secret.txt", 10)])

    assert "aaaaaaaaaa" not in repr(result)


def test_no_files_give_an_empty_list():
    """Nothing chosen is not an error."""
    assert process_uploads([]) == []
