"""Recompute every case's limitation date, e.g. after questions were marked as incident dates."""

from django.core.management.base import BaseCommand

from forms_app.cases.models import CaseType
from forms_app.intake.counsel_data import recompute_limitation_dates


class Command(BaseCommand):
    help = "Recompute the limitation date of every case (or of one case type) from its rule."

    def add_arguments(self, parser):
        parser.add_argument("--case-type", choices=CaseType.values)

    def handle(self, case_type=None, **options):
        changed = recompute_limitation_dates(case_type)
        self.stdout.write(f"{changed} case(s) changed.")
