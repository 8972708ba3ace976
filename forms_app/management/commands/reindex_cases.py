"""Rebuild every case's blind index (and move old cases' question wording out of their answers).

Needed once after the truncated blind index arrived (migration 0014): cases filed before it have
no buckets and cannot be found by words until this runs. Safe to run again at any time (after
changing CASE_HASH_KEY, for instance): cases are decrypted, re-indexed and saved 500 to a
transaction.
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

    def add_arguments(self, parser):
        parser.add_argument("--chunk-size", type=int, default=500)

    def handle(self, *args, chunk_size, **options):
        roles = {
            (form_key, key): role
            for form_key, key, role in IntakeFormField.objects.values_list(
                "page__translation_key", "clean_name", "role"
            )
        }
        done = moved = 0
        # Erased cases (withdrawn, or at the end of retention) are tombstones: nothing to index.
        pks = list(Case.objects.filter(withdrawn_at__isnull=True).order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(pks), chunk_size):
            with transaction.atomic():
                chunk = list(
                    Case.objects.filter(
                        pk__in=pks[start : start + chunk_size], withdrawn_at__isnull=True
                    ).select_for_update()
                )
                identifier_rows, rewritten = [], []
                for case in chunk:
                    if "questions" in case.answer_payload:  # filed before FormWording: store the wording once
                        case.set_answers(case.answers, case.questions_as_seen)
                        rewritten.append(case)
                    questions = questions_of(case, roles)
                    index = indexing.build_index(
                        searchable_texts(questions, case.answers), identifiers(questions, case.answers)
                    )
                    indexing.apply_index(case, index)
                    identifier_rows += indexing.identifier_rows(case, index)
                Case.objects.bulk_update(chunk, ["search_buckets", "sealed_index"])
                Case.objects.bulk_update(rewritten, ["sealed_answers", "wording"])
                CaseIdentifier.objects.filter(case__in=chunk).delete()
                CaseIdentifier.objects.bulk_create(identifier_rows)
            done += len(chunk)
            moved += len(rewritten)
            if options.get("verbosity", 1) > 0:
                self.stdout.write(f"{done}/{len(pks)} cases re-indexed", ending="\r")
                self.stdout.flush()
        self.stdout.write(
            f"Re-indexed {done} cases ({moved} had their question wording moved to FormWording); "
            f"{CaseIdentifier.objects.count()} identifier hashes."
        )
