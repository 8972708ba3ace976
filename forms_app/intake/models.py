from django.core.exceptions import ValidationError
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..cases.models import Case, CaseType
from ..cases.receipts import receipt_url, remember_receipt
from .abuse import add_honeypot, refuse_abusive_request
from .blocks import ChoiceOptionsBlock
from .field_types import FIELD_TYPE_CHOICES, Role, field_type
from .form_builder import IntakeFormBuilder
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

    panels = [
        FieldPanel("label"),
        FieldPanel("help_text"),
        FieldRowPanel([FieldPanel("field_type"), FieldPanel("required")]),
        FieldPanel("role"),
        FieldPanel(
            "clean_name", help_text=_("Answer key. Leave empty for a new question to derive it from the label.")
        ),
        FieldPanel("choice_options"),
    ]

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choice_options"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
        SynchronizedField("role", overridable=False),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def clean(self):
        super().clean()
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

    def get_submission_class(self):
        """Submissions are cases: one Case per submission, never a plaintext FormSubmission."""
        return Case

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        add_honeypot(form)
        return form

    def serve(self, request, *args, **kwargs):
        """Refuse abuse before the form is even built, then let Wagtail do the rest."""
        if request.method == "POST" and rows_changed(request.POST):
            # "Add more rows" / "Remove" in a trade schedule without JavaScript: show the form again.
            return self.render_form(request, keep_editing(self.get_form(request.POST, page=self, user=request.user)))
        if request.method == "POST":
            refusal = refuse_abusive_request(request)
            if refusal is not None:
                form = self.get_form(request.POST, page=self, user=request.user)
                form.is_valid()
                form.add_error(None, refusal.message)
                return self.render_form(request, form, status=refusal.status)
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
            return file_case(self, form)
        except SubmissionFailed as failure:
            form.add_error(None, failure.message)
            return form

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        """POST-redirect-GET to the receipt, so a refresh never submits the case twice."""
        if isinstance(form_submission, NewCase):
            remember_receipt(request, form_submission)
            return redirect(receipt_url())
        if form_submission is None:  # admin preview of the landing page
            return super().render_landing_page(request, *args, **kwargs)
        return self.render_form(request, form_submission, status=422)

    def render_form(self, request, form, status=200):
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["in_wechat_browser"] = "micromessenger" in request.headers.get("User-Agent", "").lower()
        return context
