from django.core.management.base import BaseCommand

from forms_app.cases.models import Draft


class Command(BaseCommand):
    help = (
        "Erase unfinished forms (drafts) not saved for DRAFT_RETENTION_DAYS: their rows and their sealed "
        "evidence files. Run it on a schedule (deploy/systemd/cases-job@purge_drafts.timer)."
    )

    def handle(self, *args, **options):
        erased = Draft.objects.expired().erase()
        if options.get("verbosity", 1) > 0:
            self.stdout.write(f"Erased {erased} expired drafts.")
