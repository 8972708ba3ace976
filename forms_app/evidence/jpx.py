"""Remove metadata from JPEG 2000 data (a PDF's JPXDecode image streams) without re-encoding.

A JP2/JPX file is a sequence of boxes. Kept, at the top level: the signature ('jP  '), file
type ('ftyp'), reader requirements ('rreq'), the header superbox ('jp2h') and the codestream
('jp2c'). Inside 'jp2h' only what decoding needs is kept: image header ('ihdr'), bit depths
('bpcc'), colour specification ('colr', which may hold an ICC profile needed for the colours),
palette ('pclr'), component mapping ('cmap'), channel definitions ('cdef') and resolution
('res '). Every other box is dropped: XML ('xml ', XMP and GML/GeoJP2 locations), UUID boxes
(EXIF, GeoTIFF), IPR ('jp2i'), UUID info ('uinf'), labels and associations ('asoc', 'lbl ',
'nlst'), and anything unknown.

In the codestream, comment segments (COM) in the main header are removed. A comment inside a
tile-part header, or a box or codestream that cannot be parsed, makes the data refused
(ValueError), since removing it would mean rewriting tile lengths.
"""

import struct

_TOP_LEVEL = {b"jP  ", b"ftyp", b"rreq", b"jp2h", b"jp2c"}
_HEADER_BOXES = {b"ihdr", b"bpcc", b"colr", b"pclr", b"cmap", b"cdef", b"res "}
_SIGNATURE = b"\x00\x00\x00\x0cjP  \r\n\x87\n"
_SOC = b"\xff\x4f"
_SOT, _SOD, _EOC, _COM = 0x90, 0x93, 0xD9, 0x64


def strip_jpx(data):
    """The same image without metadata boxes or comments; raises ValueError if unparseable."""
    if data.startswith(_SOC):
        return strip_codestream(data)
    if not data.startswith(_SIGNATURE):
        raise ValueError("not JPEG 2000")
    out = bytearray()
    for kind, body in _boxes(data):
        if kind not in _TOP_LEVEL:
            continue
        if kind == b"jp2h":
            body = b"".join(_box(child, inner) for child, inner in _boxes(body) if child in _HEADER_BOXES)
        elif kind == b"jp2c":
            body = strip_codestream(body)
        out += _box(kind, body)
    return bytes(out)


def strip_codestream(data):
    """A JPEG 2000 codestream without main-header comments."""
    if not data.startswith(_SOC):
        raise ValueError("not a codestream")
    out = bytearray(_SOC)
    position = 2
    while True:  # main header: marker segments up to the first tile part
        marker, length = _segment(data, position)
        if marker == _SOT:
            break
        if marker != _COM:
            out += data[position : position + 2 + length]
        position += 2 + length
    _check_tile_parts(data, position)
    out += data[position:]
    return bytes(out)


def _check_tile_parts(data, position):
    while position < len(data):
        marker, length = _segment(data, position)
        if marker == _EOC:
            return
        if marker != _SOT or length != 10:
            raise ValueError("expected a tile part")
        tile_part_length = struct.unpack_from(">I", data, position + 6)[0]
        header = position + 2 + length
        while True:  # tile-part header: segments up to SOD
            marker, inner = _segment(data, header)
            if marker == _SOD:
                break
            if marker == _COM:
                raise ValueError("comment in a tile-part header")
            header += 2 + inner
        if tile_part_length == 0:  # the last tile part runs to EOC
            return
        position += tile_part_length


def _segment(data, position):
    """(marker, segment length) at ``position``; SOD and EOC have no length."""
    if position + 2 > len(data) or data[position] != 0xFF:
        raise ValueError("expected a marker")
    marker = data[position + 1]
    if marker in (_SOD, _EOC):
        return marker, 0
    if position + 4 > len(data):
        raise ValueError("truncated")
    length = struct.unpack_from(">H", data, position + 2)[0]
    if length < 2 or position + 2 + length > len(data):
        raise ValueError("bad segment length")
    return marker, length


def _boxes(data):
    position = 0
    while position < len(data):
        if position + 8 > len(data):
            raise ValueError("truncated box")
        size, kind = struct.unpack_from(">I4s", data, position)
        header = 8
        if size == 1:
            if position + 16 > len(data):
                raise ValueError("truncated box")
            size = struct.unpack_from(">Q", data, position + 8)[0]
            header = 16
        elif size == 0:
            size = len(data) - position
        if size < header or position + size > len(data):
            raise ValueError("bad box length")
        yield kind, data[position + header : position + size]
        position += size


def _box(kind, body):
    if len(body) + 8 > 0xFFFFFFFF:
        return struct.pack(">I4sQ", 1, kind, len(body) + 16) + body
    return struct.pack(">I4s", len(body) + 8, kind) + body
