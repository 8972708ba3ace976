"""PDF leftovers: bytes after a JPEG's end, modification dates, thumbnails, JPEG 2000 metadata."""

import io
import struct
import zlib

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pikepdf import Array, Dictionary, Name
from PIL import Image

from forms_app.evidence import EvidenceRejected, process_uploads
from forms_app.evidence.jpx import strip_jpx

GPS = b"GPS +31.2304+121.4737 Xuhui"
# What a phone's "motion photo" appends after the still picture: a short MP4 with a location.
MOTION_TRAILER = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00\x00\x00\x28udta\xa9xyz" + GPS
LAST_MODIFIED = "D:20240501093000+08'00'"


def photo():
    buffer = io.BytesIO()
    Image.effect_noise((32, 24), 60).convert("RGB").save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def jp2_with_metadata():
    """A JP2 image with an XML box, a UUID box and a codestream comment, all carrying a location."""
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((16, 16)).convert("RGB").save(buffer, "JPEG2000")
    data = buffer.getvalue()
    boxes, position = [], 0
    while position < len(data):
        size, kind = struct.unpack_from(">I4s", data, position)
        boxes.append((kind, data[position + 8 : position + size]))
        position += size
    out = b""
    for kind, body in boxes:
        if kind == b"jp2c":
            siz_end = 2 + 2 + struct.unpack_from(">H", body, 4)[0]
            comment = b"\xff\x64" + struct.pack(">H", 4 + len(GPS)) + b"\x00\x01" + GPS
            body = body[:siz_end] + comment + body[siz_end:]
            out += struct.pack(">I4s", 8 + len(b"<gml>" + GPS + b"</gml>"), b"xml ") + b"<gml>" + GPS + b"</gml>"
        out += struct.pack(">I4s", 8 + len(body), kind) + body
    uuid = b"\xbe\x7a\xcf\xcb\x97\xa9\x42\xe8\x9c\x71\x99\x94\x91\xe3\xaf\xac" + b"Exif\x00\x00" + GPS
    return out + struct.pack(">I4s", 8 + len(uuid), b"uuid") + uuid


def image_stream(pdf, data, filters, width, height):
    stream = pdf.make_stream(data)
    stream.Type, stream.Subtype = Name.XObject, Name.Image
    stream.Filter = filters
    stream.Width, stream.Height, stream.BitsPerComponent, stream.ColorSpace = width, height, 8, Name.DeviceRGB
    return stream


def pdf_with_leftovers():
    pdf = pikepdf.new()
    jpeg = photo()
    images = Dictionary(
        Im0=image_stream(pdf, jpeg + MOTION_TRAILER, Name.DCTDecode, 32, 24),
        Im1=image_stream(pdf, zlib.compress(jpeg + MOTION_TRAILER), Array([Name.FlateDecode, Name.DCTDecode]), 32, 24),
        Im2=image_stream(pdf, jp2_with_metadata(), Name.JPXDecode, 16, 16),
    )
    contents = pdf.make_stream(b"q 32 0 0 24 72 600 cm /Im0 Do Q q 32 0 0 24 72 500 cm /Im1 Do Q /Im2 Do")
    thumbnail = image_stream(pdf, jpeg + MOTION_TRAILER, Name.DCTDecode, 32, 24)
    page = Dictionary(
        Type=Name.Page,
        MediaBox=[0, 0, 612, 792],
        Contents=contents,
        Resources=Dictionary(XObject=images),
        LastModified=pikepdf.String(LAST_MODIFIED),
        Thumb=thumbnail,
    )
    pdf.pages.append(pikepdf.Page(page))
    buffer = io.BytesIO()
    pdf.save(buffer, compress_streams=False)
    return buffer.getvalue(), jpeg


def working_copy(data):
    [result] = process_uploads([SimpleUploadedFile("scan.pdf", data, content_type="application/pdf")])
    return result.working


def decoded_streams(data):
    with pikepdf.open(io.BytesIO(data)) as pdf:
        texts = [repr(obj) for obj in pdf.objects]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    texts.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:  # image data qpdf does not decode
                    texts.append(obj.read_raw_bytes().decode("latin-1"))
        return "\n".join(texts)


def test_motion_photo_trailer_last_modified_thumbnail_and_jpx_boxes_are_removed():
    """Bytes after a JPEG's EOI, /LastModified, /Thumb, JPX XML/UUID boxes and comments leave no trace."""
    original, _jpeg = pdf_with_leftovers()
    assert GPS in original and b"+08'00'" in original

    working = working_copy(original)

    everything = decoded_streams(working)
    assert GPS.decode() not in everything and "ftypmp42" not in everything
    assert "LastModified" not in everything and "+08'00'" not in everything
    assert "/Thumb" not in everything
    assert "xml " not in everything


def test_images_keep_their_pixels_after_cleaning():
    """The JPEG data up to its end marker and the JPEG 2000 codestream decode to the same pixels as before."""
    original, jpeg = pdf_with_leftovers()

    with pikepdf.open(io.BytesIO(working_copy(original))) as pdf:
        images = pdf.pages[0].Resources.XObject
        plain, wrapped, jpx = (images[name].read_raw_bytes() for name in ("/Im0", "/Im1", "/Im2"))
        assert images["/Im1"].Filter == Name.DCTDecode
    assert plain == wrapped == jpeg
    assert Image.open(io.BytesIO(jpx)).tobytes() == Image.open(io.BytesIO(jp2_with_metadata())).tobytes()


def test_jpx_with_a_comment_inside_a_tile_part_is_refused():
    """A JPEG 2000 comment we cannot remove without rewriting tile lengths makes the data refused."""
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "JPEG2000", no_jp2=True)
    codestream = buffer.getvalue()
    sot = codestream.index(b"\xff\x90")
    comment = b"\xff\x64\x00\x08\x00\x01" + b"GPS!"
    psot = struct.unpack_from(">I", codestream, sot + 6)[0]
    tile = bytearray(codestream[sot : sot + 12])
    struct.pack_into(">I", tile, 6, psot + len(comment) if psot else 0)
    hostile = codestream[:sot] + bytes(tile) + comment + codestream[sot + 12 :]

    with pytest.raises(ValueError, match="tile-part"):
        strip_jpx(hostile)


def test_unparseable_embedded_jpeg_makes_the_pdf_unreadable():
    """A DCT image stream we cannot walk is not kept with whatever metadata it holds: the PDF is refused."""
    pdf = pikepdf.new()
    broken = image_stream(pdf, b"\xff\xd8\xff\xe1\x00\x10Exif" + GPS, Name.DCTDecode, 8, 8)
    pdf.pages.append(
        pikepdf.Page(
            Dictionary(Type=Name.Page, MediaBox=[0, 0, 100, 100], Resources=Dictionary(XObject=Dictionary(Im0=broken)))
        )
    )
    buffer = io.BytesIO()
    pdf.save(buffer)

    with pytest.raises(EvidenceRejected) as caught:
        working_copy(buffer.getvalue())
    assert caught.value.code == "unreadable"
