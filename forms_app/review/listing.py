"""The case queue: one listing for every language and case type, on Wagtail's generic IndexView.

Rows come from one query (assigned reviewer and merit score joined, the sealed columns left out),
the possible-duplicate flags of a page from three more, so a page of 100 rows costs the same number
of queries as a page of 10. A page is found by its primary keys first (an index-only walk past the
earlier pages), then its rows are loaded: page 2,500 costs about what page 1 does.
"""

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import F
from django.forms.utils import flatatt
from django.template.defaultfilters import capfirst
from django.template.defaultfilters import date as date_filter
from django.templatetags.l10n import unlocalize
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.search import SearchForm
from wagtail.admin.templatetags.wagtailadmin_tags import admin_urlquote, timesince_simple
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    Column,
    DateColumn,
    StatusFlagColumn,
    Table,
    TitleColumn,
)
from wagtail.admin.views import generic
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.widgets.button import HeaderButton, ListingButton

from cms.kept import Kept

from ..cases import indexing
from ..cases.indexing import confirmed_duplicate_flags
from ..cases.models import Case, CaseStatus, CaseType
from .filters import CaseFilterSet
from .permissions import can_export, cases_visible_to, display_name
from .selection import LISTING_CONFIRM_LIMIT, apply_filters, confirmed_in_order

PAGE_SIZES = (20, 50, 100)
# The full case type names are long sentences; a queue column needs a word or two.
SHORT_CASE_TYPES = {
    CaseType.PERSECUTION: _("Persecution"),
    CaseType.ACCOUNT_CLOSURE: _("Account closure"),
    CaseType.PRIVACY_CENSORSHIP: _("Privacy / censorship"),
    CaseType.INVESTOR: _("Investor"),
}


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


def class_attribute(classname):
    return f' class="{escape(classname)}"' if classname else ""


class PlainColumn(Column):
    """A text cell written directly, as Wagtail's cell.html writes it, without a template render:
    a 100-row page has hundreds of cells, and their templates were most of the page's time."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        if isinstance(value, int) and not isinstance(value, bool):
            value = intcomma(value) if self.thousands and abs(value) >= 1000 else unlocalize(value)
        return SafeString(
            f"<td{class_attribute(self.classname)}>{'' if value is None else conditional_escape(value)}</td>"
        )

    thousands = False


class PlainNumberColumn(PlainColumn):
    thousands = True


class PlainStatusFlagColumn(StatusFlagColumn):
    """A flag (new reply, possible duplicate) written directly, as wagtailadmin/tables/
    status_flag_cell.html and shared/status_tag.html write it: a cell with the label shown as a
    status tag, or an empty cell."""

    def render_cell_html(self, instance, parent_context):
        classes = class_attribute(self.classname)
        label = self.true_label if self.get_value(instance) else self.false_label
        if not label:
            return SafeString(f"<td{classes}></td>")
        return SafeString(
            f'<td{classes}><span class="w-status w-status--primary">{conditional_escape(label)}</span></td>'
        )


class PlainDateColumn(DateColumn):
    """Wagtail's date cell (a relative date with the full date as a tooltip) written directly, as
    wagtailadmin/tables/date_cell.html and shared/human_readable_date.html write it: two per row.
    The date is shown in the reviewer's time zone, as the template engine converts it.

    The same cases are on the queue's first page request after request: a date's texts are kept
    (the tooltip by the date, zone and language; the relative date also by the whole minutes since,
    its own precision), as the two were most of the table's time."""

    def render_cell_html(self, instance, parent_context):
        value = self.get_value(instance)
        classes = class_attribute(self.classname)
        if not value:
            return SafeString(f"<td{classes}></td>")
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        minutes = int((timezone.now() - value).total_seconds() // 60) if timezone.is_aware(value) else None
        key = (get_language(), value, str(value.tzinfo), self.tooltip_format, minutes)
        tooltip, iso, relative = _date_texts.get_or_make(
            key,
            lambda: (
                escape(date_filter(value, self.tooltip_format)),
                escape(value.isoformat()),  # what the "c" format writes
                escape(capfirst(timesince_simple(value))),
            ),
        )
        return SafeString(
            f'<td{classes}><button type="button" class="w-human-readable-date" data-controller="w-tooltip" '
            f'data-w-tooltip-content-value="{tooltip}" data-w-tooltip-placement-value="top">'
            f'<time class="w-human-readable-date__date" datetime="{iso}">{relative}</time></button></td>'
        )

    @cached_property
    def tooltip_format(self):
        # Read once per page (a column lives for one request, in one language).
        return get_format("DATETIME_FORMAT") or "N j, Y, P"


_date_texts = Kept(4096)


class PlainTitleColumn(TitleColumn):
    """The case's reference linking to its page, written as wagtailadmin/tables/title_cell.html
    writes it for a link with a title id and no buttons."""

    def render_cell_html(self, instance, parent_context):
        classes = f"{self.classname} title" if self.classname else "title"
        return SafeString(
            f'<td class="{escape(classes)}"><div class="title-wrapper">'
            f'<a href="{escape(self.get_link_url(instance, parent_context))}">'
            f'<span id="{escape(self.get_title_id(instance, parent_context))}">'
            f"{conditional_escape(self.get_value(instance))}</span></a></div></td>"
        )


class PlainBulkActionsCheckboxColumn(BulkActionsCheckboxColumn):
    """A row's bulk-action checkbox, as wagtailadmin/bulk_actions/listing_checkbox_cell.html writes it."""

    def render_cell_html(self, instance, parent_context):
        return SafeString(
            '<td class="bulk-action-checkbox-cell"><input type="checkbox" '
            f'data-object-id="{escape(admin_urlquote(unlocalize(instance.pk)))}" '
            f'data-bulk-action-checkbox class="bulk-action-checkbox" aria-label="{self.select_label}" '
            f'aria-describedby="{escape(self.get_aria_describedby(instance))}"></td>'
        )

    @cached_property
    def select_label(self):
        return escape(gettext("Select"))


class CaseTable(Table):
    """Wagtail's table with its rows written in Python (forms_app/review/table.html): a template
    loop rendering every cell of a 100-row page was a quarter of the queue's time."""

    template_name = "forms_app/review/table.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        columns = list(self.columns.values())
        rows = []
        for row in self.rows:
            cell_context = {"table": self, "row": row, "request": context.get("request")}
            cells = [column.render_cell_html(row.instance, cell_context) for column in columns]
            rows.append(format_html("<tr{}>{}</tr>", flatatt(row.attrs), mark_safe("".join(cells))))  # noqa: S308
        context["body_html"] = mark_safe("".join(rows))  # noqa: S308 - each cell is escaped where it is written
        return context


class ClampedPaginator(Paginator):
    """Page links for ?p= beyond the last page (or not a number) as for the page actually shown,
    instead of an error."""

    def get_elided_page_range(self, number=1, *args, **kwargs):
        try:
            number = self.validate_number(number)
        except (PageNotAnInteger, EmptyPage):
            number = self.get_page(number).number
        return super().get_elided_page_range(number, *args, **kwargs)


class CaseIndexView(generic.IndexView):
    model = Case
    table_class = CaseTable
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

    search_complete = True
    search_plan = None
    paginator_class = ClampedPaginator

    def get_base_queryset(self):
        return cases_visible_to(self.request.user)

    def paginate_queryset(self, queryset, page_size):
        """Rows of one page by primary key, then the possible-duplicate flags of these rows only,
        confirmed by opening the cases' sealed identifiers (as a column of the main query PostgreSQL
        would compute it for every matching row before sorting)."""
        if self.search_plan is not None:
            paginator, page, object_list, is_paginated = self.paginate_confirmed(queryset, page_size)
        else:
            paginator, page, object_list, is_paginated = super().paginate_queryset(
                queryset.values_list("pk", flat=True), page_size
            )
        pks = list(object_list)
        loaded = Case.objects.filter(pk__in=pks).select_related("assigned_to", "assessment")
        sealed = ("sealed_answers", "sealed_index", "search_buckets", "legal_hold_reason")
        by_pk = {case.pk: case for case in loaded.defer(*sealed)}
        rows = [by_pk[pk] for pk in pks if pk in by_pk]
        flagged = confirmed_duplicate_flags(pks)
        for case in rows:
            case.possible_duplicate = case.pk in flagged
        page.object_list = rows
        return paginator, page, rows, is_paginated

    def filter_queryset(self, queryset):
        return apply_filters(queryset, self.filters)

    def search_queryset(self, queryset):
        """A reference: its prefix. Words: the blind index's candidates, confirmed page by page
        (paginate_confirmed)."""
        if not self.is_searching:
            return queryset
        plan = indexing.plan_search(self.search_query)
        if not (plan.reference or plan.empty):
            self.search_plan = plan
        return indexing.candidate_cases(queryset, plan)

    def paginate_confirmed(self, queryset, page_size):
        """Open candidates in the listing's order until this page and one more case are confirmed.
        The number of matches is exact when every candidate was opened, else "more than"."""
        try:
            number = max(1, int(self.request.GET.get(self.page_kwarg, 1)))
        except ValueError:
            number = 1
        found, self.search_complete = confirmed_in_order(
            queryset, self.search_plan, number * page_size + 1, LISTING_CONFIRM_LIMIT
        )
        paginator = ClampedPaginator(found, page_size, allow_empty_first_page=True)
        page = paginator.get_page(number)
        return paginator, page, page.object_list, True

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
        return self.detail_url_pattern.replace("/2147483647/", f"/{int(case.pk)}/")

    @cached_property
    def detail_url_pattern(self):
        # reverse() once per page rather than once per row (a placeholder id replaced for each).
        return reverse(self.detail_url_name, args=[2147483647])

    @cached_property
    def labels(self):
        """{column: {stored value: its label}}, translated once per page rather than once per row
        (Django's get_FOO_display builds and hashes every choice's lazy label on each call)."""
        return {
            "case_type": {value: str(label) for value, label in SHORT_CASE_TYPES.items()},
            "status": {value: str(label) for value, label in CaseStatus.choices},
            "language": {value: str(label) for value, label in Case._meta.get_field("language").flatchoices},
        }

    def label_of(self, name):
        def label(case):
            value = getattr(case, name)
            return self.labels[name].get(value, value)

        return label

    @cached_property
    def columns(self):
        return [
            PlainBulkActionsCheckboxColumn("bulk_actions", obj_type="case"),
            PlainTitleColumn(
                "reference",
                label=_("Reference"),
                get_url=self.detail_url,
                get_title_id=lambda case: f"case_{case.pk}_title",
                sort_key="reference",
                classname="w-whitespace-nowrap",
            ),
            PlainColumn("case_type", label=_("Case type"), accessor=self.label_of("case_type"), sort_key="case_type"),
            PlainColumn("status", label=_("Status"), accessor=self.label_of("status"), sort_key="status"),
            PlainColumn("language", label=_("Language"), accessor=self.label_of("language"), sort_key="language"),
            PlainDateColumn("submitted_at", label=_("Submitted"), sort_key="submitted_at"),
            PlainColumn("assigned_to", label=_("Assigned to"), accessor=assigned_name),
            PlainNumberColumn("evidence_count", label=_("Evidence"), sort_key="evidence_count"),
            PlainColumn("merit", label=_("Merit score"), accessor=merit_score, sort_key="assessment__merit_score"),
            PlainDateColumn("last_activity_at", label=_("Last activity"), sort_key="last_activity_at"),
            PlainColumn("limitation_date", label=_("Act by"), accessor=act_by, sort_key="limitation_date"),
            PlainStatusFlagColumn(
                "claimant_activity_unread", label=_("Claimant"), true_label=_("New reply"), false_label=None
            ),
            PlainStatusFlagColumn(
                "possible_duplicate", label=_("Duplicate"), true_label=_("Possible"), false_label=None
            ),
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
        context["search_complete"] = self.search_complete
        context["search_open_ended"] = self.search_plan is not None and not self.search_complete
        return context
