"""Evidence uploads: validation, type sniffing and metadata-free working copies.

Every upload is treated as hostile and as something an adversary wants. Types are decided by
content (magic numbers and parsing), never by the filename or the client's Content-Type, and
only this allow-list is accepted:

* Images - JPEG, PNG (including APNG, first frame), GIF (first frame), WebP, HEIC/HEIF.
  The pixel count is checked from the header before decoding (EVIDENCE_MAX_IMAGE_PIXELS,
  plus Pillow's own bomb check). The working copy is turned upright (EXIF orientation), then
  rebuilt from its pixels alone and saved with no metadata: JPEG and HEIC become JPEG
  (quality 90), the others PNG. No EXIF, GPS, XMP, ICC profile, comment or text chunk survives.
  AVIF, TIFF, BMP, raw camera files and SVG are refused.
* PDF - opened with pikepdf. Metadata, attachments, JavaScript and actions are removed and a
  fresh file written (see pdfs.py). Files needing a password to open, or that cannot be
  repaired, are "unreadable". Files restricted only by an owner password open without one,
  and their working copy is saved unencrypted.
* Plain text - UTF-8, GB18030 or Big5(-HKSCS), no NUL or other control characters, and no
  markup (HTML, SVG or XML are refused). Working copy: the same text in UTF-8.
* Audio - MP3, M4A/AAC, Ogg (Vorbis, Opus), WAV, AMR and AMR-WB (WeChat voice exports).
  Video - MP4, QuickTime (MOV), 3GP/3G2, WebM. These pass through unchanged with
  ``metadata_removed=False``: stripping container metadata (device, dates, sometimes GPS)
  needs ffmpeg, which is not available, so reviewers must be warned. WeChat's SILK voice
  format is refused (nothing here can play it).
* Everything else is refused, whatever its name: executables (ELF, PE, Mach-O), archives,
  Office and RTF files, PostScript, HTML, SVG, unknown binary data.

``original`` is kept byte for byte as evidence. Serve and store it under a generated name with
``working_extension`` or ``original_mime``, never the claimant's filename, always as an
attachment with ``X-Content-Type-Options: nosniff``; reviewers should open working copies.

Limits (settings, defaults in limits.py): EVIDENCE_MAX_FILES, EVIDENCE_MAX_FILE_BYTES,
EVIDENCE_MAX_CASE_BYTES, EVIDENCE_MAX_IMAGE_PIXELS.
"""

from .errors import EvidenceRejected
from .fields import EvidenceField
from .processing import ProcessedEvidence, process_uploads
from .upload_handler import BoundedMemoryUploadHandler, upload_errors

__all__ = [
    "BoundedMemoryUploadHandler",
    "EvidenceField",
    "EvidenceRejected",
    "ProcessedEvidence",
    "process_uploads",
    "upload_errors",
]
