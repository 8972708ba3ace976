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
    """``data`` without APP1-APP13, APP15 (EXIF, XMP, ICC, Photoshop...), comments, and anything
    after the end-of-image marker (motion-photo videos, MPF second images, appended data).

    Kept: the frame and scan headers, quantisation and Huffman tables, restart intervals, JFIF
    (APP0: resolution only), Adobe (APP14: colour transform) and the compressed pixels.
    Returns None when the stream cannot be parsed, so the caller can decide what to do.
    """
    if not data.startswith(SOI):
        return None
    out = bytearray(SOI)
    position = 2
    scanned = False
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
                return bytes(out)  # whatever follows the image is dropped
            continue
        if position + 4 > len(data):
            return None
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        end = position + 2 + length
        if length < 2 or end > len(data):
            return None
        if marker == _SOS:
            # The scan header, then entropy-coded data up to the next marker, copied untouched.
            scan_end = _end_of_scan(data, end)
            out += data[position:scan_end]
            position = scan_end
            scanned = True
            continue
        if marker == _COM or (marker in _APPN and marker not in (_APP0, _APP14)):
            position = end
            continue
        out += data[position:end]
        position = end
    # A stream cut short after its pixels (no EOI) is still an image; viewers show it.
    return bytes(out + b"\xff\xd9") if scanned else None


def _end_of_scan(data, position):
    """Index of the first marker after entropy-coded data starting at ``position``.

    Inside a scan, 0xFF is followed by 0x00 (a stuffed data byte) or by a restart marker;
    any other byte after 0xFF starts the next marker (another scan's tables, or EOI).
    """
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            return len(data)
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:
            position += 2
        elif following == 0xFF:
            position += 1  # fill bytes before a marker
        else:
            return position
