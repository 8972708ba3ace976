from django.core.management.base import BaseCommand

from forms_app.cases import retention


class Command(BaseCommand):
    help = (
        "Erase every case whose retention period (RETENTION_DAYS) has ended down to its tombstone; "
        "cases under legal hold are skipped. Run daily. --dry-run lists what would go and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="list the cases that would be erased; change nothing"
        )

    def handle(self, *args, dry_run=False, **options):
        rules = retention.configured_days()
        if not rules:
            self.stdout.write("RETENTION_DAYS is empty: no case is ever erased by retention.")
            return
        self.stdout.write("Rules: " + ", ".join(f"{rule} after {days} days" for rule, days in rules.items()))
        outcome = retention.apply_retention(dry_run=dry_run)
        verb = "Would erase" if dry_run else "Erased"
        # References and statuses only: never answers, names or contacts.
        for item in outcome.erased:
            self.stdout.write(f"{verb} {item.case.reference} ({item.status}, rule {item.rule}: {item.days} days)")
        for item in outcome.skipped:
            self.stdout.write(f"Skipped {item.case.reference} ({item.status}): under legal hold")
        for item in outcome.changed:
            self.stdout.write(f"Left {item.case.reference}: changed while the job ran, no longer due")
        self.stdout.write(
            f"{verb} {len(outcome.erased)} case(s); skipped {len(outcome.skipped)} under legal hold"
            + ("." if not outcome.changed else f"; {len(outcome.changed)} no longer due.")
        )
        for language, missing in retention.privacy_notice_gaps():
            self.stderr.write(
                f"Warning: the privacy notice ({language}) does not state the period(s) "
                f"{', '.join(str(days) for days in missing)} days of RETENTION_DAYS (forms_app.W001)."
            )
