"""Rebuild every case's blind index (and move old cases' question wording out of their answers).

Needed once after the truncated blind index arrived (migration 0008): cases filed before it have
no buckets and cannot be found by words until this runs. Safe to run again at any time (after
changing CASE_HASH_KEY, for instance): each case is decrypted, re-indexed and saved in its own
transaction. About 1,000 cases a second here.
"""

from types import SimpleNamespace

from django.core.management.base import BaseCommand
from django.db import transaction

from forms_app.cases import indexing
from forms_app.intake.field_types import identifiers, searchable_texts
from forms_app.models import Case, CaseIdentifier, IntakeFormField


def questions_of(case, roles):
    """Question stand-ins for the registry: key and type from the wording the claimant saw, the
    role from the form's questions today (roles are synchronised across languages, never translated)."""
    return [
        SimpleNamespace(
            clean_name=key, field_type=seen.get("field_type"), role=roles.get((case.form_translation_key, key), "")
        )
        for key, seen in case.questions_as_seen.items()
    ]


class Command(BaseCommand):
    help = "Rebuild the blind search and duplicate indexes of every case from its sealed answers."

    def handle(self, *args, **options):
        roles = {
            (form_key, key): role
            for form_key, key, role in IntakeFormField.objects.values_list(
                "page__translation_key", "clean_name", "role"
            )
        }
        done = moved = 0
        for case in Case.objects.order_by("pk").iterator(chunk_size=500):
            questions = questions_of(case, roles)
            with transaction.atomic():
                if "questions" in case.answer_payload:  # filed before FormWording: store the wording once
                    case.set_answers(case.answers, case.questions_as_seen)
                    case.save(update_fields=["sealed_answers", "wording"])
                    moved += 1
                indexing.index_case(
                    case, searchable_texts(questions, case.answers), identifiers(questions, case.answers)
                )
            done += 1
            if done % 1000 == 0:
                self.stdout.write(f"{done} cases re-indexed", ending="\r")
        self.stdout.write(
            f"Re-indexed {done} cases ({moved} had their question wording moved to FormWording); "
            f"{CaseIdentifier.objects.count()} identifier hashes."
        )
