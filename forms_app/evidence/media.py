"""Audio and video working copies: the same streams, without container metadata.

ffmpeg (the static build inside the ``imageio-ffmpeg`` wheel, so no system package is needed)
copies the audio and video streams bit for bit into a fresh container of the same kind:

    ffmpeg -f DEMUXER -i IN -map 0:V? -map 0:a? -map_metadata -1 -map_chapters -1
           -c copy -fflags +bitexact -flags:v +bitexact -flags:a +bitexact -f MUXER OUT

Removed: every global and per-stream tag (ID3 title/comment/artist, MP4 ``udta``/``ilst`` such
as ``©xyz`` location, ``©day``, make and model, QuickTime ``mdta`` keys, Vorbis comments, WAV
LIST/INFO, Matroska tags), chapters, cover art and other attached pictures, and every track that
is not audio or video (subtitles, data and timed-metadata tracks, such as phones' GPS tracks),
plus the muxer's own "encoder" tag and creation times (``bitexact``). Kept: the audio and video
streams exactly as recorded (nothing is re-encoded), their codec parameters and
duration. What the streams themselves carry (a voice, a face, the sound of
a place, codec-level user data such as some drones' SEI messages) is not and cannot be removed.

The result is probed again and refused (``NotStripped``) if any tag other than harmless
technical ones survives, or if any tag text of the original appears anywhere in its bytes.

Input and output live in anonymous memory files (memfd): nothing is written to disk. The
demuxer is fixed from the sniffed type, so ffmpeg never guesses a format (no playlists, no
concat lists) and may only open local files. This module runs inside the sandbox child
(sandbox.py), whose memory, CPU and network limits ffmpeg inherits.
"""

import os
import re
import subprocess

# Sniffed MIME type -> (demuxer, muxer)
FORMATS = {
    "audio/mpeg": ("mp3", "mp3"),
    "audio/mp4": ("mov", "ipod"),
    "audio/aac": ("aac", "adts"),
    "audio/ogg": ("ogg", "ogg"),
    "audio/wav": ("wav", "wav"),
    "audio/amr": ("amr", "amr"),
    "audio/amr-wb": ("amr", "amr"),
    "video/mp4": ("mov", "mp4"),
    "video/quicktime": ("mov", "mov"),
    "video/3gpp": ("mov", "3gp"),
    "video/3gpp2": ("mov", "3g2"),
    "video/webm": ("matroska", "webm"),
}

# Tags ffmpeg reports that describe the file's technical layout, not who or where.
TECHNICAL_TAGS = {
    "major_brand",
    "minor_version",
    "compatible_brands",
    "handler_name",
    "vendor_id",
    "language",
    "encoder",
    "duration",
}
# Values of technical tags, or very short values, that may legitimately appear in any file.
_MIN_TAG_TEXT = 6
TIMEOUT_SECONDS = 30  # below the sandbox's own timeout


class NotStripped(Exception):
    """ffmpeg could not rewrite the file, or the rewritten file still carries tags."""


def ffmpeg_path():
    """The ffmpeg bundled with imageio-ffmpeg (or IMAGEIO_FFMPEG_EXE, which it honours)."""
    import imageio_ffmpeg

    return imageio_ffmpeg.get_ffmpeg_exe()


def strip_media(data, mime, ffmpeg=None):
    """The file rewritten without metadata; raises NotStripped (also when ffmpeg is missing or hangs)."""
    try:
        return _strip(data, mime, ffmpeg)
    except (OSError, subprocess.SubprocessError) as error:
        raise NotStripped(type(error).__name__) from error


def _strip(data, mime, ffmpeg):
    demuxer, muxer = FORMATS[mime]
    ffmpeg = ffmpeg or ffmpeg_path()
    source = _memory_file("evidence-in", data)
    target = _memory_file("evidence-out", b"")
    try:
        run = _run(
            ffmpeg,
            [
                *_input(demuxer, source),
                *("-map", "0:V?", "-map", "0:a?"),  # V: video that is not an attached picture
                *("-map_metadata", "-1", "-map_chapters", "-1", "-c", "copy"),
                *("-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact"),
                *("-f", muxer, "-y", _fd_path(target)),
            ],
            (source, target),
        )
        if run.returncode != 0:
            raise NotStripped("ffmpeg could not rewrite the file")
        stripped = _read_all(target)
    finally:
        os.close(source)
        os.close(target)
    if not stripped:
        raise NotStripped("ffmpeg wrote nothing")
    _verify(ffmpeg, data, stripped, demuxer)
    return stripped


def probe_tags(data, demuxer, ffmpeg=None):
    """Every (key, value) tag ffmpeg reports for the file, global and per stream."""
    ffmpeg = ffmpeg or ffmpeg_path()
    source = _memory_file("evidence-probe", data)
    try:
        run = _run(ffmpeg, [*_input(demuxer, source)], (source,))
    finally:
        os.close(source)
    return _parse_tags(run.stderr.decode("utf-8", "replace"))


def _verify(ffmpeg, original, stripped, demuxer):
    left = [(key, value) for key, value in probe_tags(stripped, demuxer, ffmpeg) if key not in TECHNICAL_TAGS]
    if left:
        raise NotStripped("tags survived")
    for key, value in probe_tags(original, demuxer, ffmpeg):
        if key in TECHNICAL_TAGS or len(value) < _MIN_TAG_TEXT:
            continue
        if value.encode() in stripped:
            raise NotStripped("tag text survived")


# "    Metadata:" opens a block of "      key             : value" lines, indented deeper.
_METADATA_HEADER = re.compile(r"^(\s*)Metadata:\s*$")
_TAG_LINE = re.compile(r"^(\s*)([^:]+?)\s*:\s?(.*)$")


def _parse_tags(text):
    tags, indent = [], None
    for line in text.splitlines():
        header = _METADATA_HEADER.match(line)
        if header:
            indent = len(header.group(1))
            continue
        if indent is None:
            continue
        tag = _TAG_LINE.match(line)
        if tag and len(tag.group(1)) > indent:
            key, value = tag.group(2).strip(), tag.group(3).strip()
            if key == "" and tags:  # a continuation line of a multi-line value
                tags[-1] = (tags[-1][0], tags[-1][1] + "\n" + value)
            else:
                tags.append((key.lower(), value))
        else:
            indent = None
    return tags


def _input(demuxer, fd):
    return ["-protocol_whitelist", "file", "-f", demuxer, "-i", _fd_path(fd)]


def _run(ffmpeg, arguments, fds):
    command = [ffmpeg, "-hide_banner", "-nostdin", "-loglevel", "info", "-threads", "1", *arguments]
    return subprocess.run(  # noqa: S603 - fixed binary, arguments built here, no shell
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        pass_fds=fds,
        timeout=TIMEOUT_SECONDS,
        env={"PATH": "/usr/bin:/bin"},  # no proxy variables or anything else from the site
        check=False,
    )


def _memory_file(name, data):
    fd = os.memfd_create(name, os.MFD_CLOEXEC)
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
    return fd


def _fd_path(fd):
    # ffmpeg opens its own copy of the descriptor (passed with pass_fds), so it can seek.
    return f"file:/proc/self/fd/{fd}"


def _read_all(fd):
    os.lseek(fd, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)
