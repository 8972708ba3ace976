"""Image evidence: working copies keep the pixels and lose every piece of metadata."""

import io
import json
import shutil
import struct
import subprocess
import tracemalloc
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, ImageCms, PngImagePlugin

from forms_app.evidence import EvidenceRejected, process_uploads

EXIFTOOL = shutil.which("exiftool", path="/usr/bin:/usr/local/bin")
RED = (200, 40, 40)
GPS = {1: "N", 2: (31.0, 14.0, 5.0), 3: "E", 4: (121.0, 28.0, 0.0)}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Claimant Name</dc:creator>'
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def icc_profile():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def encode(image, fmt, **params):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **params)
    return buffer.getvalue()


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def process_one(name, data):
    [result] = process_uploads([upload(name, data)])
    return result


def exif_with_gps(**tags):
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "PhoneModel 12"  # Model
    exif[ExifTags.IFD.GPSInfo] = GPS
    for tag, value in tags.items():
        exif[int(tag)] = value
    return exif


def exiftool_tags(data, path):
    """exiftool's view of a file, grouped ("EXIF:Make", "XMP:Creator"...)."""
    path.write_bytes(data)
    output = subprocess.run([EXIFTOOL, "-j", "-G", "-a", str(path)], capture_output=True, check=True).stdout
    return json.loads(output)[0]


def png_chunk_types(data):
    types, position = [], 8
    while position < len(data):
        length = struct.unpack(">I", data[position : position + 4])[0]
        types.append(data[position + 4 : position + 8].decode("latin-1"))
        position += 12 + length
    return types


def png_chunk(kind, payload):
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))


def png_header_only(width, height):
    """A PNG that declares width x height RGB pixels but carries almost no data (a pixel flood)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 1024)
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", ihdr) + png_chunk(b"IDAT", idat) + png_chunk(b"IEND", b"")


def assert_close(colour, expected, tolerance=12):
    assert all(abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True)), (colour, expected)


def test_jpeg_working_copy_has_no_gps_exif_xmp_icc_or_comment():
    """A JPEG's EXIF (with GPS), XMP packet, ICC profile and comment are all gone from its working copy."""
    original = encode(
        Image.new("RGB", (64, 48), RED),
        "JPEG",
        exif=exif_with_gps(),
        icc_profile=icc_profile(),
        comment=b"secret comment",
        xmp=XMP,
        quality=95,
    )
    source = Image.open(io.BytesIO(original))
    assert {"exif", "xmp", "comment", "icc_profile"} <= set(source.info)  # the test file really has them

    result = process_one("photo.jpg", original)

    assert (result.kind, result.working_mime, result.working_extension) == ("image", "image/jpeg", "jpg")
    assert result.metadata_removed is True
    working = Image.open(io.BytesIO(result.working))
    assert working.format == "JPEG"
    assert len(working.getexif()) == 0
    assert not {"exif", "xmp", "comment", "icc_profile"} & set(working.info)
    for marker in (b"Exif\x00", b"secret comment", b"Claimant Name", b"ICC_PROFILE", b"PhoneMaker", b"adobe:ns:meta"):
        assert marker not in result.working
    assert working.size == (64, 48)
    assert_close(working.convert("RGB").getpixel((32, 24)), RED)


@pytest.mark.skipif(not EXIFTOOL, reason="exiftool is not installed")
def test_exiftool_finds_no_metadata_in_jpeg_working_copy(tmp_path):
    """exiftool, which reads far more metadata kinds than Pillow, finds none left in a cleaned JPEG."""
    original = encode(
        Image.new("RGB", (64, 48), RED),
        "JPEG",
        exif=exif_with_gps(),
        icc_profile=icc_profile(),
        comment=b"secret comment",
        xmp=XMP,
    )
    before = exiftool_tags(original, tmp_path / "before.jpg")
    assert any(key.startswith("GPS:") or key.startswith("EXIF:GPS") for key in before)

    after = exiftool_tags(process_one("photo.jpg", original).working, tmp_path / "after.jpg")

    leaked = [key for key in after if key.split(":")[0] in {"EXIF", "GPS", "XMP", "ICC_Profile", "IPTC", "Photoshop"}]
    assert leaked == []
    assert "File:Comment" not in after
    assert not [key for key in after if "GPS" in key]


def test_exif_orientation_is_applied_before_it_is_removed():
    """A photo taken sideways (EXIF orientation 6) is turned upright, since its EXIF cannot follow it."""
    image = Image.new("RGB", (60, 40), RED)
    image.paste((20, 20, 220), (0, 0, 30, 40))  # left half blue
    original = encode(image, "JPEG", exif=exif_with_gps(**{"274": 6}), quality=95)

    working = Image.open(io.BytesIO(process_one("sideways.jpg", original).working))

    assert working.size == (40, 60)
    assert len(working.getexif()) == 0
    # Rotating 90 degrees clockwise puts the blue left half at the top.
    assert_close(working.getpixel((20, 5)), (20, 20, 220), tolerance=30)
    assert_close(working.getpixel((20, 55)), RED, tolerance=30)


def test_png_working_copy_loses_text_chunks_and_icc_profile():
    """A PNG's tEXt/zTXt/iTXt chunks and ICC profile are not carried into its working copy."""
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Claimant Name")
    text.add_text("Comment", "taken at home", zip=True)
    text.add_itxt("Description", "截图 from my phone")
    original = encode(Image.new("RGBA", (30, 20), (*RED, 255)), "PNG", pnginfo=text, icc_profile=icc_profile())
    assert {"Author", "icc_profile"} <= set(Image.open(io.BytesIO(original)).info)

    result = process_one("screenshot.png", original)

    assert (result.working_mime, result.working_extension) == ("image/png", "png")
    working = Image.open(io.BytesIO(result.working))
    assert not {"Author", "Comment", "Description", "icc_profile", "exif", "xmp"} & set(working.info)
    assert set(png_chunk_types(result.working)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}
    assert b"Claimant Name" not in result.working
    assert working.size == (30, 20)
    assert_close(working.getpixel((15, 10))[:3], RED, tolerance=0)


@pytest.mark.parametrize(
    ("fmt", "params"),
    [
        ("GIF", {}),
        ("WEBP", {"lossless": True, "exif": exif_with_gps().tobytes(), "icc_profile": icc_profile(), "xmp": XMP}),
    ],
)
def test_gif_and_webp_become_metadata_free_png(fmt, params):
    """GIF and WebP working copies are PNGs of the first frame, with no metadata."""
    frames = [Image.new("RGB", (24, 16), RED), Image.new("RGB", (24, 16), (0, 0, 255))]
    original = encode(frames[0], fmt, save_all=True, append_images=frames[1:], **params)

    result = process_one("picture", original)

    assert (result.working_mime, result.working_extension) == ("image/png", "png")
    working = Image.open(io.BytesIO(result.working))
    assert set(png_chunk_types(result.working)) <= {"IHDR", "PLTE", "tRNS", "IDAT", "IEND"}
    assert working.size == (24, 16)
    assert_close(working.convert("RGB").getpixel((12, 8)), RED)


@pytest.mark.parametrize(
    ("mode", "fmt"),
    [("CMYK", "JPEG"), ("L", "JPEG"), ("P", "PNG"), ("LA", "PNG"), ("I;16", "PNG"), ("1", "PNG")],
)
def test_unusual_colour_modes_still_give_a_working_copy(mode, fmt):
    """Greyscale, CMYK, palette, 16-bit and 1-bit images are converted, not refused."""
    image = Image.new("RGB", (16, 16), RED).convert(mode) if mode != "I;16" else Image.new("I;16", (16, 16), 1000)
    params = {"transparency": 0} if mode == "P" else {}

    result = process_one(f"odd.{fmt.lower()}", encode(image, fmt, **params))

    working = Image.open(io.BytesIO(result.working))
    working.load()
    assert working.size == (16, 16)
    assert working.format == fmt


def test_heic_becomes_metadata_free_jpeg():
    """An iPhone HEIC photo becomes a JPEG working copy without its EXIF/GPS."""
    pillow_heif = pytest.importorskip("pillow_heif")
    if not pillow_heif.libheif_info().get("HEIF"):
        pytest.skip("this libheif cannot encode HEIC")
    buffer = io.BytesIO()
    try:
        pillow_heif.from_pillow(Image.new("RGB", (64, 48), RED)).save(
            buffer, quality=90, exif=exif_with_gps().tobytes(), xmp=XMP
        )
    except (OSError, RuntimeError, ValueError) as error:
        pytest.skip(f"HEIC encoding unsupported here: {error}")
    original = buffer.getvalue()
    assert original[4:12] == b"ftypheic"

    result = process_one("IMG_0001.HEIC", original)

    assert (result.kind, result.original_mime) == ("image", "image/heic")
    assert (result.working_mime, result.working_extension) == ("image/jpeg", "jpg")
    working = Image.open(io.BytesIO(result.working))
    assert working.format == "JPEG"
    assert len(working.getexif()) == 0
    assert not {"exif", "xmp", "icc_profile", "comment"} & set(working.info)
    assert b"PhoneMaker" not in result.working
    assert working.size == (64, 48)
    assert_close(working.getpixel((32, 24)), RED, tolerance=20)


def test_pixel_flood_png_is_refused_without_decoding():
    """A PNG declaring 20000x20000 pixels is refused as too large, without decoding it."""
    with pytest.raises(EvidenceRejected) as caught:
        process_uploads([upload("bomb.png", png_header_only(20000, 20000))])

    assert caught.value.code == "image_too_large"
    assert "bomb.png" in caught.value.messages[0]


def test_image_over_our_pixel_cap_is_refused_before_decoding_with_little_memory():
    """An image over EVIDENCE_MAX_IMAGE_PIXELS (but under Pillow's own cap) is refused with no memory spike."""
    flood = png_header_only(8000, 8000)  # 64 Mpx: 192 MB if decoded
    tracemalloc.start()
    try:
        with pytest.raises(EvidenceRejected) as caught:
            process_uploads([upload("flood.png", flood)])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert caught.value.code == "image_too_large"
    assert peak < 20 * 1024 * 1024


def test_pixel_cap_comes_from_settings(settings):
    """EVIDENCE_MAX_IMAGE_PIXELS is honoured: a 20x20 image is refused under a 100-pixel cap."""
    settings.EVIDENCE_MAX_IMAGE_PIXELS = 100

    with pytest.raises(EvidenceRejected) as caught:
        process_uploads([upload("small.png", encode(Image.new("RGB", (20, 20)), "PNG"))])

    assert caught.value.code == "image_too_large"


def test_truncated_image_is_unreadable_not_a_crash():
    """A damaged image is refused as unreadable rather than raising a server error."""
    data = encode(Image.effect_noise((200, 200), 50).convert("RGB"), "JPEG")

    with pytest.raises(EvidenceRejected) as caught:
        process_uploads([upload("broken.jpg", data[: len(data) // 2])])

    assert caught.value.code == "unreadable"
