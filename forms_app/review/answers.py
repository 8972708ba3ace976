"""A case's answers as a reviewer reads them: under the question labels of the reviewer's admin
language, values rendered by question type, with the wording the claimant saw kept alongside.

Labels come from the same form's questions (matched by answer key) in the locale of the active
language; failing that, from the English source form; failing that, the stored wording.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

from ..intake.field_types import ContactPreference as ContactPreferenceType
from ..intake.field_types import field_type as type_of
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
    table: dict | None = None  # a trade schedule: {"header", "rows", "notes"}

    @property
    def answered(self):
        return bool(self.text or self.items or self.never or self.table)


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


def build_answer(key, value, seen, current_field):
    """One answer, shown by its question type (forms_app.intake.field_types)."""
    kind = seen.get("field_type") or (current_field.field_type if current_field else "singleline")
    answer = Answer(
        key=key,
        field_type=kind,
        label=current_field.label if current_field else seen.get("label", key),
        seen_label=seen.get("label", ""),
        seen_help_text=seen.get("help_text", "") or "",
    )
    if value in (None, "", [], {}):
        return answer
    current_choices = dict(current_field.choices_as_pairs()) if current_field else {}
    seen_choices = seen.get("choices") or {}
    field_type = type_of(kind)
    shown = field_type.show(
        value, lambda choice: str(current_choices.get(choice) or seen_choices.get(choice) or choice)
    )
    answer.text, answer.items, answer.never, answer.multiline = shown.text, shown.items, shown.never, shown.multiline
    answer.table = shown.table
    if field_type.has_choices:
        as_seen = field_type.show(value, lambda choice: str(seen_choices.get(choice, choice)))
        if (as_seen.text, as_seen.items) != (shown.text, shown.items):
            answer.seen_value = as_seen.text or ", ".join(as_seen.items)
    return answer


def answers_for_review(case, language=None):
    """[Answer] in the order of the current form, then answers to questions since removed."""
    fields = current_fields(case, language)
    stored, seen = case.answers, case.questions_as_seen
    order = sorted(fields.values(), key=lambda item: (item.sort_order or 0, item.pk))
    keys = [item.clean_name for item in order if item.clean_name in stored]
    keys += [key for key in stored if key not in fields]
    return [build_answer(key, stored.get(key), seen.get(key, {}), fields.get(key)) for key in keys]


def contact_preferences_of(case, current):
    """The claimant's current contact preferences (``current``, their ClaimantContact as changed on
    My case, read once per page by the caller; else their answers merged), for the warning at the
    top of the page."""
    if current is not None:
        safe, never, do_not_contact = ContactPreferenceType.channels(current.values)
        return ContactPreference(safe=safe, never=never, do_not_contact=do_not_contact)
    safe, never, do_not_contact = [], [], False
    for key, seen in case.questions_as_seen.items():
        if seen.get("field_type") == ContactPreferenceType.key:
            safe_here, never_here, none_here = ContactPreferenceType.channels(case.answers.get(key))
            safe += [label for label in safe_here if label not in safe]
            never += [label for label in never_here if label not in never]
            do_not_contact = do_not_contact or none_here
    return ContactPreference(safe=safe, never=never, do_not_contact=do_not_contact)
