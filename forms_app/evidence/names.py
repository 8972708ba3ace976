"""Display names for uploads: the claimant's own filename, made safe to show.

The result is display text only. It is never used as a path: evidence is stored under
generated names, so nothing here needs to defend the filesystem, only the reader.
"""

import unicodedata

MAX_LENGTH = 120
MAX_EXTENSION_LENGTH = 10
FALLBACK_STEM = "evidence"

# Cc: control characters (newlines, escapes); Cf: format characters, including the bidi
# overrides (U+202A-U+202E, U+2066-U+2069) that make "gpj.exe" display as "exe.jpg", and
# zero-width characters; Cs/Co/Cn: surrogates, private-use and unassigned code points.
_DROPPED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}
# Characters that mean something in headers, shells or Windows filenames, should anyone
# ever reuse the name.
_REPLACED = set('<>:"|?*')


def display_name(raw, extension=""):
    """A short, printable, NFC-normalised version of an uploaded file's name.

    Paths are stripped, invisible and direction-changing characters removed, whitespace
    collapsed; Chinese and other scripts are kept. Empty results fall back to
    ``evidence.<extension>``.
    """
    name = unicodedata.normalize("NFC", str(raw or ""))
    # Browsers send base names, but some old ones (and hostile clients) send whole paths.
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    cleaned = []
    for char in name:
        category = unicodedata.category(char)
        if category in _DROPPED_CATEGORIES:
            continue
        if category.startswith("Z") or char in _REPLACED:
            cleaned.append(" " if category.startswith("Z") else "_")
        else:
            cleaned.append(char)
    name = " ".join("".join(cleaned).split())
    # Leading dots hide files on Unix; trailing dots and spaces vanish on Windows.
    name = name.strip(" .")
    if not name:
        return f"{FALLBACK_STEM}.{extension}" if extension else FALLBACK_STEM
    return _shorten(name)


def _shorten(name):
    if len(name) <= MAX_LENGTH:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or not stem or len(extension) > MAX_EXTENSION_LENGTH:
        return name[:MAX_LENGTH].rstrip(" .")
    keep = MAX_LENGTH - len(extension) - 2  # room for "…" and "."
    return f"{stem[:keep].rstrip(' .')}….{extension}"
