"""The case queue: one listing for every language and case type, on Wagtail's generic IndexView.

Rows come from one query (assigned reviewer and merit score joined, the possible-duplicate flag
an EXISTS subquery), so a page of 100 rows costs the same number of queries as a page of 10.
"""

from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    NumberColumn,
    StatusFlagColumn,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from ..cases.indexing import has_possible_duplicate
from ..cases.models import Case, CaseType
from .filters import CaseFilterSet
from .permissions import can_export, cases_visible_to, display_name
from .selection import apply_filters, apply_search

PAGE_SIZES = (20, 50, 100)
# The full case type names are long sentences; a queue column needs a word or two.
SHORT_CASE_TYPES = {
    CaseType.PERSECUTION: _("Persecution"),
    CaseType.ACCOUNT_CLOSURE: _("Account closure"),
    CaseType.PRIVACY_CENSORSHIP: _("Privacy / censorship"),
    CaseType.INVESTOR: _("Investor"),
}


def short_case_type(case):
    return SHORT_CASE_TYPES.get(case.case_type, case.get_case_type_display())


def assigned_name(case):
    return display_name(case.assigned_to) or "—"


def merit_score(case):
    try:
        return case.assessment.merit_score or "—"
    except Case.assessment.RelatedObjectDoesNotExist:
        return "—"


def act_by(case):
    """The limitation date as a date (Wagtail's DateColumn would say "just now" of any future day)."""
    if case.limitation_date is None:
        return "—"
    text = case.limitation_date.isoformat()
    if case.limitation_date < timezone.localdate():
        return gettext("%(date)s (overdue)") % {"date": text}
    return text


class CaseIndexView(generic.IndexView):
    model = Case
    any_permission_required = ["view"]
    filterset_class = CaseFilterSet
    template_name = "forms_app/review/index.html"
    results_template_name = "forms_app/review/index_results.html"
    page_title = _("Cases")
    default_ordering = "-submitted_at"
    detail_url_name = None
    export_url_name = None
    is_searchable = True

    def get_search_form(self):
        placeholder = _("Reference or words")
        if self.search_kwarg in self.request.GET:
            return SearchForm(self.request.GET, placeholder=placeholder)
        return SearchForm(placeholder=placeholder)

    def get_base_queryset(self):
        return cases_visible_to(self.request.user).select_related("assigned_to", "assessment")

    def paginate_queryset(self, queryset, page_size):
        """The possible-duplicate flag for the rows of this page only, in one query: as a column of
        the main query PostgreSQL would compute it for every matching row before sorting."""
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = list(object_list)
        flagged = set(
            Case.objects.filter(pk__in=[case.pk for case in rows])
            .filter(has_possible_duplicate())
            .values_list("pk", flat=True)
        )
        for case in rows:
            case.possible_duplicate = case.pk in flagged
        page.object_list = rows
        return paginator, page, rows, is_paginated

    def filter_queryset(self, queryset):
        return apply_filters(queryset, self.filters)

    def search_queryset(self, queryset):
        return apply_search(queryset, self.search_query if self.is_searching else "")

    def order_queryset(self, queryset):
        ordering = self.ordering or self.default_ordering
        if ordering.lstrip("-") == "limitation_date":  # cases without a date last, either way
            date = F("limitation_date")
            by_date = date.desc(nulls_last=True) if ordering.startswith("-") else date.asc(nulls_last=True)
            return queryset.order_by(by_date, "-pk")
        return queryset.order_by(ordering, "-pk")

    def get_paginate_by(self, queryset):
        try:
            size = int(self.request.GET.get("per_page", ""))
        except ValueError:
            size = None
        return size if size in PAGE_SIZES else PAGE_SIZES[0]

    def detail_url(self, case):
        return reverse(self.detail_url_name, args=[case.pk])

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="case"),
            TitleColumn(
                "reference",
                label=_("Reference"),
                get_url=self.detail_url,
                get_title_id=lambda case: f"case_{case.pk}_title",
                sort_key="reference",
                classname="w-whitespace-nowrap",
            ),
            Column("case_type", label=_("Case type"), accessor=short_case_type, sort_key="case_type"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            Column("language", label=_("Language"), accessor="get_language_display", sort_key="language"),
            DateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            Column("assigned_to", label=_("Assigned to"), accessor=assigned_name),
            NumberColumn("evidence_count", label=_("Evidence"), sort_key="evidence_count"),
            Column("merit", label=_("Merit score"), accessor=merit_score, sort_key="assessment__merit_score"),
            DateColumn("last_activity_at", label=_("Last activity"), sort_key="last_activity_at"),
            Column("limitation_date", label=_("Act by"), accessor=act_by, sort_key="limitation_date"),
            StatusFlagColumn(
                "claimant_activity_unread", label=_("Claimant"), true_label=_("New reply"), false_label=None
            ),
            StatusFlagColumn("possible_duplicate", label=_("Duplicate"), true_label=_("Possible"), false_label=None),
        ]

    @cached_property
    def export_url(self):
        if not (self.export_url_name and can_export(self.request.user)):
            return None
        query = self.request.GET.copy()
        for key in ("p", "_w_filter_fragment", "export"):
            query.pop(key, None)
        url = reverse(self.export_url_name)
        return f"{url}?{query.urlencode()}" if query else url

    @cached_property
    def header_buttons(self):
        buttons = []
        if self.export_url:
            buttons.append(HeaderButton(_("Export"), url=self.export_url, icon_name="download"))
        return buttons

    def bulk_action_buttons(self):
        """The bulk actions this user may use (Wagtail's own footer lists them all)."""
        actions = [
            action
            for action in bulk_action_registry.get_bulk_actions_for_model("forms_app", "case")
            if action.user_can(self.request.user)
        ]
        return [
            ListingButton(
                action.display_name,
                reverse("wagtail_bulk_action", args=["forms_app", "case", action.action_type]),
                attrs={"aria-label": action.aria_label, "data-bulk-action-button": ""},
                priority=action.action_priority,
                classname=" ".join(action.classes | {"bulk-action-btn"}),
            )
            for action in sorted(actions, key=lambda action: action.action_priority)
        ]

    def page_size_links(self):
        links = []
        for size in PAGE_SIZES:
            query = self.request.GET.copy()
            query.pop("p", None)
            query["per_page"] = size
            links.append({"size": size, "url": f"{self.index_url}?{query.urlencode()}"})
        return links

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["bulk_action_buttons"] = self.bulk_action_buttons()
        context["page_size_links"] = self.page_size_links()
        context["page_size"] = self.get_paginate_by(None)
        return context
