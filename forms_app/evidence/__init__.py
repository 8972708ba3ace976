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
* PDF - opened with pikepdf. Metadata, attachments, JavaScript, actions, modification dates,
  thumbnails, and the metadata of embedded JPEG and JPEG 2000 images (including bytes after a
  JPEG's end) are removed and a fresh file written (see pdfs.py, which lists what is kept).
  Files needing a password to open, or that cannot be repaired, are "unreadable". Files
  restricted only by an owner password open without one, and their working copy is saved
  unencrypted.
* Plain text - UTF-8, GB18030 or Big5(-HKSCS), no NUL or other control characters, and no
  markup (HTML, SVG or XML are refused). Working copy: the same text in UTF-8.
* Audio - MP3, M4A/AAC, Ogg (Vorbis, Opus), WAV, AMR and AMR-WB (WeChat voice exports).
  Video - MP4, QuickTime (MOV), 3GP/3G2, WebM. The working copy is the same audio and video
  streams, not re-encoded, in a fresh container without tags, chapters, cover art or extra
  tracks (ffmpeg from the imageio-ffmpeg wheel; see media.py). A recording ffmpeg cannot
  rewrite (or whose rewrite still shows tags) is kept as it is with ``metadata_removed=False``,
  and the intake form accepts it only with the claimant's consent to keep originals. WeChat's
  SILK voice format is refused (nothing here can play it).
* Everything else is refused, whatever its name: executables (ELF, PE, Mach-O), archives,
  Office and RTF files, PostScript, HTML, SVG, unknown binary data.

``original`` is kept byte for byte as evidence. Serve and store it under a generated name with
``working_extension`` or ``original_mime``, never the claimant's filename, always as an
attachment with ``X-Content-Type-Options: nosniff``; reviewers should open working copies.

Every parser and decoder runs in a sandbox child process, one per request (sandbox.py,
worker.py): memory, CPU time and network are limited there, and a crash or timeout refuses the
request's files instead of taking down the site.

Limits (settings, defaults in limits.py): EVIDENCE_MAX_FILES, EVIDENCE_MAX_FILE_BYTES,
EVIDENCE_MAX_CASE_BYTES, EVIDENCE_MAX_IMAGE_PIXELS, EVIDENCE_MAX_REQUEST_PIXELS,
EVIDENCE_MAX_PIXELS_PER_BYTE, EVIDENCE_SANDBOX_MEMORY_BYTES, EVIDENCE_SANDBOX_CPU_SECONDS,
EVIDENCE_SANDBOX_TIMEOUT_SECONDS.
"""

import importlib

# Imported on first use (PEP 562), so that the sandbox's fork server can import the decoders
# (worker.py) without loading Django and these modules with it.
_EXPORTS = {
    "BoundedMemoryUploadHandler": ".upload_handler",
    "EvidenceField": ".fields",
    "EvidenceRejected": ".errors",
    "ProcessedEvidence": ".processing",
    "process_uploads": ".processing",
    "upload_errors": ".upload_handler",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_EXPORTS[name], __name__), name)
    globals()[name] = value
    return value
