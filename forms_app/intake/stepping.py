"""A claimant fills an intake form one step at a time, without JavaScript, and nothing is lost.

Every step is a POST (Next, Back, Remove a file, Save for later, a trade schedule's "Add a
transaction" or "Remove this transaction") that first stores what was sent
in the claimant's draft (forms_app.intake.drafts), then redirects to the form's URL, whose GET
shows the draft's current step (POST-redirect-GET: a refresh never re-sends). A step with errors
is shown again at once (200, as Wagtail shows an invalid form), its answers and files already
kept. The last step lists the answers; "Send my case" validates the whole form again and files
it through ``file_case``, exactly like a one-page submission, then erases the draft.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.forms.utils import ErrorDict
from django.http import QueryDict
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from ..cases.drafts import format_draft_code
from ..cases.models import Draft
from ..cases.receipts import receipt_redirect, receipt_url
from ..evidence import EvidenceField, ProcessedEvidence, upload_errors
from . import abuse, drafts
from .abuse import HONEYPOT_FIELD
from .field_types import TradeSchedule, field_type
from .human_check import TOKEN_FIELD, add_human_check, submission_guard
from .steps import condition_values
from .submission import SubmissionFailed, file_case
from .trade_schedule import is_part_key, rows_changed, settle_rows

STEP_FIELD = "intake_step"
ACTION_FIELD = "intake_action"
REMOVE_FIELD = "intake_remove"  # a "remove" button's value is the attached file to remove
STEP_TEMPLATE = "forms_app/intake_step.html"
QUESTIONS_TEMPLATE = "forms_app/intake_step_questions.html"
CODE_TEMPLATE = "forms_app/draft_code.html"

NOT_ACCEPTED = _("Your answers could not be accepted. Please try again.")
TOO_MANY_DRAFTS = _(
    "Too many forms have been started from your connection in a short time. Please wait an hour and try again."
)


def post_keys_of(name, data):
    """The POST keys that carry a question's answer: its name, or name_0, name_1... of a multi-part
    question, or the named parts of a trade schedule (name__rows, name__0__date...)."""
    prefix = name + "_"
    return [
        key
        for key in data
        if key == name or (key.startswith(prefix) and key[len(prefix) :].isdigit()) or is_part_key(name, key)
    ]


@dataclass
class Answer:
    label: str
    shown: object
    files: list


class StepFlow:
    """One request to a stepped intake form (``IntakeFormPage.serve`` hands GETs and step POSTs here)."""

    def __init__(self, page, request):
        self.page = page
        self.request = request
        self.layout = page.claimant_layout()
        self.form_key = page.translation_key
        self.row_in_view = None  # after a trade schedule's add or remove: the id of the row to open at

    # --- what the claimant sees ------------------------------------------------------------
    def shown_steps(self, data):
        """The steps with at least one question that applies, each with those questions."""
        visible = set(self.layout.visible(data))
        shown = []
        for step in self.layout.steps:
            on_step = {question.clean_name for question in step.questions} & visible
            # A question whose condition depends on an answer on the same step is on the page too:
            # intake-steps.js shows or hides it as that answer changes; without scripts it is shown,
            # and the server drops it if the answer sent does not call for it.
            questions = [
                question
                for question in step.questions
                if question.clean_name in visible or question.condition_key in on_step
            ]
            if questions:
                shown.append((step, questions))
        return shown

    def step_form(self, opened, questions, data, files=None):
        form = self.page.claimant_form(data, files, names=[question.clean_name for question in questions])
        form.partial = True
        for name, field in form.fields.items():
            if isinstance(field, EvidenceField):
                field.kept = drafts.kept_files(opened, name)
        for question in questions:
            if question.condition_key and question.clean_name in form.fields:
                # For intake-steps.js: shown at once within the step when the answer changes.
                form.fields[question.clean_name].show_if = question.condition_key
                form.fields[question.clean_name].show_values = " ".join(condition_values(question.condition_values))
        return form

    def render(self, opened, number, form=None, status=200, extra=None):
        form_was_fresh = form is None and not extra
        data = opened.as_querydict() if opened else QueryDict()
        shown = self.shown_steps(data)
        total = len(shown) + 1
        number = max(1, min(number, total))
        context = self.page.get_context(self.request)
        context.update(
            step_number=number,
            step_total=total,
            step_field=STEP_FIELD,
            action_field=ACTION_FIELD,
            remove_field=REMOVE_FIELD,
        )
        if number == total:
            context.update(review=True, answers=self.review_answers(opened, shown))
            # The last page sends the case: it carries the human check (proof-of-work, or the no-JS
            # wait) like the one-page form, so the stepped path is no way around it.
            review_form = self.page.claimant_form(names=[])
            add_human_check(review_form)
            # Sent back (e.g. "please wait"): the form keeps its token, so the wait is not restarted.
            review_form.initial[TOKEN_FIELD] = self.request.POST.get(TOKEN_FIELD)
            context["form"] = review_form if form is None else form
            if form is not None:
                form.fields[TOKEN_FIELD] = review_form.fields[TOKEN_FIELD]
        else:
            step, questions = shown[number - 1]
            new_visitor = opened is None and form_was_fresh and status == 200
            questions_html = self.kept_new_visitors_questions(number) if new_visitor else None
            if form is None:
                # Questions already rendered for new visitors need no fields copied: the form is
                # then only the (empty) one whose errors the page would show.
                form = self.step_form(opened, questions if questions_html is None else [], data)
                form._errors = ErrorDict()  # shown as saved, not judged until sent
            if new_visitor and questions_html is None:
                questions_html = self.new_visitors_questions(number, form)
            context.update(step=step, form=form, questions_html=questions_html)
        context.update(extra or {})
        response = TemplateResponse(self.request, STEP_TEMPLATE, context, status=status)
        add_never_cache_headers(response)  # a draft's answers, and a single-use token on the last page
        if opened is None and number < total and form_was_fresh and status == 200 and self.request.method == "GET":
            # A new visitor's first step: nothing anyone typed and no token but the CSRF one, which
            # the public page cache replaces per response (home/page_cache.py). Browsers still must
            # not keep it (no-store), but the server's shared page cache may.
            response.holds_nothing_typed = True
        return response

    def new_visitors_questions(self, number, form):
        """The questions of a step as every new visitor gets them (empty, no draft, no error),
        rendered once per live revision of the form and language in each worker: kept with the live
        questions (live_questions.py), so a publish or a question saved renders them again. None
        for anything but the live page (a preview renders them itself)."""
        kept, key = self._new_visitors_steps(number)
        if kept is None:
            return None
        if key not in kept:
            kept[key] = render_to_string(QUESTIONS_TEMPLATE, {"form": form, "remove_field": REMOVE_FIELD})
        return kept[key]

    def kept_new_visitors_questions(self, number):
        """The step's questions as rendered for new visitors before, or None."""
        kept, key = self._new_visitors_steps(number)
        return None if kept is None else kept.get(key)

    def _new_visitors_steps(self, number):
        """(what the live page keeps of new visitors' steps, or None; this step's key in it)."""
        return self.page.__dict__.get("_new_visitors_steps"), (number, translation.get_language())

    def review_answers(self, opened, shown):
        answers = []
        if opened is None:
            return answers
        form = self.full_form(opened, contents=False)
        form.is_valid()
        for step, questions in shown:
            rows = []
            for question in questions:
                kind = field_type(question.field_type)
                value = form.cleaned_data.get(question.clean_name) if hasattr(form, "cleaned_data") else None
                files = drafts.kept_files(opened, question.clean_name) if question.field_type == "evidence" else []
                if files or value in (None, "", [], {}) or question.clean_name in form.errors:
                    shown_value = None
                else:
                    labels = dict(question.choices_as_pairs()) if kind.has_choices else {}
                    shown_value = kind.show(kind.stored(value), lambda key, labels=labels: labels.get(key, key))
                rows.append(Answer(label=question.label, shown=shown_value, files=files))
            answers.append((step, rows))
        return answers

    def full_form(self, opened, contents):
        data = opened.as_querydict()
        form = self.page.claimant_form(data, names=self.layout.visible(data))
        for name, field in form.fields.items():
            if isinstance(field, EvidenceField):
                field.kept = drafts.kept_evidence(opened, name) if contents else drafts.kept_files(opened, name)
        return form

    # --- the request --------------------------------------------------------------------------
    def get(self):
        opened = drafts.current_draft(self.request, self.form_key)
        return self.render(opened, opened.step if opened else 1)

    def post(self):
        post = self.request.POST
        if post.get(HONEYPOT_FIELD):
            return self.render(None, 1, status=400, extra={"general_error": NOT_ACCEPTED})
        if rows_changed(post):
            action = "rows"  # a trade schedule's "Add a transaction" or "Remove" without JavaScript
        elif REMOVE_FIELD in post:
            action = f"remove:{post[REMOVE_FIELD]}"
        else:
            action = post.get(ACTION_FIELD, "next")
        opened = drafts.current_draft(self.request, self.form_key)
        if opened is None:
            # A new draft stores files: it counts against the same per-client limit as filing.
            window = settings.INTAKE_RATE_WINDOW_SECONDS
            started = abuse.bucket("draft-start", self.request, window)
            if abuse.count(started) >= settings.INTAKE_RATE_LIMIT:
                return self.render(None, 1, status=429, extra={"general_error": TOO_MANY_DRAFTS})
            opened = drafts.start_draft(self.request, self.form_key)
            abuse.increment(started, window)
        try:
            number = int(post.get(STEP_FIELD, "1"))
        except ValueError:
            number = 1
        shown = self.shown_steps(opened.as_querydict())
        if 1 <= number <= len(shown):
            response = self.take_step(opened, number, shown[number - 1][1], action)
            if response is not None:
                return response
        return self.navigate(opened, number, action)

    def take_step(self, opened, number, questions, action):
        """Keep what this step sent; a response if the step must be shown again, else None."""
        names = [question.clean_name for question in questions]
        merged = opened.as_querydict()
        for name in names:
            for key in post_keys_of(name, merged):
                del merged[key]
            for key in post_keys_of(name, self.request.POST):
                merged.setlist(key, self.request.POST.getlist(key))
        for question in questions:
            if question.field_type == TradeSchedule.key:
                row = settle_rows(merged, question.clean_name)
                if row is not None:
                    self.row_in_view = f"id_{question.clean_name}__{row}__row"
        shown_now = [q for q in questions if q.clean_name in set(self.layout.visible(merged))]
        form = self.step_form(opened, shown_now, merged, self.request.FILES)
        errors = upload_errors(self.request)
        valid = form.is_valid() and not errors
        for error in errors:
            for name, field in form.fields.items():
                if isinstance(field, EvidenceField):
                    form.add_error(name, error)
        for name, field in form.fields.items():
            if isinstance(field, EvidenceField) and name not in form.errors:
                new = [item for item in form.cleaned_data.get(name, []) if isinstance(item, ProcessedEvidence)]
                drafts.keep_files(opened, name, new)
                field.kept = drafts.kept_files(opened, name)  # listed if the step is shown again
        visible = set(self.layout.visible(merged))
        opened.state["data"] = {
            key: merged.getlist(key)
            for key in merged
            if any(key in post_keys_of(name, {key: None}) for name in visible)
        }
        for row in opened.draft.evidence.all():
            if row.field_name not in visible:
                drafts.remove_file(opened, row.pk)
        opened.step = number
        opened.save()
        if action == "next" and not valid:
            return self.render(opened, number, form=form)
        return None

    def navigate(self, opened, number, action):
        total = len(self.shown_steps(opened.as_querydict())) + 1
        if action == "next":
            opened.step = min(number + 1, total)
        elif action == "back":
            opened.step = max(number - 1, 1)
        elif action.startswith("goto:"):
            opened.step = _int(action[5:], number)
        elif action.startswith("remove:"):
            drafts.remove_file(opened, _int(action[7:], 0))
            opened.step = number
        elif action == "rows":
            # The step again with a row more or less, what was typed kept; the page opens at that row.
            opened.step = number
            opened.save()
            anchor = self.row_in_view
            return redirect(f"{self.page.url}#{anchor}" if anchor else self.page.url)
        elif action == "save":
            opened.step = min(max(number, 1), total)
            code = drafts.give_code(opened)
            context = self.page.get_context(self.request)
            context.update(draft_code=format_draft_code(code), retention_days=settings.DRAFT_RETENTION_DAYS)
            return TemplateResponse(self.request, CODE_TEMPLATE, context)
        elif action == "submit" and number >= total:
            return self.submit(opened)
        opened.save()
        return redirect(self.page.url)

    def submit(self, opened):
        with submission_guard(self.request) as guard:
            if guard.refusal is not None:
                return self.render(
                    opened, opened.step, status=guard.refusal.status, extra={"general_error": guard.refusal.message}
                )
            response = self.file(opened)
            if response.status_code == 302 and response.url == receipt_url():
                guard.accept()
            return response

    def file(self, opened):
        form = self.full_form(opened, contents=True)
        if not form.is_valid():
            return self.show_first_error(opened, form)
        try:
            # The case and the draft's end in one transaction, the draft row locked first: a
            # second "Send" (a double tap) waits, then finds no draft and files nothing.
            with transaction.atomic():
                if not Draft.objects.select_for_update().filter(pk=opened.draft.pk).exists():
                    return redirect(self.page.url)
                new_case = file_case(self.page, form, generation=getattr(self.page, "serving_generation", None))
                drafts.erase(self.request, opened)
        except SubmissionFailed as failure:
            return self.render(opened, opened.step, status=422, extra={"general_error": failure.message})
        return receipt_redirect(new_case)

    def show_first_error(self, opened, full):
        """The whole form found a problem (e.g. across two steps): show the first step concerned."""
        data = opened.as_querydict()
        shown = self.shown_steps(data)
        for number, (_step, questions) in enumerate(shown, start=1):
            if any(question.clean_name in full.errors for question in questions):
                form = self.step_form(opened, questions, data)
                form.is_valid()
                for question in questions:
                    for error in full.errors.get(question.clean_name, []):
                        if error not in form.errors.get(question.clean_name, []):
                            form.add_error(question.clean_name, error)
                opened.step = number
                opened.save()
                return self.render(opened, number, form=form)
        message = " ".join(full.non_field_errors()) or str(NOT_ACCEPTED)
        return self.render(opened, len(shown) + 1, status=422, extra={"general_error": message})


def _int(text, default):
    try:
        return int(text)
    except ValueError:
        return default
