"""Backups: scripts/backup.sh and scripts/restore.sh, drilled on PostgreSQL with real evidence."""

import base64
import re
import subprocess
import sys

import pytest

from .services import ROOT, create_database, drop_database, python

pytestmark = pytest.mark.servers

FILE_A_CASE_WITH_EVIDENCE = """
from django.test import Client
from forms_app.models import Case, IntakeFormPage
from tests.intake.builders import complete_answers

page = IntakeFormPage.objects.live().get(case_type="privacy_censorship", locale__language_code="zh-hant")
response = Client(HTTP_HOST="localhost").post(page.url, complete_answers(page))
assert response.status_code == 302, response.status_code
print(Case.objects.count())
"""


def run(script, env, *args):
    result = subprocess.run(  # our own scripts
        [str(ROOT / "scripts" / script), *map(str, args)],
        cwd=ROOT,
        env={**env, "PYTHON": sys.executable},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


def files_in(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_backup_restores_into_an_empty_database_and_storage_and_everything_opens(production_site, tmp_path):
    """A backup of a site holding a case with evidence (database dump + sealed files, without the
    keys) restores into an empty database and an empty evidence folder; with the separately kept
    keys every case's answers and every evidence file open, and with other keys none do."""
    env = production_site["env"]
    cases = int(python(env, FILE_A_CASE_WITH_EVIDENCE).strip())
    source_files = files_in(production_site["folder"] / "private")
    assert source_files

    backup = run("backup.sh", env, tmp_path / "backups").strip().splitlines()[-1]
    backed_up = files_in(tmp_path / "backups")
    assert "database.dump" in {name.rsplit("/", 1)[-1] for name in backed_up}
    keys = [env["CASE_MASTER_KEYS"], env["CASE_HASH_KEY"], env["SECRET_KEY"]]
    for content in backed_up.values():
        for key in keys:
            assert key.encode() not in content
        assert base64.urlsafe_b64decode(env["CASE_MASTER_KEYS"]) not in content

    target = create_database("prod_restore")
    try:
        restored_env = {**env, "DATABASE_URL": target, "PRIVATE_STORAGE_ROOT": str(tmp_path / "restored")}
        output = run("restore.sh", restored_env, backup)
        verified = re.search(r"Verified (\d+) cases and (\d+) evidence files; 0 failures", output)
        assert verified, output
        assert int(verified.group(1)) == cases
        assert int(verified.group(2)) == len(source_files)
        assert files_in(tmp_path / "restored") == source_files

        other_keys = {**restored_env, "CASE_MASTER_KEYS": base64.urlsafe_b64encode(b"k" * 32).decode()}
        result = subprocess.run(  # our own script
            [sys.executable, "scripts/evidence_files.py", "verify"],
            cwd=ROOT,
            env=other_keys,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 1
        assert f"{cases} failures" in result.stdout
    finally:
        drop_database(target)
