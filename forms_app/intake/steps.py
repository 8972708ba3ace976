"""How a form's questions become steps, which questions apply, and which are held back untranslated.

- **Steps**: editors add a question of type "step" (forms_app.intake.field_types.Step) where a new
  step begins; its label is the step's title and its help text the step's introduction. Questions
  before the first step form an untitled first step. The claimant sees one step at a time, then a
  page listing their answers.
- **Conditions**: a question may be shown only if the answer to an earlier choice question (its
  ``condition_key``) is one of some choice keys (``condition_values``). Keys are synchronised in
  every language, so a condition means the same on the Chinese form. A hidden question is left out
  of the form: it is not required and its answer is not stored. A question whose condition refers
  to a hidden question is hidden too.
- **No English question on a Chinese form**: a question of a translated form whose label, help
  text or a choice label is still the source form's text (wagtail-localize copies the source text
  into a translation for every string nobody has translated yet) is *held back*: that language's
  claimants do not see it until it is translated. A step whose title or introduction is
  untranslated is shown without them. Why held back rather than refusing to publish: a translated
  page is published through several doors (the translation editor, "Sync translated pages" with
  publishing ticked, a converted page's own editor, scheduled revisions), and wagtail-localize's
  sync publishes with ``fallback=True`` without going through Wagtail's ``before_publish_page``
  hook; a check at serve time covers every door. Editors see what is held back in Reports ›
  Untranslated questions (forms_app.intake.translation_report).
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext

from .field_types import CHOICE_FIELD_TYPES, field_type

CONDITION_SPLIT = re.compile(r"[\s,;]+")


def condition_values(text):
    """The choice keys of a condition, as editors type them ("detention, arrest")."""
    return [value for value in CONDITION_SPLIT.split(text or "") if value]


def choice_keys(question):
    return [key for key, _label in question.choices_as_pairs()]


def condition_problems(questions):
    """[(index, message)] for each badly made condition, questions given in the form's order.

    The referenced question must come earlier, be a choice question (drop down, radio buttons,
    checkboxes), and the values must be among its choice keys.
    """
    problems, earlier = [], {}
    for index, question in enumerate(questions):
        key = (question.condition_key or "").strip()
        values = condition_values(question.condition_values)
        if key or values:
            source = earlier.get(key)
            if not key or not values:
                problems.append((index, gettext("A condition needs both a question key and at least one choice key.")))
            elif source is None:
                problems.append(
                    (
                        index,
                        gettext("The condition refers to %(key)s, which is not an earlier question of this form.")
                        % {"key": key},
                    )
                )
            elif source.field_type not in CHOICE_FIELD_TYPES:
                problems.append(
                    (
                        index,
                        gettext(
                            "The condition refers to %(key)s, which is not a drop down, radio buttons or checkboxes."
                        )
                        % {"key": key},
                    )
                )
            else:
                unknown = [value for value in values if value not in choice_keys(source)]
                if unknown:
                    problems.append(
                        (
                            index,
                            gettext("%(values)s: not a choice key of %(key)s (its keys: %(keys)s).")
                            % {"values": ", ".join(unknown), "key": key, "keys": ", ".join(choice_keys(source))},
                        )
                    )
        if question.clean_name:
            earlier[question.clean_name] = question
    return problems


def answer_values(data, name):
    """The submitted values of a question (a list of strings), from a QueryDict or a plain dict of lists."""
    if hasattr(data, "getlist"):
        return data.getlist(name)
    value = data.get(name, [])
    return value if isinstance(value, list) else [value]


def visible_names(questions, data, held_back=frozenset()):
    """Names of the questions that apply given the answers in ``data``, in order."""
    shown = []
    for question in questions:
        if not field_type(question.field_type).has_answer or question.clean_name in held_back:
            continue
        key = (question.condition_key or "").strip()
        if key:
            wanted = set(condition_values(question.condition_values))
            if key not in shown or not wanted.intersection(answer_values(data, key)):
                continue
        shown.append(question.clean_name)
    return shown


@dataclass
class Step:
    number: int  # from 1
    title: str = ""
    intro: str = ""
    questions: list = field(default_factory=list)

    @property
    def names(self):
        return [question.clean_name for question in self.questions]


def plan_steps(all_questions, untranslated=frozenset()):
    """[Step] from the form's questions in order; a step without questions is dropped.

    ``untranslated``: (clean_name, part) pairs held back from this language (see ``untranslated_parts``).
    """
    steps, current = [], Step(number=1)
    for question in all_questions:
        if field_type(question.field_type).has_answer:
            current.questions.append(question)
            continue
        if current.questions:
            steps.append(current)
        current = Step(
            number=len(steps) + 1,
            title="" if (question.clean_name, "label") in untranslated else question.label,
            intro="" if (question.clean_name, "help_text") in untranslated else question.help_text,
        )
    if current.questions or not steps:
        steps.append(current)
    for number, step in enumerate(steps, start=1):
        step.number = number
    return steps


# --- Untranslated text --------------------------------------------------------------------------
def _texts(question):
    """{part: text} of what a claimant reads in a question."""
    texts = {"label": question.label, "help_text": question.help_text}
    if question.field_type in CHOICE_FIELD_TYPES:
        for key, label in question.choices_as_pairs():
            texts[f"choice:{key}"] = label
    return texts


def untranslated_parts(questions, source_questions):
    """{(clean_name, part)} of texts in a translated form that are still the source form's text.

    ``part`` is "label", "help_text" or "choice:<key>". An empty text, or one without a letter
    (a number), is never "untranslated".
    """
    source_by_name = {question.clean_name: question for question in source_questions}
    found = set()
    for question in questions:
        source = source_by_name.get(question.clean_name)
        if source is None:
            continue
        source_texts = _texts(source)
        for part, text in _texts(question).items():
            original = source_texts.get(part)
            if original and text and text.strip() == original.strip() and re.search(r"[^\W\d_]", text):
                found.add((question.clean_name, part))
    return found


def held_back_names(questions, untranslated):
    """Questions (not steps) with any untranslated text: hidden from this language."""
    names = {name for name, _part in untranslated}
    return {
        question.clean_name
        for question in questions
        if question.clean_name in names and field_type(question.field_type).has_answer
    }
