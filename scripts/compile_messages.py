"""Compile locale/*/LC_MESSAGES/*.po and locale/wagtail/*/LC_MESSAGES/*.po into .mo files.

The demo's catalogs (forms_app/demo/locale) are skipped: seed_demo reads those .po files directly.

Uses GNU msgfmt (through Django's compilemessages) when installed, for its strict checks; falls
back to polib (installed with wagtail-localize) so a fresh machine without gettext still runs.
"""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    if shutil.which("msgfmt"):
        command = [
            sys.executable,
            "manage.py",
            "compilemessages",
            "--ignore",
            ".venv",
            "--ignore",
            "forms_app/demo/locale",
            "--verbosity",
            "0",
        ]
        sys.exit(subprocess.call(command, cwd=ROOT))  # noqa: S603 - fixed argv, no shell
    import polib

    for po_path in (ROOT / "locale").glob("**/LC_MESSAGES/*.po"):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))


if __name__ == "__main__":
    main()
