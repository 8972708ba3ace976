"""Remove metadata segments from a JPEG stream without re-encoding it.

Used for photos embedded in PDFs (scanner apps put the phone's EXIF, GPS included, in them),
where decoding and re-encoding every image would be slow and lossy. Stand-alone image uploads
are rebuilt from pixels instead (images.py).
"""

SOI = b"\xff\xd8"
_SOS = 0xDA
_EOI = 0xD9
_APP0 = 0xE0  # JFIF: resolution only
_APP14 = 0xEE  # Adobe: tells decoders how to read the colours, so it must stay
_APPN = range(0xE0, 0xF0)
_COM = 0xFE
# Markers without a length field.
_STANDALONE = {0x01, *range(0xD0, 0xD8)}


def strip_jpeg_metadata(data):
    """``data`` without APP1-APP13, APP15 (EXIF, XMP, ICC, Photoshop...) and comments.

    Returns None when the stream cannot be parsed, so the caller can decide what to do.
    """
    if not data.startswith(SOI):
        return None
    out = bytearray(SOI)
    position = 2
    while position < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1] if position + 1 < len(data) else None
        if marker is None:
            return None
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker in _STANDALONE or marker == _EOI:
            out += data[position : position + 2]
            position += 2
            if marker == _EOI:
                return bytes(out + data[position:])
            continue
        if position + 4 > len(data):
            return None
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        end = position + 2 + length
        if length < 2 or end > len(data):
            return None
        if marker == _SOS:
            # Entropy-coded data follows up to EOI (with any later scans): copy it untouched.
            return bytes(out + data[position:])
        if marker == _COM or (marker in _APPN and marker not in (_APP0, _APP14)):
            position = end
            continue
        out += data[position:end]
        position = end
    return None
