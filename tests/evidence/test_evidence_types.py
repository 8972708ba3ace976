"""Which files are accepted is decided by their content, never their name or declared type."""

import io
import random
import struct
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.functional import Promise
from PIL import Image

from forms_app.evidence import EvidenceRejected, process_uploads


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def process_one(name, data, content_type="application/octet-stream"):
    [result] = process_uploads([upload(name, data, content_type)])
    return result


def refusal(name, data):
    with pytest.raises(EvidenceRejected) as caught:
        process_uploads([upload(name, data)])
    return caught.value


def zip_bytes(members):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for member, content in members.items():
            archive.writestr(member, content)
    return buffer.getvalue()


def ftyp(major, *compatible):
    brands = major + b"\x00\x00\x00\x00" + b"".join(compatible)
    box = struct.pack(">I", 8 + len(brands)) + b"ftyp" + brands
    return box + struct.pack(">I", 16) + b"mdat" + b"\x00" * 8


ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 8 + b"\x02\x00\x3e\x00" + b"\x00" * 200
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 44 + b"PE\x00\x00" + b"\x00" * 200
MACH_O = b"\xcf\xfa\xed\xfe\x07\x00\x00\x01\x03\x00\x00\x00" + b"\x00" * 200
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>'
SVG_WITH_PROLOGUE = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>'
HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"
HIDDEN_SCRIPT = b"My notes about the ban.\n<script>alert(1)</script>\n"
RANDOM = random.Random(20261122).randbytes(4096)

REFUSED = {
    "elf-named-jpg": ("photo.jpg", ELF),
    "pe-exe-named-jpg": ("photo.jpg", PE),
    "mach-o": ("photo.jpg", MACH_O),
    "svg": ("chart.svg", SVG),
    "svg-named-png": ("chart.png", SVG_WITH_PROLOGUE),
    "html": ("page.txt", HTML),
    "text-hiding-script": ("notes.txt", HIDDEN_SCRIPT),
    "zip": ("photos.zip", zip_bytes({"a.jpg": b"x"})),
    "docx": ("statement.docx", zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"})),
    "rar": ("photos.rar", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 100),
    "7z": ("photos.7z", b"7z\xbc\xaf\x27\x1c" + b"\x00" * 100),
    "old-office": ("statement.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600),
    "rtf": ("letter.rtf", rb"{\rtf1\ansi{\object\objemb{\*\objdata 0105000002000000}}}"),
    "postscript": ("scan.ps", b"%!PS-Adobe-3.0\n/Helvetica findfont\n"),
    "avif": ("photo.heic", ftyp(b"avif", b"mif1", b"miaf")),
    "tiff": ("scan.jpg", b"II*\x00\x08\x00\x00\x00" + b"\x00" * 100),
    "bmp": ("screen.png", b"BM" + struct.pack("<IHHI", 70, 0, 0, 54) + b"\x28\x00\x00\x00" + b"\x00" * 50),
    "random-bytes": ("photo.jpg", RANDOM),
    "text-with-nul": ("notes.txt", b"hello\x00world"),
    "text-with-escape": ("notes.txt", b"hello \x1b[31m world"),
}


@pytest.mark.parametrize(("name", "data"), REFUSED.values(), ids=REFUSED.keys())
def test_dangerous_or_unknown_files_are_refused_whatever_their_name(name, data):
    """Executables, markup, archives, Office files and unknown bytes are refused as file_type."""
    error = refusal(name, data)

    assert error.code == "file_type"
    assert name in error.messages[0]


def test_refusal_messages_are_lazy_translatable_strings():
    """Refusal messages use gettext_lazy with placeholders and render as strings in any language."""
    error = refusal("证据.jpg", ELF)

    assert isinstance(error.message, Promise)
    assert "%(name)s" in str(error.message)
    with translation.override("zh-hans"):
        rendered = error.messages
    assert all(isinstance(message, str) for message in rendered)
    assert "证据.jpg" in rendered[0]


def test_type_comes_from_content_not_name_or_content_type():
    """A PNG named .pdf and sent as application/pdf is processed as the image it is."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")

    result = process_one("statement.pdf", buffer.getvalue(), "application/pdf")

    assert (result.kind, result.original_mime, result.working_extension) == ("image", "image/png", "png")


MEDIA = {
    "mp3-id3": (b"ID3\x04\x00\x00\x00\x00\x00\x21" + b"\x00" * 33 + b"\xff\xfb\x90\x64" + b"\x00" * 400, "audio"),
    "mp3-frame": (b"\xff\xfb\x90\x64" + b"\x00" * 413, "audio"),
    "m4a": (ftyp(b"M4A ", b"M4A ", b"mp42", b"isom"), "audio"),
    "aac-adts": (b"\xff\xf1\x50\x80\x02\x1f\xfc" + b"\x00" * 100, "audio"),
    "ogg-opus": (b"OggS\x00\x02" + b"\x00" * 20 + b"\x01\x13OpusHead" + b"\x00" * 50, "audio"),
    "wav": (b"RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00" + b"\x00" * 40, "audio"),
    "amr": (b"#!AMR\n" + b"\x3c" + b"\x00" * 31, "audio"),
    "amr-wb": (b"#!AMR-WB\n" + b"\x24" + b"\x00" * 60, "audio"),
    "mp4": (ftyp(b"isom", b"isom", b"iso2", b"avc1", b"mp41"), "video"),
    "mp4-mp42": (ftyp(b"mp42", b"mp42", b"isom"), "video"),
    "mov": (ftyp(b"qt  ", b"qt  "), "video"),
    "3gp": (ftyp(b"3gp4", b"3gp4", b"isom"), "video"),
    "webm": (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm" + b"\x00" * 50, "video"),
}


@pytest.mark.parametrize(("data", "kind"), MEDIA.values(), ids=MEDIA.keys())
def test_audio_and_video_are_accepted_by_signature_and_keep_their_type(data, kind):
    """Recordings are accepted by signature; a working copy ffmpeg could not rewrite is the
    original itself, flagged metadata_removed=False (the form then asks for consent)."""
    result = process_one("recording.bin", data)

    assert result.kind == kind
    assert result.working_mime == result.original_mime
    assert result.working_mime.startswith(kind + "/")
    assert result.metadata_removed or result.working == data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (
            "聊天记录：他说账户已被冻结。\nChat log, line 2.\n".encode(),
            "聊天记录：他说账户已被冻结。\nChat log, line 2.\n",
        ),
        (b"\xef\xbb\xbfwith a BOM\r\n", "with a BOM\r\n"),
        ("微信支付余额被冻结，客服不回复。".encode("gb18030"), "微信支付余额被冻结，客服不回复。"),
        ("這是我的證據，帳戶被封鎖了。".encode("big5"), "這是我的證據，帳戶被封鎖了。"),
        (b"BM was the first word of this note.\n", "BM was the first word of this note.\n"),
        (b"MZ is not always an executable.\n", "MZ is not always an executable.\n"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "big5", "starts-like-bmp", "starts-like-exe"],
)
def test_plain_text_is_accepted_and_normalised_to_utf8(data, expected):
    """Text in UTF-8, GB18030 or Big5 becomes a UTF-8 working copy with the same words."""
    result = process_one("notes.txt", data)

    assert (result.kind, result.working_mime, result.working_extension) == ("text", "text/plain", "txt")
    assert result.working.decode("utf-8") == expected
    assert result.original == data


def test_empty_file_is_unreadable():
    """A zero-byte upload is refused as unreadable."""
    assert refusal("empty.jpg", b"").code == "unreadable"
