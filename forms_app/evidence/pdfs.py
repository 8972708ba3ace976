"""PDF working copies: the same pages, without metadata, attachments or anything that runs.

Removed: the document information dictionary (/Info: author, software, dates), every XMP
/Metadata stream, /PieceInfo (private application data, sometimes a whole earlier version),
attached files (/EmbeddedFiles, /EF, /AF, file-attachment and media annotations), JavaScript,
/OpenAction, additional actions (/AA) everywhere, every action except in-document /GoTo
(so no links, launches or form submissions reach the outside), XFA forms, annotation authors
and dates, EXIF in embedded JPEG photos, and the file identifier (/ID).

Saving is not incremental: pikepdf writes a fresh file with only reachable objects, so
earlier revisions left behind by incremental saves are gone too. Streams are copied without
being decoded, so a compressed "bomb" is never inflated here.
"""

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

from .jpeg_segments import strip_jpeg_metadata

# Dictionary keys removed wherever they appear.
_DROPPED_KEYS = ("/Metadata", "/PieceInfo", "/AA", "/AF", "/EF", "/XFA")
_CATALOG_KEYS = ("/OpenAction", "/URI", "/Threads", "/SpiderInfo")
_DROPPED_NAME_TREES = ("/EmbeddedFiles", "/JavaScript", "/AlternatePresentations")
_DROPPED_ANNOTATIONS = {"/FileAttachment", "/Sound", "/Movie", "/Screen", "/RichMedia", "/3D"}
# Who made an annotation and when; not on form widgets, where /T is the field's name.
_ANNOTATION_AUTHOR_KEYS = ("/T", "/M", "/CreationDate", "/NM")


class UnreadablePdf(Exception):
    """Encrypted with a password, damaged beyond repair, or without pages."""


def clean_pdf(data):
    """(working bytes, mime, extension) for a PDF; raises UnreadablePdf."""
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) == 0:
                raise UnreadablePdf
            _strip(pdf)
            out = io.BytesIO()
            # encryption=False: a PDF restricted only by an owner password opens without one,
            # and its working copy is saved unencrypted.
            pdf.save(
                out,
                encryption=False,
                fix_metadata_version=False,
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                deterministic_id=True,
            )
    except (pikepdf.PdfError, pikepdf.PasswordError, RecursionError, ValueError) as error:
        raise UnreadablePdf from error
    return out.getvalue(), "application/pdf", "pdf"


def _strip(pdf):
    for key in ("/Info", "/ID"):
        if key in pdf.trailer:
            del pdf.trailer[key]
    root = pdf.Root
    for key in _CATALOG_KEYS:
        if key in root:
            del root[key]
    names = root.get("/Names")
    if isinstance(names, Dictionary):
        for key in _DROPPED_NAME_TREES:
            if key in names:
                del names[key]
    for page in pdf.pages:
        _strip_annotations(page.obj)
    for obj in _every_dictionary(pdf):
        _strip_object(obj)


def _every_dictionary(pdf):
    """Every dictionary and stream in the file, including those nested directly inside others."""
    pending = [obj for obj in pdf.objects if isinstance(obj, Dictionary | Array | Stream)]
    while pending:  # a loop, not recursion: hostile files nest deeply
        obj = pending.pop()
        children = list(obj) if isinstance(obj, Array) else list(obj.values())
        if not isinstance(obj, Array):
            yield obj
        # Indirect children are already in pdf.objects; only direct ones need visiting here.
        pending.extend(child for child in children if isinstance(child, Dictionary | Array) and not child.is_indirect)


def _strip_object(obj):
    for key in _DROPPED_KEYS:
        if key in obj:
            del obj[key]
    action = obj.get("/A")
    if isinstance(action, Dictionary) and action.get("/S") != Name.GoTo:
        del obj["/A"]
    if obj.get("/S") == Name.GoTo and "/Next" in obj:
        del obj["/Next"]  # chained actions may be anything
    if isinstance(obj, Stream) and obj.get("/Subtype") == Name.Image:
        _strip_embedded_jpeg(obj)


def _strip_annotations(page):
    annotations = page.get("/Annots")
    if not isinstance(annotations, Array):
        return
    kept = Array()
    for annotation in annotations:
        if not isinstance(annotation, Dictionary):
            continue
        subtype = annotation.get("/Subtype")
        if subtype in _DROPPED_ANNOTATIONS:
            continue
        if subtype != Name.Widget:
            for key in _ANNOTATION_AUTHOR_KEYS:
                if key in annotation:
                    del annotation[key]
        kept.append(annotation)
    page["/Annots"] = kept


def _strip_embedded_jpeg(image):
    filters = image.get("/Filter")
    if isinstance(filters, Array) and len(filters) == 1:
        filters = filters[0]
    if filters != Name.DCTDecode:
        return
    raw = image.read_raw_bytes()
    stripped = strip_jpeg_metadata(raw)
    if stripped is not None and stripped != raw:
        image.write(stripped, filter=Name.DCTDecode, decode_parms=image.get("/DecodeParms"))
