"""Evidence files in and out of the configured evidence storage, for backups and restore drills.

    python scripts/evidence_files.py export DIR   copy every stored evidence file (sealed) into DIR
    python scripts/evidence_files.py import DIR   copy DIR's files into the evidence storage
    python scripts/evidence_files.py verify       open every case's answers and every evidence file
                                                  with the configured keys; exit 1 on any failure

Works the same with a local folder and an S3 bucket (EVIDENCE_STORAGE). Files stay sealed: they are
copied as stored, never decrypted on the way. `verify` prints counts only, never content.
Run with the site's environment (DATABASE_URL, CASE_MASTER_KEYS, ... and DJANGO_SETTINGS_MODULE).
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")


def stored_names():
    from forms_app.models import Evidence

    for working, original in Evidence.objects.values_list("working_file", "original_file").iterator():
        yield working
        if original:
            yield original


def export(folder: Path):
    from forms_app.cases import evidence_store

    count = 0
    for name in stored_names():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        target.write_bytes(evidence_store.read_sealed(name))
        target.chmod(0o600)
        count += 1
    print(f"Exported {count} evidence files.")


def import_(folder: Path):
    from forms_app.cases import evidence_store

    count = 0
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        evidence_store.save_sealed(path.relative_to(folder).as_posix(), path.read_bytes())
        count += 1
    print(f"Imported {count} evidence files.")


def verify():
    from forms_app.cases import evidence_store
    from forms_app.models import Case

    cases = files = failures = 0
    for case in Case.objects.prefetch_related("evidence").iterator(chunk_size=200):
        cases += 1
        try:
            case.answers  # noqa: B018 - opening the sealed answers is the check
            for evidence in case.evidence.all():
                evidence.display_name  # noqa: B018
                parts = [("working", evidence.working_file)]
                if evidence.original_file:
                    parts.append(("original", evidence.original_file))
                for part, name in parts:
                    case.open(evidence.purpose(part), evidence_store.read_sealed(name))
                    files += 1
        except Exception as error:
            failures += 1
            print(f"Case {case.reference}: {type(error).__name__}", file=sys.stderr)
    print(f"Verified {cases} cases and {files} evidence files; {failures} failures.")
    return failures == 0


def main(argv):
    import django

    django.setup()
    if len(argv) == 3 and argv[1] == "export":
        export(Path(argv[2]))
    elif len(argv) == 3 and argv[1] == "import":
        import_(Path(argv[2]))
    elif len(argv) == 2 and argv[1] == "verify":
        return 0 if verify() else 1
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
