"""Audio and video: container metadata removed by ffmpeg without re-encoding, or consent asked."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from forms_app.cases import evidence_store
from forms_app.evidence import EvidenceRejected, process_uploads
from forms_app.evidence.media import FORMATS, probe_tags
from forms_app.models import Case, IntakeFormPage
from tests.forms_app.builders import complete_answers
from tests.forms_app.media_builders import GPS_TEXT, LOCATION, PLACE_TEXT, tagged_mp3, tagged_mp4

# An MP3 frame header followed by nothing ffmpeg can read: accepted by signature, not rewritable.
UNREADABLE_MP3 = b"\xff\xfb\x90\x64" + b"\x00" * 413
IDENTIFYING = [GPS_TEXT, PLACE_TEXT, LOCATION, "31.2304"]


def process(name, data):
    return process_uploads([SimpleUploadedFile(name, data)])[0]


def working_copy(evidence):
    return evidence.case.open(evidence.purpose("working"), evidence_store.read_sealed(evidence.working_file))


def test_mp3_id3_title_and_comment_are_removed_without_re_encoding(tmp_path):
    """An MP3's ID3 tags with place and coordinates are gone from the working copy; the audio stays."""
    original = tagged_mp3(tmp_path)
    assert GPS_TEXT.encode() in original  # the fixture really carries the text

    result = process("voice.mp3", original)

    assert (result.kind, result.working_mime, result.metadata_removed) == ("audio", "audio/mpeg", True)
    for text in IDENTIFYING:
        assert text.encode() not in result.working
    assert probe_tags(result.working, FORMATS["audio/mpeg"][0]) == []
    # Not re-encoded: the working copy is the same audio frames with less around them.
    assert 0 < len(original) - len(result.working) < 1024


def test_mp4_title_comment_and_location_are_removed(tmp_path):
    """An MP4's udta tags (title, comment, ©xyz location) are gone; only technical tags remain."""
    original = tagged_mp4(tmp_path)
    assert PLACE_TEXT.encode() in original and b"loci" in original  # ffmpeg stores the location as 'loci'

    result = process("clip.mp4", original)

    assert (result.kind, result.working_mime, result.metadata_removed) == ("video", "video/mp4", True)
    for text in [*IDENTIFYING, "loci", "earth"]:
        assert text.encode() not in result.working
    keys = {key for key, _value in probe_tags(result.working, "mov")}
    assert keys <= {"major_brand", "minor_version", "compatible_brands", "handler_name", "vendor_id", "language"}


def form_page(language="en"):
    return IntakeFormPage.objects.live().get(case_type="account_closure", locale__language_code=language)


@pytest.mark.django_db
def test_filed_recording_is_stored_without_its_tags_and_without_consent_no_original(client, tmp_path):
    """Filed without consent to keep originals, the stored working copy of an MP3 holds none of its tag text."""
    page = form_page()
    files = [SimpleUploadedFile("recording.mp3", tagged_mp3(tmp_path), content_type="audio/mpeg")]

    response = client.post(page.url, complete_answers(page, files=files, skip={"consent_keep_original"}))

    assert response.status_code == 302
    evidence = Case.objects.get().evidence.get()
    assert evidence.metadata_removed and not evidence.has_original
    stored = working_copy(evidence)
    assert stored.startswith((b"ID3", b"\xff"))
    for text in IDENTIFYING:
        assert text.encode() not in stored


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "hidden details"), ("zh-hans", "隐藏信息"), ("zh-hant", "隱藏資訊")],
)
def test_recording_that_cannot_be_stripped_is_refused_without_consent(client, language, expected):
    """A recording ffmpeg cannot rewrite is refused, in the claimant's language, unless originals may be kept."""
    page = form_page(language)
    files = [SimpleUploadedFile("voice.mp3", UNREADABLE_MP3, content_type="audio/mpeg")]

    response = client.post(page.url, complete_answers(page, files=files, skip={"consent_keep_original"}))

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert "voice.mp3" in response.content.decode()
    assert not Case.objects.exists()


@pytest.mark.django_db
def test_recording_that_cannot_be_stripped_is_kept_as_is_with_consent(client):
    """With consent to keep originals, such a recording is filed and flagged as not stripped."""
    page = form_page()
    files = [SimpleUploadedFile("voice.mp3", UNREADABLE_MP3, content_type="audio/mpeg")]

    response = client.post(page.url, complete_answers(page, files=files))

    assert response.status_code == 302
    evidence = Case.objects.get().evidence.get()
    assert not evidence.metadata_removed and evidence.has_original


def test_not_stripped_message_is_translated():
    """The refusal names the file in Traditional Chinese too."""
    with translation.override("zh-hant"):
        message = EvidenceRejected("not_stripped", "錄音.mp3").messages[0]
    assert "錄音.mp3" in message and "隱藏資訊" in message


def test_without_a_working_ffmpeg_recordings_count_as_not_stripped(tmp_path, monkeypatch):
    """If ffmpeg is missing, a recording is flagged not stripped (so consent decides), never a crash."""
    original = tagged_mp3(tmp_path)
    monkeypatch.setenv("IMAGEIO_FFMPEG_EXE", str(tmp_path / "no-such-ffmpeg"))

    result = process("voice.mp3", original)

    assert result.metadata_removed is False
    assert result.working == original
