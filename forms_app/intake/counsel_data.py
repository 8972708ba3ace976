"""What filing derives for counsel from a case's answers, as plain columns and rows:

- the limitation date (``Case.limitation_date``): the earliest date by which counsel would need to act,
  from the answers to questions whose role is "incident date" and the case type's LimitationRule;
  computed at filing and again whenever a rule changes (a task, or ``manage.py
  recompute_limitation_dates``), so the queue sorts and filters on it without decrypting anything;
- the positions left by a trade schedule (first in, first out), for the loss statistics, only when
  the claimant agreed to be counted in statistics.
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.tasks import task

from cms.content_generation import bump_generation, current_generation, forget_listeners

from ..cases.models import Case, LimitationRule, TradePosition
from . import field_types
from .field_types import Role
from .trade_schedule import fifo_positions

BATCH_SIZE = 500


def limitation_date_for(case_type, questions, answers, rule=None, generation=None):
    """``rule``: the case type's LimitationRule, else the one this worker read for ``generation``."""
    rule = rule if rule is not None else limitation_rules(generation).get(case_type)
    if rule is None:
        return None
    return rule.date_for(field_types.incident_dates(questions, answers))


# The rules as this worker last read them, for one content generation: filing a case needs its
# type's rule, and case managers change one rarely; a change bumps the generation (see
# limitation_rule_changed), so every worker reads them again on its next filing.
_rules = {}
forget_listeners.append(_rules.clear)


def limitation_rules(generation=None):
    """{case type: LimitationRule}, read once per content generation (``generation``: the
    request's, when the caller knows it; else it is looked up)."""
    generation = current_generation() if generation is None else generation
    if _rules.get("generation") != generation:
        _rules.clear()
        _rules.update(generation=generation, rules={rule.case_type: rule for rule in LimitationRule.objects.all()})
    return _rules["rules"]


def position_rows(case, questions, answers):
    """The FIFO positions of a case's trade schedules, only with the claimant's consent to
    statistics: unsaved, written at filing inside the filing transaction."""
    if not field_types.consented(questions, answers, Role.CONSENT_STATISTICS):
        return []
    rows = []
    for question in questions:
        value = answers.get(question.clean_name)
        if question.field_type == field_types.TradeSchedule.key and value:
            rows += [
                TradePosition(
                    case=case,
                    instrument=position.instrument,
                    currency=position.currency,
                    realised_loss=position.realised_loss,
                    held_quantity=position.held_quantity,
                    held_cost=position.held_cost,
                )
                for position in fifo_positions(value)
            ]
    return rows


def incident_questions(form_translation_key):
    """The incident-date questions of a form (roles are synchronised across its translations)."""
    from .models import IntakeFormField

    fields = IntakeFormField.objects.filter(page__translation_key=form_translation_key, role=Role.INCIDENT_DATE)
    return list({field.clean_name: field for field in fields}.values())


def recompute_limitation_dates(case_type=None):
    """Recompute every case's limitation date (of one case type, or all): decrypts each case's
    answers once, in the worker or a management command, never in the queue. Returns the number
    of cases whose date changed."""
    rules = {rule.case_type: rule for rule in LimitationRule.objects.all()}
    cases = Case.objects.filter(withdrawn_at__isnull=True)
    if case_type:
        cases = cases.filter(case_type=case_type)
    questions_of, changed = {}, []
    for case in cases.only(
        "pk",
        "reference",
        "case_type",
        "form_translation_key",
        "key_id",
        "wrapped_key",
        "sealed_answers",
        "limitation_date",
    ).iterator(chunk_size=BATCH_SIZE):
        rule = rules.get(case.case_type)
        new_date = None
        if rule is not None:
            key = case.form_translation_key
            if key not in questions_of:
                questions_of[key] = incident_questions(key)
            if questions_of[key]:
                new_date = rule.date_for(field_types.incident_dates(questions_of[key], case.answers))
        if new_date != case.limitation_date:
            case.limitation_date = new_date
            changed.append(case)
    Case.objects.bulk_update(changed, ["limitation_date"], batch_size=BATCH_SIZE)
    return len(changed)


@task
def recompute_limitation_dates_task(case_type):
    recompute_limitation_dates(case_type)


@receiver(post_save, sender=LimitationRule, dispatch_uid="limitation_rule_saved")
@receiver(post_delete, sender=LimitationRule, dispatch_uid="limitation_rule_deleted")
def limitation_rule_changed(sender, instance, **kwargs):
    """A rule changed: its case type's dates are recomputed by the worker, after the commit, and
    every worker reads the rules again (a new generation: cases filed from then on use the new rule)."""
    case_type = instance.case_type
    _rules.clear()
    transaction.on_commit(bump_generation)
    transaction.on_commit(lambda: recompute_limitation_dates_task.enqueue(case_type))
