"""PDF evidence: working copies keep pages and text, and lose metadata, attachments and scripts."""

import io
import json
import shutil
import subprocess

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from pikepdf import Array, Dictionary, Name, String
from PIL import ExifTags, Image

from forms_app.evidence import EvidenceRejected, process_uploads

EXIFTOOL = shutil.which("exiftool", path="/usr/bin:/usr/local/bin")
SECRET = "Claimant Name"
PAGE_TEXT = b"(Evidence text on page) Tj"


def upload(name, data):
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def process_one(data, name="statement.pdf"):
    [result] = process_uploads([upload(name, data)])
    return result


def jpeg_with_gps():
    exif = Image.Exif()
    exif[0x010F] = "ScannerPhone"
    exif[ExifTags.IFD.GPSInfo] = {1: "N", 2: (31.0, 14.0, 5.0), 3: "E", 4: (121.0, 28.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (16, 16), (200, 40, 40)).save(buffer, "JPEG", exif=exif, comment=SECRET.encode())
    return buffer.getvalue()


def page(pdf, text=PAGE_TEXT):
    font = pdf.make_indirect(Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica))
    contents = pdf.make_stream(b"BT /F1 18 Tf 72 720 Td " + text + b" ET q 16 0 0 16 72 600 cm /Im0 Do Q")
    photo = pdf.make_stream(jpeg_with_gps())
    photo.Type, photo.Subtype, photo.Filter = Name.XObject, Name.Image, Name.DCTDecode
    photo.Width, photo.Height, photo.BitsPerComponent, photo.ColorSpace = 16, 16, 8, Name.DeviceRGB
    return pikepdf.Page(
        Dictionary(
            Type=Name.Page,
            MediaBox=[0, 0, 612, 792],
            Contents=contents,
            Resources=Dictionary(Font=Dictionary(F1=font), XObject=Dictionary(Im0=photo)),
        )
    )


def javascript(code):
    return Dictionary(S=Name.JavaScript, JS=String(code))


def hostile_pdf(**save_options):
    """Two pages carrying every kind of metadata and active content the working copy must lose."""
    pdf = pikepdf.new()
    pdf.pages.append(page(pdf))
    pdf.pages.append(page(pdf, b"(Second page) Tj"))
    pdf.docinfo["/Author"] = SECRET
    pdf.docinfo["/Creator"] = "ClaimantLaptop Word"
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        xmp["dc:creator"] = [SECRET]
    pdf.attachments["hidden.txt"] = pikepdf.AttachedFileSpec(pdf, b"embedded secret", mime_type="text/plain")
    pdf.Root.OpenAction = javascript("app.alert('opened')")
    pdf.Root.AA = Dictionary(WC=javascript("app.alert('closing')"))
    pdf.Root.Names.JavaScript = Dictionary(Names=Array([String("init"), pdf.make_indirect(javascript("x()"))]))
    first = pdf.pages[0].obj
    first.AA = Dictionary(O=javascript("app.alert('page')"))
    first.Metadata = pdf.make_stream(b"<x:xmpmeta>page-level " + SECRET.encode() + b"</x:xmpmeta>")
    first.PieceInfo = Dictionary(Word=Dictionary(Private=String(SECRET)))
    first.Annots = Array(
        [
            Dictionary(  # a note signed with the claimant's name
                Type=Name.Annot, Subtype=Name.Text, Rect=[0, 0, 10, 10], T=String(SECRET), Contents=String("note")
            ),
            Dictionary(  # a link that would call home
                Type=Name.Annot,
                Subtype=Name.Link,
                Rect=[0, 0, 10, 10],
                A=Dictionary(S=Name.URI, URI=String("https://tracker.example/?id=1")),
            ),
            Dictionary(  # an attachment hidden in an annotation
                Type=Name.Annot,
                Subtype=Name.FileAttachment,
                Rect=[0, 0, 10, 10],
                FS=pikepdf.AttachedFileSpec(pdf, b"annotation secret").obj,
            ),
        ]
    )
    buffer = io.BytesIO()
    pdf.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.disable, **save_options)
    return buffer.getvalue()


def everything_in(data):
    """Every object of a PDF as text, streams decoded, so nothing hides in compression."""
    parts = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        parts.append(repr(pdf.trailer))
        for obj in pdf.objects:
            parts.append(repr(obj))
            if isinstance(obj, pikepdf.Stream):
                try:
                    parts.append(obj.read_bytes().decode("latin-1"))
                except pikepdf.PdfError:
                    parts.append(obj.read_raw_bytes().decode("latin-1"))
    return "\n".join(parts)


def test_pdf_working_copy_loses_metadata_attachments_and_scripts():
    """/Info, XMP, embedded files, /OpenAction, JavaScript and /AA are all gone; pages and text stay."""
    original = hostile_pdf()
    assert SECRET in everything_in(original)  # the test file really carries it

    result = process_one(original)

    assert (result.kind, result.working_mime, result.working_extension) == ("pdf", "application/pdf", "pdf")
    assert result.metadata_removed is True
    with pikepdf.open(io.BytesIO(result.working)) as pdf:
        assert "/Info" not in pdf.trailer
        assert "/Metadata" not in pdf.Root
        assert "/OpenAction" not in pdf.Root
        assert "/AA" not in pdf.Root
        assert "/EmbeddedFiles" not in pdf.Root.get("/Names", {})
        assert "/JavaScript" not in pdf.Root.get("/Names", {})
        assert len(pdf.attachments) == 0
        assert len(pdf.pages) == 2
        assert PAGE_TEXT in pdf.pages[0].Contents.read_bytes()
        assert b"(Second page) Tj" in pdf.pages[1].Contents.read_bytes()
        first = pdf.pages[0].obj
        assert not {"/AA", "/Metadata", "/PieceInfo"} & set(first.keys())
        subtypes = [annotation.Subtype for annotation in first.Annots]
        assert Name.FileAttachment not in subtypes
        assert all("/A" not in annotation and "/T" not in annotation for annotation in first.Annots)
    everything = everything_in(result.working)
    for leaked in (SECRET, "ClaimantLaptop", "embedded secret", "annotation secret", "app.alert", "tracker.example"):
        assert leaked not in everything
    assert "/JavaScript" not in everything
    assert "/EmbeddedFile" not in everything


def test_photos_inside_a_pdf_lose_their_exif():
    """JPEG images embedded in a PDF (scanner apps) keep their pixels but lose EXIF, GPS and comments."""
    result = process_one(hostile_pdf())

    with pikepdf.open(io.BytesIO(result.working)) as pdf:
        photo = pdf.pages[0].Resources.XObject.Im0
        jpeg = photo.read_raw_bytes()
    assert b"Exif" not in jpeg and b"ScannerPhone" not in jpeg and SECRET.encode() not in jpeg
    image = Image.open(io.BytesIO(jpeg))
    assert image.size == (16, 16)
    assert len(image.getexif()) == 0


def test_pdf_working_copy_is_a_fresh_file_without_old_revisions():
    """An incremental update that 'deleted' the author leaves it in the original, not in the working copy."""
    original = hostile_pdf()
    with pikepdf.open(io.BytesIO(original)) as pdf:
        del pdf.docinfo["/Author"]
        buffer = io.BytesIO()
        pdf.save(buffer, object_stream_mode=pikepdf.ObjectStreamMode.disable)
    # Append the new version after the old one, as an incremental save would.
    updated = original + b"\n" + buffer.getvalue()
    assert SECRET.encode() in updated

    result = process_one(updated)

    assert SECRET.encode() not in result.working
    assert SECRET not in everything_in(result.working)


@pytest.mark.skipif(not EXIFTOOL, reason="exiftool is not installed")
def test_exiftool_finds_no_author_in_pdf_working_copy(tmp_path):
    """exiftool reports no author, creator or XMP in a cleaned PDF."""
    path = tmp_path / "working.pdf"
    path.write_bytes(process_one(hostile_pdf()).working)

    tags = json.loads(subprocess.run([EXIFTOOL, "-j", "-G", "-a", str(path)], capture_output=True).stdout)[0]

    assert not [key for key in tags if key.startswith("XMP")]
    assert not {"PDF:Author", "PDF:Creator", "PDF:Producer"} & set(tags)
    assert SECRET not in json.dumps(tags, ensure_ascii=False)


def test_pdf_needing_a_password_is_unreadable():
    """A PDF that cannot be opened without a password is refused as unreadable."""
    data = hostile_pdf(encryption=pikepdf.Encryption(owner="owner-secret", user="user-secret"))

    with pytest.raises(EvidenceRejected) as caught:
        process_uploads([upload("locked.pdf", data)])

    assert caught.value.code == "unreadable"
    assert "locked.pdf" in caught.value.messages[0]


def test_pdf_restricted_only_by_owner_password_is_accepted_unencrypted():
    """A bank statement with only an owner password (opens without one) is accepted, saved without encryption."""
    data = hostile_pdf(encryption=pikepdf.Encryption(owner="owner-secret", user=""))

    result = process_one(data)

    with pikepdf.open(io.BytesIO(result.working)) as pdf:
        assert not pdf.is_encrypted
        assert len(pdf.pages) == 2
        assert "/Info" not in pdf.trailer


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + b"not really a pdf " * 50, b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"],
    ids=["garbage", "no-pages"],
)
def test_damaged_pdf_is_unreadable_not_a_crash(data):
    """A file that starts like a PDF but cannot be parsed into pages is refused as unreadable."""
    with pytest.raises(EvidenceRejected) as caught:
        process_uploads([upload("broken.pdf", data)])

    assert caught.value.code == "unreadable"
