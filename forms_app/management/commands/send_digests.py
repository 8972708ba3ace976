"""`manage.py send_digests`: the daily digest of case events to each staff member who chose it
(Account › Notifications › Case e-mails). Run once a day (deploy/systemd/cases-job@send_digests.timer).
A digest that cannot be sent keeps its events for the next run."""

import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from forms_app.cases.models import DigestEntry
from forms_app.cases.tasks import send_digest

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Send each staff member who chose a daily digest the case events since the last one."

    def handle(self, *args, **options):
        sent = failed = 0
        users = get_user_model().objects.filter(pk__in=DigestEntry.objects.values("user"))
        for user in users:
            try:
                send_digest(user)
                sent += 1
            except Exception as error:
                failed += 1
                logger.error("Digest for user %s not sent: %s", user.pk, type(error).__name__)
        self.stdout.write(f"Digests sent: {sent}, not sent (kept for the next run): {failed}")
