from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.content_generation import current_generation

from ..cases.models import Case, CaseType
from ..cases.receipts import receipt_redirect
from .abuse import add_honeypot
from .admin_forms import IntakeFormPageForm
from .blocks import ChoiceOptionsBlock
from .field_types import FIELD_TYPE_CHOICES, Role, field_type
from .form_builder import IntakeFormBuilder, ShallowlyCopiedFields
from .human_check import add_human_check, altcha_widget_strings, submission_guard
from .live_questions import live_key, remembered
from .stepping import STEP_FIELD, StepFlow
from .steps import held_back_names, plan_steps, untranslated_parts, visible_names
from .submission import NewCase, SubmissionFailed, file_case
from .trade_schedule import keep_editing, rows_changed

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class IntakeFormField(TranslatableMixin, AbstractFormField):
    """One question. Its answer key (`clean_name`), type and choice keys are the same in every
    language; its wording is translated."""

    page = ParentalKey("IntakeFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("field type"), max_length=32, choices=FIELD_TYPE_CHOICES)
    role = models.CharField(
        _("meaning"),
        max_length=32,
        choices=Role.choices,
        blank=True,
        help_text=_(
            "What this question means to the system: e.g. the claimant's WeChat ID (links possible duplicates) "
            "or the consent to keep original files. Leave empty for most questions."
        ),
    )
    choice_options = StreamField(
        ChoiceOptionsBlock(),
        blank=True,
        verbose_name=_("choices"),
        help_text=_("Only for drop downs, radio buttons and checkboxes."),
    )
    condition_key = models.CharField(
        _("show only if the answer to"),
        max_length=255,
        blank=True,
        help_text=_("Answer key of an earlier drop down, radio buttons or checkboxes question. Empty: always shown."),
    )
    condition_values = models.CharField(
        _("is one of"),
        max_length=255,
        blank=True,
        help_text=_("Stored values of its choices, separated by commas, e.g. detention, arrest."),
    )

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("field_type"), FieldPanel("required")]),
        FieldPanel("role"),
        FieldPanel(
            "clean_name", help_text=_("Answer key. Leave empty for a new question to derive it from the label.")
        ),
        FieldPanel("choice_options"),
        FieldRowPanel([FieldPanel("condition_key"), FieldPanel("condition_values")], heading=_("Condition")),
    ]

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choice_options"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("role", overridable=False),
        SynchronizedField("condition_key", overridable=False),
        SynchronizedField("condition_values", overridable=False),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def clean(self):
        super().clean()
        if not field_type(self.field_type).has_answer and (self.required or self.role or self.condition_key):
            raise ValidationError(_("A step asks nothing: it cannot be required, have a meaning or a condition."))
        if self.role and self.role not in field_type(self.field_type).roles:
            raise ValidationError(
                {"role": _("A question of this type cannot have this meaning. Choose another type or meaning.")}
            )

    def choices_as_pairs(self):
        """[(key, label), ...] in the editors' order."""
        return [(option.value["key"], option.value["label"]) for option in self.choice_options]


class IntakeFormPage(AbstractForm):
    """An intake form for one case type. Editors write its questions (in English, then translate
    them with wagtail-localize); every language version files its cases in the same queue."""

    template = "forms_app/intake_form_page.html"

    case_type = models.CharField(_("case type"), max_length=32, choices=CaseType.choices)
    intro = RichTextField(_("introduction"), features=TEXT_FEATURES, blank=True)
    evidence_help = RichTextField(_("what evidence helps"), features=TEXT_FEATURES, blank=True)
    next_steps = RichTextField(_("what happens next"), features=TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        _("receipt message"), features=TEXT_FEATURES, blank=True, help_text=_("Shown with the receipt.")
    )
    submit_label = models.CharField(_("submit button text"), max_length=80, blank=True)

    content_panels = AbstractForm.content_panels + [
        FieldPanel("case_type"),
        FieldPanel("intro"),
        FieldPanel("evidence_help"),
        FieldPanel("next_steps"),
        InlinePanel("form_fields", label=_("Questions")),
        MultiFieldPanel([FieldPanel("thank_you_text"), FieldPanel("submit_label")], heading=_("After submitting")),
    ]

    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        TranslatableField("evidence_help"),
        TranslatableField("next_steps"),
        TranslatableField("thank_you_text"),
        TranslatableField("submit_label"),
        TranslatableField("form_fields"),
        SynchronizedField("case_type", overridable=False),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("intake form")

    form_builder = IntakeFormBuilder
    base_form_class = IntakeFormPageForm

    def get_all_questions(self):
        """Every question in order, steps included (read once per page object)."""
        if "_all_questions" not in self.__dict__:
            self.__dict__["_all_questions"] = list(self.form_fields.all())
        return self.__dict__["_all_questions"]

    def get_form_fields(self):
        """The questions that have an answer (not steps): what the form builder, filing and the
        reviewers' screens work with."""
        return [question for question in self.get_all_questions() if field_type(question.field_type).has_answer]

    def source_questions(self):
        """The questions of the live source form (in LANGUAGE_CODE, English: editors write forms in
        English and translate them), or None if this is the source. One query."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return None
        return list(
            IntakeFormField.objects.filter(
                page__translation_key=self.translation_key, page__locale__language_code=settings.LANGUAGE_CODE
            ).order_by("sort_order")
        )

    def untranslated(self):
        """{(answer key, part)} of this language version still in the source's words (see steps.py)."""
        source = self.source_questions()
        if not source:
            return set()
        return untranslated_parts(self.get_all_questions(), source)

    def claimant_layout(self):
        """The steps and questions as this language's claimants get them (held-back questions left out)."""
        if "_claimant_layout" not in self.__dict__:
            self.__dict__["_claimant_layout"] = ClaimantLayout(self)
        return self.__dict__["_claimant_layout"]

    def claimant_form(self, data=None, files=None, names=None):
        """The form with only the questions ``names`` (default: those that apply given ``data``)."""
        if names is None:
            names = self.claimant_layout().visible(data or {})
        form = self.claimant_form_class(names)(data, files, page=self, user=None)
        add_honeypot(form)
        return form

    def claimant_form_class(self, names):
        """A form class with only the questions ``names``, in the form's order (made once per set of
        names: a form copies its fields on every use, so only those asked for are copied)."""
        classes = self.__dict__.setdefault("_form_classes", {})
        wanted = frozenset(names)
        if wanted not in classes:
            if None not in classes:
                classes[None] = self.get_form_class()
            whole = classes[None]
            if len(classes) > 64:  # one per combination of answers that show or hide questions
                classes.clear()
                classes[None] = whole
            narrowed = type(whole.__name__, (whole,), {})
            narrowed.base_fields = ShallowlyCopiedFields(
                (name, field) for name, field in whole.base_fields.items() if name in wanted
            )
            classes[wanted] = narrowed
        return classes[wanted]

    def use_live_questions(self, request):
        """Serving the live page: its questions, steps and form classes as this worker last read them
        for the same live revisions (forms_app/intake/live_questions.py)."""
        live = remembered(live_key(self, request), lambda: LiveForm(self))
        # What else the worker keeps by the content generation (e.g. the limitation rules used
        # when filing) is looked up under the one this request has already read.
        self.serving_generation = current_generation(request)
        self.__dict__.update(
            _all_questions=live.questions,
            _claimant_layout=live.layout,
            _form_classes=live.classes,
            _new_visitors_steps=live.new_visitors_steps,
        )

    def get_submission_class(self):
        """Submissions are cases: one Case per submission, never a plaintext FormSubmission."""
        return Case

    def get_form(self, *args, **kwargs):
        """The whole form at once (a POST without a step): questions that do not apply, or that are
        held back untranslated, are left out, so they are neither required nor stored. It carries
        the human check (forms_app.intake.human_check)."""
        data = args[0] if args else kwargs.get("data")
        files = args[1] if len(args) > 1 else kwargs.get("files")
        form = self.claimant_form(data, files)
        add_human_check(form)
        return form

    # An error report (mail to ADMINS, a debug page) never shows the answers: neither the POST
    # nor any local variable of serve or the functions it calls.
    @method_decorator(sensitive_post_parameters())
    @method_decorator(sensitive_variables())
    def serve(self, request, *args, **kwargs):
        """A claimant goes step by step (GETs and POSTs with a step, see stepping.py). A POST of the
        whole form at once, without a step, passes the human check and the rate limit before its
        form is even validated (no evidence is parsed for a refused POST), then Wagtail does the
        rest; ``render_landing_page`` accepts. A trade schedule's "add a row" or "remove" press in
        a whole-form POST (no JavaScript) files nothing: the form comes back with the rows changed."""
        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        self.use_live_questions(request)
        if request.method == "GET" or (request.method == "POST" and STEP_FIELD in request.POST):
            flow = StepFlow(self, request)
            return flow.get() if request.method == "GET" else flow.post()
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if rows_changed(request.POST):
            return self.render_form(request, keep_editing(self.get_form(request.POST, page=self, user=request.user)))
        with submission_guard(request) as guard:
            if guard.refusal is not None:
                form = self.get_form(request.POST, page=self, user=request.user)
                form.is_valid()
                form.add_error(None, guard.refusal.message)
                return self.render_form(request, form, status=guard.refusal.status)
            return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        """File a valid form as a case, in one transaction (Wagtail calls this from ``serve``).

        Returns what ``render_landing_page`` receives as ``form_submission``, never a Wagtail
        ``FormSubmission``:

        - on success, a ``NewCase`` (the saved ``Case`` and its one-time receipt code, which exists
          only here and, sealed, in the claimant's session until the receipt page shows it);
        - on failure (``SubmissionFailed``: nothing was saved, no file kept), the same ``form``
          with a non-field error added, so the claimant's answers are shown again with the message.
        """
        try:
            return file_case(self, form, generation=getattr(self, "serving_generation", None))
        except SubmissionFailed as failure:
            form.add_error(None, failure.message)
            return form

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        """POST-redirect-GET to the receipt, so a refresh never submits the case twice."""
        if isinstance(form_submission, NewCase):
            request.submission_guard.accept()
            return receipt_redirect(form_submission)
        if form_submission is None:  # admin preview of the landing page
            return super().render_landing_page(request, *args, **kwargs)
        return self.render_form(request, form_submission, status=422)

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["altcha_strings"] = altcha_widget_strings()
        context["in_wechat_browser"] = "micromessenger" in request.headers.get("User-Agent", "").lower()
        return context


class ClaimantLayout:
    """A form's steps and which of its questions apply, for one language version."""

    def __init__(self, page):
        self.questions = page.get_all_questions()
        untranslated = page.untranslated()
        self.held_back = held_back_names(self.questions, untranslated)
        self.steps = plan_steps(self.questions, untranslated)
        for step in self.steps:
            step.questions = [question for question in step.questions if question.clean_name not in self.held_back]

    def visible(self, data):
        return visible_names(self.questions, data, self.held_back)


class LiveForm:
    """What serving a live form needs of its questions, kept per live revision (see use_live_questions)."""

    def __init__(self, page):
        self.questions = page.get_all_questions()
        self.layout = page.claimant_layout()
        self.classes = page.__dict__.setdefault("_form_classes", {})
        # {(step, language): the step's questions as a new visitor gets them} (stepping.py).
        self.new_visitors_steps = {}
