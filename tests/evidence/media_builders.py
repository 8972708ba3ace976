"""Small real recordings with identifying tags, made by the same ffmpeg the site uses."""

import subprocess
from pathlib import Path

from forms_app.evidence.media import ffmpeg_path

GPS_TEXT = "GPS 31.2304N 121.4737E"
PLACE_TEXT = "Shanghai Xuhui home"
LOCATION = "+31.2304+121.4737/"


def _make(tmp_path: Path, name, *arguments):
    target = tmp_path / name
    command = [ffmpeg_path(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y", *arguments, str(target)]
    subprocess.run(command, check=True)
    return target.read_bytes()


def tagged_mp3(tmp_path):
    """One second of tone with ID3 title and comment tags holding a place and coordinates."""
    return _make(
        tmp_path,
        "tagged.mp3",
        *("-f", "lavfi", "-i", "sine=frequency=440:duration=1"),
        *("-metadata", f"title={GPS_TEXT}", "-metadata", f"comment={PLACE_TEXT}"),
        *("-c:a", "libmp3lame", "-b:a", "32k"),
    )


def tagged_mp4(tmp_path):
    """A tiny H.264 + AAC video with MP4 title, comment and location (©xyz) tags."""
    return _make(
        tmp_path,
        "tagged.mp4",
        *("-f", "lavfi", "-i", "testsrc=size=64x48:rate=5:duration=1"),
        *("-f", "lavfi", "-i", "sine=duration=1"),
        *("-metadata", f"title={GPS_TEXT}", "-metadata", f"comment={PLACE_TEXT}"),
        *("-metadata", f"location={LOCATION}"),
        *("-c:v", "libx264", "-c:a", "aac", "-shortest"),
    )
