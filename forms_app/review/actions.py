"""Bulk actions on the case queue (Wagtail's bulk action framework: tick cases, pick an action).

Each case is changed through review.operations, so every one gets its own timeline event and
audit log entry. "Select all in listing" applies the queue's filters and search.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.views.bulk_action import BulkAction

from ..cases.models import Case, CaseStatus
from . import operations, permissions
from .forms import AssignForm, StatusForm, TagsForm
from .selection import select_cases
from .workflow import TransitionRefused

MAX_BULK_CASES = 1000
SHOWN_IN_CONFIRMATION = 50


class CaseBulkAction(BulkAction):
    models = [Case]
    template_name = "forms_app/review/bulk_confirm.html"
    confirm_label = _("Apply")

    @classmethod
    def user_can(cls, user):
        return permissions.can_triage(user)

    def dispatch(self, request, *args, **kwargs):
        if not self.user_can(request.user):
            return permissions.forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self, model, object_ids):
        ids = [value for value in object_ids if str(value).isdigit()]
        return list(permissions.cases_visible_to(self.request.user).filter(pk__in=ids)[: MAX_BULK_CASES + 1])

    def get_all_objects_in_listing_query(self, parent_id):
        cases, _error = select_cases(self.request)
        return cases.values_list("pk", flat=True)[: MAX_BULK_CASES + 1] if cases is not None else []

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        if len(objects) > MAX_BULK_CASES:
            self.too_many = True
            objects = objects[:MAX_BULK_CASES]
        return objects, extra

    def get_execution_context(self):
        return {"user": self.request.user, **self.cleaned_form.cleaned_data}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        items = context["items"]
        context.update(
            {
                "shown_items": items[:SHOWN_IN_CONFIRMATION],
                "more_count": max(len(items) - SHOWN_IN_CONFIRMATION, 0),
                "too_many": getattr(self, "too_many", False),
                "max_cases": MAX_BULK_CASES,
                "action": self,
                "detail_url_name": "forms_app_review:detail",
            }
        )
        return context


class AssignBulkAction(CaseBulkAction):
    display_name = _("Assign")
    action_type = "assign"
    aria_label = _("Assign the selected cases to a reviewer")
    action_priority = 10
    form_class = AssignForm
    confirm_label = _("Assign")

    @classmethod
    def user_can(cls, user):
        return permissions.can_assign(user)

    @classmethod
    def execute_action(cls, objects, user=None, assignee=None, **kwargs):
        changed = sum(1 for case in objects if operations.assign(case, assignee, user))
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d case assigned.", "%(count)d cases assigned.", num_parent_objects) % {
            "count": num_parent_objects
        }


class StatusBulkAction(CaseBulkAction):
    display_name = _("Change status")
    action_type = "status"
    aria_label = _("Change the status of the selected cases")
    action_priority = 20
    form_class = StatusForm
    confirm_label = _("Change status")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "case_status": None}

    @classmethod
    def execute_action(cls, objects, user=None, status=None, reason="", **kwargs):
        changed = skipped = 0
        for case in objects:
            try:
                operations.change_status(case, status, user, reason)
                changed += 1
            except TransitionRefused:
                skipped += 1
        return changed, skipped

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["show_status"] = True
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "%(count)d case moved to %(status)s.", "%(count)d cases moved to %(status)s.", num_parent_objects
        ) % {"count": num_parent_objects, "status": CaseStatus(self.cleaned_form.cleaned_data["status"]).label}
        if num_child_objects:
            message += " " + ngettext(
                "%(count)d case was left as it was: its current status cannot change to that one.",
                "%(count)d cases were left as they were: their current status cannot change to that one.",
                num_child_objects,
            ) % {"count": num_child_objects}
        return message


class TagBulkAction(CaseBulkAction):
    display_name = _("Tag")
    action_type = "tag"
    aria_label = _("Add tags to the selected cases")
    action_priority = 30
    form_class = TagsForm
    confirm_label = _("Add tags")

    @classmethod
    def execute_action(cls, objects, user=None, tags="", **kwargs):
        changed = sum(1 for case in objects if operations.set_tags(case, tags, user, add_only=True))
        return changed, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext("%(count)d case tagged.", "%(count)d cases tagged.", num_parent_objects) % {
            "count": num_parent_objects
        }


class ExportBulkAction(CaseBulkAction):
    """Hands the selection to the export view (``forms_app_review:export``), which does the rest."""

    display_name = _("Export")
    action_type = "export"
    aria_label = _("Export the selected cases")
    action_priority = 40

    @classmethod
    def user_can(cls, user):
        return permissions.can_export(user)

    def get(self, request, *args, **kwargs):
        ids = request.GET.getlist("id")
        if "all" in ids:
            query = request.GET.copy()
            for key in ("id", "next", "childOf"):
                query.pop(key, None)
            return HttpResponseRedirect(f"{reverse('forms_app_review:export')}?{query.urlencode()}")
        ids = [value for value in ids if value.isdigit()]
        if not ids:
            messages.error(request, _("No case selected."))
            return HttpResponseRedirect(self.next_url)
        return HttpResponseRedirect(f"{reverse('forms_app_review:export')}?{urlencode({'ids': ','.join(ids)})}")

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)


BULK_ACTIONS = [AssignBulkAction, StatusBulkAction, TagBulkAction, ExportBulkAction]
