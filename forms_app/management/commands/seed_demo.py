"""`manage.py seed_demo`: the demo site and forms in three languages (development and tests)."""

from django.core.management.base import BaseCommand

from forms_app.demo.mail_texts import seed_mail_texts
from forms_app.demo.site_seed import seed_site
from forms_app.demo.status_texts import seed_status_texts


class Command(BaseCommand):
    help = "Build (or bring up to date) the demo site in English, Simplified and Traditional Chinese."

    def handle(self, *args, **options):
        seed_site(stdout=self.stdout)
        seed_status_texts()
        seed_mail_texts()
