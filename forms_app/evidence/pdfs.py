"""PDF working copies: the same pages, without metadata, attachments or anything that runs.

Removed: the document information dictionary (/Info: author, software, dates), every XMP
/Metadata stream, /PieceInfo (private application data, sometimes a whole earlier version),
attached files (/EmbeddedFiles, /EF, /AF, file-attachment and media annotations), JavaScript,
/OpenAction, additional actions (/AA) everywhere, every action except in-document /GoTo
(so no links, launches or form submissions reach the outside), XFA forms, annotation authors
and dates, page and object modification dates (/LastModified, which carries the writer's time
zone), page thumbnails (/Thumb, a picture of the page as it was), the file identifier (/ID),
and in image streams: JPEG (DCTDecode) metadata segments (EXIF with GPS, XMP, ICC, Photoshop,
comments) and every byte after the JPEG's end marker (motion-photo videos and second images
that phones append), and JPEG 2000 (JPXDecode) metadata boxes and comments (see jpx.py).

Kept: the pages' content, fonts, images' pixels (never re-encoded), form fields and their
names, annotations other than attachments and media (without their author and dates),
outlines and in-document links, page labels and the structure tree (tagged PDF). Text on the
pages and what images show are evidence and are not touched: they can identify a claimant.
An embedded JPEG or JPEG 2000 image that cannot be parsed makes the PDF "unreadable" rather
than kept with its metadata. Not examined: inline images written inside page content streams
(``BI ... ID ... EI``, meant for small images), and custom keys of private dictionaries other
than those listed above.

Saving is not incremental: pikepdf writes a fresh file with only reachable objects, so
earlier revisions left behind by incremental saves are gone too. Streams are copied without
being decoded, so a compressed "bomb" is never inflated here.
"""

import io
import struct

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream

from .jpeg_segments import strip_jpeg_metadata
from .jpx import strip_jpx

# Dictionary keys removed wherever they appear.
_DROPPED_KEYS = ("/Metadata", "/PieceInfo", "/AA", "/AF", "/EF", "/XFA", "/LastModified", "/Thumb")
# Filters that only compress or encode bytes; an image may wrap its JPEG data in them.
_BYTE_FILTERS = {Name.FlateDecode, Name.LZWDecode, Name.ASCIIHexDecode, Name.ASCII85Decode, Name.RunLengthDecode}
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
        _strip_object(pdf, obj)


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


def _strip_object(pdf, obj):
    for key in _DROPPED_KEYS:
        if key in obj:
            del obj[key]
    action = obj.get("/A")
    if isinstance(action, Dictionary) and action.get("/S") != Name.GoTo:
        del obj["/A"]
    if obj.get("/S") == Name.GoTo and "/Next" in obj:
        del obj["/Next"]  # chained actions may be anything
    if isinstance(obj, Stream) and obj.get("/Subtype") == Name.Image:
        _strip_embedded_image(pdf, obj)


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


def _strip_embedded_image(pdf, image):
    """Rewrite a JPEG or JPEG 2000 image stream without its metadata; its pixels stay as they are."""
    filters = image.get("/Filter")
    filters = list(filters) if isinstance(filters, Array) else [filters]
    if not filters:
        return
    if filters[-1] == Name.DCTDecode:
        strip, image_filter = strip_jpeg_metadata, Name.DCTDecode
    elif filters[-1] == Name.JPXDecode:
        strip, image_filter = _strip_jpx_or_none, Name.JPXDecode
    else:
        return
    if not all(name in _BYTE_FILTERS for name in filters[:-1]):
        raise UnreadablePdf
    parameters = image.get("/DecodeParms")
    parameters = list(parameters) if isinstance(parameters, Array) else [parameters] * len(filters)
    raw = image.read_raw_bytes()
    if len(filters) > 1:
        # e.g. [/FlateDecode /DCTDecode]: undo the outer layers in a scratch stream (qpdf cannot
        # decode a chain ending in an image filter), keep the image data. Inflating is bounded
        # by the sandbox's memory limit.
        scratch = Stream(pdf, raw)
        scratch.Filter = Array(filters[:-1])
        if any(item is not None for item in parameters[:-1]):
            scratch.DecodeParms = Array([Dictionary() if item is None else item for item in parameters[:-1]])
        raw = scratch.read_bytes(decode_level=pikepdf.StreamDecodeLevel.generalized)
    stripped = strip(raw)
    if stripped is None:
        raise UnreadablePdf
    if stripped != raw or len(filters) > 1:
        last = parameters[-1] if parameters else None
        image.write(stripped, filter=image_filter, decode_parms=last)


def _strip_jpx_or_none(data):
    try:
        return strip_jpx(data)
    except (ValueError, struct.error):
        return None
