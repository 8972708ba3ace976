"""Plain-text evidence (chat exports, notes): decode, refuse anything binary or markup, re-encode as UTF-8.

Accepted encodings: UTF-8 (with or without BOM), then GB18030 and Big5-HKSCS. The two legacy
Chinese encodings overlap, so both are tried and the decoding that yields common Simplified
Chinese characters wins for GB18030; otherwise Big5 is preferred when it decodes. The guess
can be wrong for unusual text; the original bytes are always kept for reviewers.
"""

import re

# Tab, line feed, form feed and carriage return are the only control characters prose uses.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# Markup is refused outright: SVG and HTML can carry script, and a browser or viewer that
# guesses types from content would run it. A file starting with a tag, or containing one of
# the tags that run or embed content anywhere, is markup.
_STARTS_WITH_TAG = re.compile(r"\s*<[a-zA-Z!?/]")
_ACTIVE_TAG = re.compile(r"<\s*(?:script|svg|html|iframe|object|embed|\?xml|!doctype)\b", re.IGNORECASE)
_UTF8_BOM = b"\xef\xbb\xbf"
_SIMPLIFIED_SHARE = 0.8


def decode_text(data):
    """The text in ``data``, or None if it is not plain text in an encoding we accept."""
    if not data:
        return None
    text = _decode(data)
    if text is None or _CONTROL.search(text) or _STARTS_WITH_TAG.match(text) or _ACTIVE_TAG.search(text):
        return None
    return text


def _decode(data):
    try:
        return data.removeprefix(_UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError:
        pass
    gb = _try(data, "gb18030")
    big5 = _try(data, "big5hkscs")
    if gb is not None and (big5 is None or _simplified_share(gb) >= _SIMPLIFIED_SHARE):
        return gb
    return big5


def _try(data, encoding):
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _simplified_share(text):
    """Share of non-ASCII characters that are common (GB2312) ideographs or CJK punctuation.

    Big5 bytes read as GB18030 mostly land on rare extension characters, Greek, kana or box
    drawing; genuine GB text scores near 1.
    """
    wide = [char for char in text[:100_000] if ord(char) > 0x7F]
    if not wide:
        return 1.0
    common = sum(1 for char in wide if _is_common_simplified(char))
    return common / len(wide)


def _is_common_simplified(char):
    if "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef":
        return True
    if not "\u4e00" <= char <= "\u9fff":
        return False
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def clean_text(data):
    """(working bytes, mime, extension) for text evidence: the same text, in UTF-8, without BOM."""
    text = decode_text(data)
    if text is None:
        raise ValueError("not plain text")
    return text.encode("utf-8"), "text/plain", "txt"
