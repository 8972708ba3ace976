"""Decide what an upload really is from its bytes. Names and client Content-Types are ignored.

Binary formats are recognised by their magic numbers (``filetype``, plus our own checks where
its matchers are too loose or wrong: ISO-BMFF brands, MP3 frame headers, AMR-WB). Anything
without a recognised signature may still be plain text (see ``text.py``). The allow-list is
``ACCEPTED``: every other type ``filetype`` knows is refused, as is anything it does not know.
"""

import struct
from dataclasses import dataclass

import filetype

from .text import decode_text


@dataclass(frozen=True)
class FileType:
    kind: str  # "image" | "pdf" | "text" | "audio" | "video"
    mime: str
    extension: str


JPEG = FileType("image", "image/jpeg", "jpg")
PNG = FileType("image", "image/png", "png")
GIF = FileType("image", "image/gif", "gif")
WEBP = FileType("image", "image/webp", "webp")
HEIC = FileType("image", "image/heic", "heic")
PDF = FileType("pdf", "application/pdf", "pdf")
TEXT = FileType("text", "text/plain", "txt")
MP3 = FileType("audio", "audio/mpeg", "mp3")
M4A = FileType("audio", "audio/mp4", "m4a")
AAC = FileType("audio", "audio/aac", "aac")
OGG = FileType("audio", "audio/ogg", "ogg")
WAV = FileType("audio", "audio/wav", "wav")
AMR = FileType("audio", "audio/amr", "amr")
AMR_WB = FileType("audio", "audio/amr-wb", "awb")
MP4 = FileType("video", "video/mp4", "mp4")
MOV = FileType("video", "video/quicktime", "mov")
THREE_GP = FileType("video", "video/3gpp", "3gp")
THREE_G2 = FileType("video", "video/3gpp2", "3g2")
WEBM = FileType("video", "video/webm", "webm")

# filetype's MIME type -> what we accept it as. ISO-BMFF files (MP4, MOV, HEIC...) never get
# here: their brands are read by _iso_bmff below.
ACCEPTED = {
    "image/jpeg": JPEG,
    "image/png": PNG,
    "image/apng": PNG,  # a PNG whose first frame is what Pillow decodes
    "image/gif": GIF,
    "image/webp": WEBP,
    "application/pdf": PDF,
    "audio/mpeg": MP3,
    "audio/aac": AAC,
    "audio/ogg": OGG,  # Ogg Vorbis and Opus
    "audio/x-wav": WAV,
    "audio/amr": AMR,
    "video/webm": WEBM,
}

# Signatures of two or three printable letters ("BM", "MZ", "BZh") that ordinary prose can
# start with; a real file of these types has binary bytes right after and fails the text test.
WEAK_SIGNATURES = {"image/bmp", "application/x-msdownload", "application/x-bzip2"}

# ISO base media files (ftyp box) by major brand. AVIF, CR3 raw photos, JPEG 2000 and
# anything else unlisted is refused.
_HEIF_BRANDS = {"heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"}
_MP4_BRANDS = {"isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "mmp4", "MSNV", "dash"}
_MP4_BRANDS |= {"M4V ", "M4VH", "M4VP", "XAVC", "f4v "}
_M4A_BRANDS = {"M4A ", "M4B "}

SNIFF_BYTES = 8192


def sniff(data):
    """The accepted FileType of ``data``, or None when it must be refused."""
    if not data:
        return None
    head = data[:SNIFF_BYTES]
    if head[4:8] == b"ftyp":
        return _iso_bmff(head)
    if head.startswith(b"#!AMR-WB\n"):
        return AMR_WB
    guess = filetype.guess(head)
    if guess is None:
        return TEXT if looks_like_text(data) else None
    if guess.mime == "audio/mpeg":
        # filetype accepts any "ID3" or 0xFFFB prefix; check the header properly.
        return MP3 if _is_mp3(head) else (TEXT if looks_like_text(data) else None)
    if guess.mime in WEAK_SIGNATURES and looks_like_text(data):
        return TEXT
    return ACCEPTED.get(guess.mime)


def looks_like_text(data):
    return decode_text(data) is not None


def _iso_bmff(head):
    if len(head) < 16:
        return None
    box_size = struct.unpack(">I", head[:4])[0]
    major = head[8:12].decode("latin-1")
    compatible = {head[i : i + 4].decode("latin-1") for i in range(16, min(box_size, len(head), 16 + 4 * 64) - 3, 4)}
    if major in _HEIF_BRANDS or (major in {"mif1", "msf1"} and compatible & _HEIF_BRANDS):
        return HEIC
    if major in _M4A_BRANDS:
        return M4A
    if major == "qt  ":
        return MOV
    if major.startswith("3g2"):
        return THREE_G2
    if major.startswith("3g"):
        return THREE_GP
    if major in _MP4_BRANDS:
        return MP4
    return None


def _is_mp3(head):
    if head[:3] == b"ID3":
        # ID3v2: version 2-4, revision 0, then four "synchsafe" size bytes below 0x80.
        return len(head) >= 10 and head[3] in (2, 3, 4) and head[4] == 0 and all(b < 0x80 for b in head[6:10])
    if len(head) < 4 or head[0] != 0xFF or head[1] & 0xE0 != 0xE0:
        return False
    version = (head[1] >> 3) & 3  # 1 is reserved
    layer = (head[1] >> 1) & 3  # 0 is reserved
    bitrate = head[2] >> 4  # 15 is invalid
    sample_rate = (head[2] >> 2) & 3  # 3 is reserved
    return version != 1 and layer != 0 and bitrate != 15 and sample_rate != 3
