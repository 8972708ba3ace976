"""Image working copies: decoded, turned upright and rebuilt from pixels alone.

Re-saving an image with Pillow is not enough: a JPEG keeps its comment and a PNG its ICC
profile, both carried over from ``Image.info``. Pasting the pixels into a brand-new image
leaves every piece of metadata behind (EXIF, GPS, XMP, ICC, comments, text chunks).

Colour profiles are dropped, not applied: parsing an untrusted ICC profile is more attack
surface, and wide-gamut photos only look slightly less saturated. Invisible watermarks in the
pixels themselves survive; every image should still be treated as identifying.
"""

import io
import warnings

import pillow_heif
from PIL import Image, ImageOps

pillow_heif.register_heif_opener()
# The decoders are imported now, once in the sandbox's fork server, not again in every child.
Image.preinit()
from PIL import ImageChops, JpegPresets  # noqa: E402,F401 -- imported by the decoders on first use

# Sniffed MIME type -> (the only Pillow decoder allowed to open it, output format).
_FORMATS = {
    "image/jpeg": ("JPEG", "JPEG"),
    "image/heic": ("HEIF", "JPEG"),
    "image/png": ("PNG", "PNG"),
    "image/gif": ("GIF", "PNG"),
    "image/webp": ("WEBP", "PNG"),
}
_OUTPUT = {"JPEG": ("image/jpeg", "jpg"), "PNG": ("image/png", "png")}
_PNG_MODES = {"1", "L", "LA", "RGB", "RGBA"}
JPEG_QUALITY = 90


class ImageTooLarge(Exception):
    """The image declares more pixels than we are willing to decode."""


def image_pixels(data, mime):
    """The pixel count the image's header declares; nothing is decoded. Raises for bad data."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[_FORMATS[mime][0]]) as image:
                width, height = image.size
    except Image.DecompressionBombError as error:
        raise ImageTooLarge from error
    return width * height


def clean_image(data, mime, max_pixels):
    """(working bytes, mime, extension) for an image; raises ImageTooLarge, or any error for bad data."""
    decoder, output = _FORMATS[mime]
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own, higher threshold; ours was already checked.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[decoder]) as image:
                width, height = image.size  # from the header: nothing is decoded yet
                if width * height > max_pixels:
                    raise ImageTooLarge
                image.seek(0)  # first frame of GIFs and animated WebP/PNG
                image.load()
                ImageOps.exif_transpose(image, in_place=True)
                clean = _rebuild(image, output)
    except Image.DecompressionBombError as error:
        raise ImageTooLarge from error
    buffer = io.BytesIO()
    if output == "JPEG":
        # subsampling=0 keeps text in screenshots sharp; no exif/icc/comment arguments.
        clean.save(buffer, "JPEG", quality=JPEG_QUALITY, subsampling=0)
    else:
        clean.save(buffer, "PNG", optimize=False)
    return (buffer.getvalue(), *_OUTPUT[output])


def _rebuild(image, output):
    """A new image holding only the pixels: no info, no palette metadata, nothing else."""
    has_alpha = "A" in image.getbands() or "transparency" in image.info
    if output == "JPEG":
        if has_alpha:
            # JPEG has no transparency: flatten onto white as a viewer would show it.
            rgba = image.convert("RGBA")
            clean = Image.new("RGB", image.size, "white")
            clean.paste(rgba, mask=rgba.getchannel("A"))
            return clean
        mode = "L" if image.mode == "L" else "RGB"
    else:
        mode = image.mode if image.mode in _PNG_MODES else ("RGBA" if has_alpha else "RGB")
    source = image if image.mode == mode else image.convert(mode)
    clean = Image.new(mode, image.size)
    clean.paste(source)
    return clean
