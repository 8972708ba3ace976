"""A case's page in the admin, and the small POST-only views behind its forms.

Viewing the page is written to the audit log. Every change goes through review.operations, which
records it on the timeline and in the audit log.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.generic import TemplateView
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from ..cases import activity
from ..cases.erasure import LegalHoldActive
from ..cases.indexing import possible_duplicates
from ..cases.models import CaseAssessment, CaseEventKind, CaseStatus, CaseTag
from ..cases.receipts import code_belongs_to
from . import audit, operations, permissions
from .answers import answers_for_review, contact_preferences_of
from .claimant import claimant_panel
from .evidence import evidence_rows
from .forms import AskForm, AssignForm, HoldForm, NoteForm, ScoreForm, StatusForm, TagsForm, VerifyReceiptForm
from .workflow import TransitionRefused


class CaseMixin:
    """Loads the case from the cases the user may see (the gate in front has checked the permission)."""

    url_namespace = None
    pk_url_kwarg = "pk"

    @cached_property
    def case(self):
        queryset = permissions.cases_visible_to(self.request.user).select_related("assigned_to")
        return get_object_or_404(queryset, pk=self.kwargs[self.pk_url_kwarg])

    def url(self, name, *args):
        return reverse(f"{self.url_namespace}:{name}", args=args)


class CaseDetailView(CaseMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms_app/review/detail.html"
    header_icon = "folder-open-inverse"

    def get(self, request, *args, **kwargs):
        self.unread = self.case.claimant_activity_unread
        response = super().get(request, *args, **kwargs)
        audit.log_case_action(self.case, audit.VIEW, request.user)
        activity.mark_read(self.case)
        return response

    def get_page_title(self):
        return _("Case %(reference)s") % {"reference": self.case.reference}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": self.url("index"), "label": _("Cases")},
            {"url": "", "label": self.case.reference},
        ]

    @cached_property
    def header_buttons(self):
        buttons = [HeaderButton(_("Audit log"), url=self.url("history", self.case.pk), icon_name="history")]
        if permissions.can_delete(self.request.user) and not self.case.legal_hold:
            buttons.append(HeaderButton(_("Delete"), url=self.url("delete", self.case.pk), icon_name="bin"))
        return buttons

    def timeline(self, panel):
        events = list(self.case.events.select_related("actor", "assignee"))
        questions = {str(item.question.uuid): item for item in panel.questions} if panel else {}
        replies = {str(reply.uuid): reply for reply in panel.replies} if panel else {}
        for event in events:
            event.case = self.case  # the case key is unwrapped once, not per event
            if event.kind == CaseEventKind.QUESTION:
                event.question = questions.get(event.data.get("question"))
            elif event.kind in (CaseEventKind.REPLY, CaseEventKind.EVIDENCE_ADDED):
                event.reply = replies.get(event.data.get("reply"))
            event.message = audit.event_message(event)
        return events

    def forms(self):
        user = self.request.user
        forms = {}
        if permissions.can_triage(user):
            forms["status"] = StatusForm(case_status=self.case.status, prefix="status")
            forms["note"] = NoteForm(prefix="note")
            forms["tags"] = TagsForm(prefix="tags", initial={"tags": ", ".join(tag.name for tag in self.tags)})
            forms["score"] = ScoreForm(prefix="score", initial={"score": self.merit_score})
        if permissions.can_assign(user):
            forms["assign"] = AssignForm(prefix="assign", initial={"assignee": self.case.assigned_to_id})
        if self.case.is_erased:
            return {}
        if permissions.can_triage(user):
            forms["ask"] = AskForm(prefix="ask", claimant_language=self.case.language)
        if permissions.can_hold(user):
            forms["hold"] = HoldForm(prefix="hold")
        if permissions.can_verify_receipt(user):
            forms["verify"] = VerifyReceiptForm(prefix="verify")
        return forms

    @cached_property
    def tags(self):
        return list(self.case.tags.all())

    @cached_property
    def merit_score(self):
        return CaseAssessment.objects.filter(case=self.case).values_list("merit_score", flat=True).first()

    def all_tag_names(self):
        """Suggestions for the tag field (case staff only: tag names are never offered elsewhere)."""
        if not permissions.can_triage(self.request.user):
            return []
        return list(CaseTag.objects.values_list("name", flat=True)[:500])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        case = self.case
        contact = None if case.is_erased else activity.contact_of(case)
        panel = None if case.is_erased else claimant_panel(case, contact)
        context.update(
            {
                "case": case,
                "unread": getattr(self, "unread", False),
                "today": timezone.localdate(),
                "claimant": panel,
                "answers": answers_for_review(case),
                "contact": contact_preferences_of(case, contact),
                "evidence_rows": evidence_rows(case, self.url_namespace),
                "duplicates": [] if case.is_erased else possible_duplicates(case),
                "timeline": self.timeline(panel),
                "tags": self.tags,
                "merit_score": self.merit_score,
                "all_tag_names": self.all_tag_names(),
                "forms": self.forms(),
                "can_download": permissions.can_download_evidence(user),
                "can_delete_evidence": permissions.can_delete(user) and not case.legal_hold,
                "action_urls": {
                    name: self.url(name, case.pk)
                    for name in ("status", "assign", "note", "tags", "score", "ask", "hold", "verify_receipt")
                },
                "index_url": self.url("index"),
            }
        )
        return context


class CaseActionView(CaseMixin, View):
    """POST a small form, apply one operation, go back to the case page with a message."""

    http_method_names = ["post"]
    form_class = None
    prefix = None
    anchor = ""

    def get_form(self):
        return self.form_class(self.request.POST, prefix=self.prefix)

    # Notes and reasons are case content: an error report shows neither the POST nor any local.
    @method_decorator(sensitive_post_parameters())
    @method_decorator(sensitive_variables())
    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            self.apply(form.cleaned_data)
        else:
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
        return HttpResponseRedirect(self.url("detail", self.case.pk) + self.anchor)

    def apply(self, data):
        raise NotImplementedError


class StatusView(CaseActionView):
    prefix = "status"
    anchor = "#workflow"

    def get_form(self):
        return StatusForm(self.request.POST, prefix=self.prefix, case_status=None, check_current=True)

    def apply(self, data):
        try:
            operations.change_status(
                self.case, data["status"], self.request.user, data.get("reason", ""), data["current"]
            )
        except TransitionRefused as refusal:
            if refusal.args[0] != data["current"]:
                messages.error(
                    self.request,
                    _(
                        "The status was not changed: someone else changed it to %(current)s while you had "
                        "this page open. Check the case and choose again."
                    )
                    % {"current": CaseStatus(refusal.args[0]).label},
                )
                return
            messages.error(
                self.request,
                _("The status was not changed: a case that is %(current)s cannot become %(new)s.")
                % {"current": CaseStatus(refusal.args[0]).label, "new": CaseStatus(data["status"]).label},
            )
            return
        messages.success(self.request, _("Status changed to %(status)s.") % {"status": self.case.get_status_display()})


class AssignView(CaseActionView):
    form_class = AssignForm
    prefix = "assign"
    anchor = "#workflow"

    def apply(self, data):
        assignee = data["assignee"]
        if operations.assign(self.case, assignee, self.request.user):
            if assignee:
                text = _("Case assigned to %(name)s.") % {"name": permissions.display_name(assignee)}
            else:
                text = _("Case unassigned.")
            messages.success(self.request, text)


class NoteView(CaseActionView):
    form_class = NoteForm
    prefix = "note"
    anchor = "#timeline"

    def apply(self, data):
        operations.add_note(self.case, data["text"], self.request.user)
        messages.success(self.request, _("Note added."))


class TagsView(CaseActionView):
    form_class = TagsForm
    prefix = "tags"
    anchor = "#workflow"

    def apply(self, data):
        if operations.set_tags(self.case, data["tags"], self.request.user):
            messages.success(self.request, _("Tags saved."))


class ScoreView(CaseActionView):
    form_class = ScoreForm
    prefix = "score"
    anchor = "#workflow"

    def apply(self, data):
        if operations.set_score(self.case, data["score"], self.request.user):
            messages.success(self.request, _("Merit score saved."))


class AskView(CaseActionView):
    prefix = "ask"
    anchor = "#claimant"

    def get_form(self):
        self.ask_form = AskForm(self.request.POST, prefix=self.prefix, claimant_language=self.case.language)
        return self.ask_form

    def apply(self, data):
        try:
            activity.ask(self.case, self.ask_form.texts(), self.request.user)
        except activity.CaseWithdrawn:
            messages.error(self.request, _("The claimant has withdrawn this case."))
            return
        messages.success(
            self.request,
            _("Question sent. The claimant will see it on My case; the case is now %(status)s.")
            % {"status": CaseStatus.NEEDS_INFORMATION.label},
        )


class HoldView(CaseActionView):
    """Place the hold, or lift it if it is in place (the button says which)."""

    form_class = HoldForm
    prefix = "hold"
    anchor = "#claimant"

    def apply(self, data):
        try:
            if self.case.legal_hold:
                activity.lift_hold(self.case, data["reason"], self.request.user)
                messages.success(self.request, _("Legal hold lifted."))
            else:
                activity.place_hold(self.case, data["reason"], self.request.user)
                messages.success(self.request, _("Legal hold placed: the case cannot be erased or deleted."))
        except activity.CaseWithdrawn:
            messages.error(self.request, _("The claimant has withdrawn this case."))


class VerifyReceiptView(CaseActionView):
    """Whether a code quoted by the claimant (by phone, letter...) is this case's. Throttled per
    staff member; the code is neither stored nor logged, only whether it matched."""

    form_class = VerifyReceiptForm
    prefix = "verify"
    anchor = "#claimant"

    def throttled(self):
        window = int(time.time() // 3600)
        key = f"receipt-check:{self.request.user.pk}:{window}"
        cache.add(key, 0, timeout=3600)
        try:
            count = cache.incr(key)
        except ValueError:
            cache.set(key, 1, timeout=3600)
            count = 1
        return count > settings.RECEIPT_CHECKS_PER_HOUR

    def apply(self, data):
        if self.throttled():
            messages.error(self.request, _("You have checked too many codes in the last hour. Try again later."))
            return
        matched = code_belongs_to(self.case, data["code"])
        activity.record_receipt_check(self.case, self.request.user, matched)
        if matched:
            messages.success(self.request, _("This receipt code belongs to this case."))
        else:
            messages.warning(self.request, _("This receipt code does NOT belong to this case."))


class CaseDeleteView(generic.DeleteView):
    """Wagtail's delete confirmation; deleting also removes the case's evidence files and key."""

    permission_required = "delete"
    page_title = gettext_lazy("Delete case")
    success_message = gettext_lazy("Case '%(object)s' deleted.")

    def setup(self, request, *args, **kwargs):
        # Wagtail would load the object in setup(); it is loaded lazily, from the visible cases.
        View.setup(self, request, *args, **kwargs)
        self.usage_url = None
        self.usage = None

    @cached_property
    def object(self):
        return get_object_or_404(permissions.cases_visible_to(self.request.user), pk=self.kwargs["pk"])

    def get_object(self, queryset=None):
        return self.object

    @property
    def confirmation_message(self):
        return _(
            "Delete case %(reference)s? Its answers, evidence files and notes are destroyed for good; "
            "only the audit log keeps its reference."
        ) % {"reference": self.object.reference}

    def dispatch(self, request, *args, **kwargs):
        if self.object.legal_hold:
            messages.error(request, _("This case is under legal hold: it cannot be deleted until the hold is lifted."))
            return HttpResponseRedirect(reverse("forms_app_review:detail", args=[self.object.pk]))
        return super().dispatch(request, *args, **kwargs)

    def delete_action(self):
        try:
            operations.delete_case(self.object, self.request.user)
        except LegalHoldActive as error:
            raise PermissionDenied from error
