"""Display names: the claimant's filename, safe to show and never a path."""

import io
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forms_app.evidence import process_uploads
from forms_app.evidence.names import MAX_LENGTH, display_name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\张三\\Desktop\\截图.png", "截图.png"),
        ("证据 截图.png", "证据 截图.png"),
        ("invoice\u202egnp.exe", "invoicegnp.exe"),
        ("zero\u200bwidth\u2066.jpg", "zerowidth.jpg"),
        ("line\nbreak\r\x00.txt", "linebreak.txt"),
        ('quote"<script>.txt', "quote__script_.txt"),
        ("  spaced   out  .pdf ", "spaced out .pdf"),
        (".hidden", "hidden"),
    ],
)
def test_display_names_are_safe(raw, expected):
    """Paths, control characters, bidi overrides and zero-width characters are removed; Chinese is kept."""
    assert display_name(raw) == expected


def test_display_names_are_nfc_normalised():
    """Decomposed accents (as macOS sends them) are composed."""
    assert display_name("cafe\u0301.jpg") == "café.jpg"
    assert unicodedata.is_normalized("NFC", display_name("e\u0301" * 10))


def test_long_names_are_shortened_keeping_the_extension():
    """A 500-character name is cut to 120 characters and keeps its extension."""
    name = display_name("证" * 500 + ".jpeg")

    assert len(name) == MAX_LENGTH
    assert name.endswith("….jpeg")


@pytest.mark.parametrize("raw", ["", "...", "\u202e", "/", None])
def test_names_that_clean_to_nothing_fall_back(raw):
    """Names with nothing printable left become 'evidence' (with the extension when known)."""
    assert display_name(raw) == "evidence"
    assert display_name(raw, "jpg") == "evidence.jpg"


def test_processed_evidence_uses_the_safe_name_and_falls_back_with_its_type():
    """ProcessedEvidence.display_name is sanitised, and a nameless upload gets 'evidence.<ext>'."""
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4)).save(buffer, "JPEG")
    named = SimpleUploadedFile("../photo\u202egpj.exe", buffer.getvalue())
    nameless = SimpleUploadedFile("\u202e..", buffer.getvalue())

    results = process_uploads([named, nameless])

    assert [result.display_name for result in results] == ["photogpj.exe", "evidence.jpg"]
