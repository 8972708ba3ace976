from django.core.management.base import BaseCommand
from django.db import transaction

from forms_app.cases import crypto
from forms_app.models import Case


class Command(BaseCommand):
    help = (
        "Re-wrap every case's data key with the current master key (the first in CASE_MASTER_KEYS). "
        "Answers and evidence are not touched. Afterwards the old master key can be removed."
    )

    def handle(self, *args, **options):
        current = crypto.current_master_key_id()
        rewrapped = 0
        pending = Case.objects.exclude(key_id=current).only("pk", "reference", "key_id", "wrapped_key")
        for case in pending.iterator(chunk_size=500):
            with transaction.atomic():
                case.rewrap_key()
                case.save(update_fields=["key_id", "wrapped_key"])
            rewrapped += 1
        self.stdout.write(f"Re-wrapped {rewrapped} case keys with master key {current}.")
