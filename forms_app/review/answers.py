"""A case's answers as a reviewer reads them: under the question labels of the reviewer's admin
language, values rendered by question type, with the wording the claimant saw kept alongside.

Labels come from the same form's questions (matched by answer key) in the locale of the active
language; failing that, from the English source form; failing that, the stored wording.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext, ngettext

from ..intake.field_types import (
    CHOICE_FIELD_TYPES,
    SAFE_CONTACT_CHANNELS,
    UNSAFE_CONTACT_CHANNELS,
)
from ..intake.models import IntakeFormField


@dataclass
class Answer:
    key: str
    field_type: str
    label: str
    seen_label: str
    seen_help_text: str = ""
    # What to show: text (str), a list of strings, or None when not answered.
    text: str | None = None
    items: list = field(default_factory=list)
    never: list = field(default_factory=list)  # contact channels that must not be used
    seen_value: str = ""  # a choice answer as the claimant read it, when it differs
    multiline: bool = False

    @property
    def answered(self):
        return bool(self.text or self.items or self.never)


@dataclass
class ContactPreference:
    safe: list
    never: list
    do_not_contact: bool


def active_language():
    return translation.get_language() or settings.LANGUAGE_CODE


def _language_variant(code):
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return settings.LANGUAGE_CODE


def current_fields(case, language=None):
    """{answer key: IntakeFormField} of the case's form in ``language``, English filling gaps."""
    language = _language_variant(language or active_language())
    wanted = [language, settings.LANGUAGE_CODE]
    fields = IntakeFormField.objects.filter(
        page__translation_key=case.form_translation_key, page__locale__language_code__in=wanted
    ).select_related("page__locale")
    by_language = {}
    for form_field in fields:
        by_language.setdefault(form_field.page.locale.language_code, {})[form_field.clean_name] = form_field
    merged = dict(by_language.get(settings.LANGUAGE_CODE, {}))
    merged.update(by_language.get(language, {}))
    return merged


def _date(value):
    try:
        return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    except (TypeError, ValueError):
        return str(value)


def format_money(value):
    """{"amount": "1234.5", "currency": "CNY"} -> "1,234.50 CNY"."""
    try:
        amount = f"{Decimal(str(value.get('amount'))):,.2f}"
    except (InvalidOperation, ValueError, AttributeError):
        return str(value)
    currency = value.get("currency") or ""
    if currency == "other":
        return gettext("%(amount)s (other currency)") % {"amount": amount}
    return f"{amount} {currency}".strip()


def format_date_range(value):
    start, end = value.get("from"), value.get("to")
    if start and end:
        return gettext("%(start)s to %(end)s") % {"start": _date(start), "end": _date(end)}
    if start:
        return gettext("Since %(start)s (still going on)") % {"start": _date(start)}
    return ""


def channel_labels(keys, channels):
    labels = dict(channels)
    return [str(labels.get(key, key)) for key in keys or []]


def contact_preference(value):
    value = value or {}
    safe = value.get("safe") or []
    return ContactPreference(
        safe=channel_labels([key for key in safe if key != "none"], SAFE_CONTACT_CHANNELS),
        never=channel_labels(value.get("never"), UNSAFE_CONTACT_CHANNELS),
        do_not_contact="none" in safe,
    )


def _choice_label(key, current_choices, seen_choices):
    return str(current_choices.get(key) or seen_choices.get(key) or key)


def build_answer(key, value, seen, current_field):
    field_type = seen.get("field_type") or (current_field.field_type if current_field else "singleline")
    answer = Answer(
        key=key,
        field_type=field_type,
        label=current_field.label if current_field else seen.get("label", key),
        seen_label=seen.get("label", ""),
        seen_help_text=seen.get("help_text", "") or "",
    )
    if value in (None, "", [], {}):
        return answer
    if field_type in CHOICE_FIELD_TYPES:
        current_choices = dict(current_field.choices_as_pairs()) if current_field else {}
        seen_choices = seen.get("choices") or {}
        keys = value if isinstance(value, list) else [value]
        labels = [_choice_label(choice, current_choices, seen_choices) for choice in keys]
        seen_labels = [str(seen_choices.get(choice, choice)) for choice in keys]
        if field_type == "checkboxes":
            answer.items = labels
        else:
            answer.text = labels[0]
        if seen_labels != labels:
            answer.seen_value = ", ".join(seen_labels)
    elif field_type == "multiline":
        answer.text, answer.multiline = str(value), True
    elif field_type == "date":
        answer.text = _date(value)
    elif field_type == "date_range":
        answer.text = format_date_range(value)
    elif field_type == "money":
        answer.text = format_money(value)
    elif field_type in ("consent", "checkbox"):
        answer.text = gettext("Yes") if value else gettext("No")
    elif field_type == "evidence":
        count = int(value or 0)
        answer.text = ngettext("%(count)d file (see Evidence)", "%(count)d files (see Evidence)", count) % {
            "count": count
        }
    elif field_type == "contact_preference":
        preference = contact_preference(value)
        answer.items = preference.safe or ([gettext("Do not contact me")] if preference.do_not_contact else [])
        answer.never = preference.never
    elif field_type == "attestation":
        confirmed = gettext("Confirmed") if value.get("confirmed") else gettext("Not confirmed")
        answer.text = gettext("%(confirmed)s, signed with the typed name: %(name)s") % {
            "confirmed": confirmed,
            "name": value.get("full_name") or "-",
        }
    else:
        answer.text = str(value)
    return answer


def answers_for_review(case, language=None):
    """[Answer] in the order of the current form, then answers to questions since removed."""
    fields = current_fields(case, language)
    stored, seen = case.answers, case.questions_as_seen
    order = sorted(fields.values(), key=lambda item: (item.sort_order or 0, item.pk))
    keys = [item.clean_name for item in order if item.clean_name in stored]
    keys += [key for key in stored if key not in fields]
    return [build_answer(key, stored.get(key), seen.get(key, {}), fields.get(key)) for key in keys]


def contact_preferences_of(case):
    """The claimant's contact preference answer(s) merged, for the warning at the top of the page."""
    safe, never, do_not_contact = [], [], False
    for key, seen in case.questions_as_seen.items():
        if seen.get("field_type") == "contact_preference":
            preference = contact_preference(case.answers.get(key))
            safe += [label for label in preference.safe if label not in safe]
            never += [label for label in preference.never if label not in never]
            do_not_contact = do_not_contact or preference.do_not_contact
    return ContactPreference(safe=safe, never=never, do_not_contact=do_not_contact)
