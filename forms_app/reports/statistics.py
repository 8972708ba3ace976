"""Case statistics for reviewers: a page of charts in the admin, and a panel on the admin home.

Every figure is one aggregate query over plain columns (case type, status, date, reported losses):
nothing is decrypted, and the number of queries does not depend on the number of cases.

Only cases whose claimant agrees to be counted (consent "statistics", which they can revoke on My
case at any time) are in any figure; withdrawn cases never are.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from decimal import Decimal
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Q, Sum
from django.db.models.functions import TruncWeek
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ..cases.models import CaseConsent, CaseStatus, CaseType, ConsentUse, ReportedLoss
from ..intake.choices import CURRENCY_CHOICES
from ..intake.models import IntakeFormField
from ..review.counsel_settings import REFERENCE_METHOD
from ..review.permissions import can_view, cases_visible_to
from . import charts
from .trade_losses import schedule_losses

STATISTICS_URL_NAME = "forms_app_review:statistics"
QUEUE_URL_NAME = "forms_app_review:index"
WEEKS_ON_PAGE = 26
WEEKS_IN_PANEL = 12


def count_text(value):
    return number_format(value, decimal_pos=0, force_grouping=True)


def money_text(value):
    return number_format(value, decimal_pos=2, force_grouping=True)


def counted_cases(user):
    """The cases figures may count: visible to ``user``, the claimant agreeing, not withdrawn."""
    return countable(cases_visible_to(user))


def countable(cases):
    """Of ``cases``, those whose claimant agrees to be counted (now) and that are not withdrawn."""
    agreed = CaseConsent.objects.filter(case=OuterRef("pk"), use=ConsentUse.STATISTICS, granted=True)
    return cases.filter(Exists(agreed), withdrawn_at__isnull=True)


# --- Aggregates ------------------------------------------------------------------------------------
def counts_by(cases, field_name, choices):
    """[(value, label, count)] for every choice, in the choices' order, zeros included."""
    counts = dict(cases.order_by().values_list(field_name).annotate(count=Count("pk")))
    return [(value, label, counts.get(value, 0)) for value, label in choices]


def week_start(day):
    return day - timedelta(days=day.weekday())


def weekly_counts(cases, weeks, today=None):
    """[(monday, count)] for the last `weeks` weeks, this week last, empty weeks included."""
    first = week_start(today or timezone.localdate()) - timedelta(weeks=weeks - 1)
    since = timezone.make_aware(datetime.combine(first, time.min))
    rows = (
        cases.filter(submitted_at__gte=since)
        .order_by()
        .annotate(week=TruncWeek("submitted_at"))
        .values_list("week")
        .annotate(count=Count("pk"))
    )
    counts = {}
    for week, count in rows:
        day = timezone.localtime(week).date() if isinstance(week, datetime) else week
        counts[day] = counts.get(day, 0) + count
    mondays = [first + timedelta(weeks=index) for index in range(weeks)]
    return [(monday, counts.get(monday, 0)) for monday in mondays]


@dataclass
class CurrencyLosses:
    """What was reported in one currency: per (case type, question) totals and case counts."""

    currency: str
    label: str
    questions: list = field(default_factory=list)  # [(case type, question key, total, cases)]
    # Questions recording a purchase or sale (role "transaction"): shown, never added to a loss total.
    transactions: set = field(default_factory=set)

    def totals(self):
        """{case type: sum of its loss questions}; transactions are left out."""
        totals = defaultdict(Decimal)
        for case_type, question, total, _cases in self.questions:
            if question not in self.transactions:
                totals[case_type] += total
        return totals


def losses_by_currency(cases):
    """[CurrencyLosses] in the intake form's currency order - one query."""
    rows = (
        ReportedLoss.objects.filter(case__in=cases.order_by().values("pk"))
        .order_by()
        .values_list("currency", "case__case_type", "question_key", "is_loss")
        .annotate(total=Sum("amount"), cases=Count("case", distinct=True))
    )
    currency_labels = dict(CURRENCY_CHOICES)
    by_currency = {}
    for currency, case_type, question, is_loss, total, case_count in rows:
        if currency not in by_currency:
            by_currency[currency] = CurrencyLosses(currency, currency_labels.get(currency, currency))
        by_currency[currency].questions.append((case_type, question, Decimal(total or 0), case_count))
        if not is_loss:
            by_currency[currency].transactions.add(question)
    order = {code: index for index, (code, _label) in enumerate(CURRENCY_CHOICES)}
    return sorted(by_currency.values(), key=lambda losses: order.get(losses.currency, len(order)))


def loss_case_counts(cases):
    """{(currency, case type): cases reporting at least one loss in that currency} - one query.

    Separate from the totals because distinct case counts cannot be added up across questions.
    """
    rows = (
        ReportedLoss.objects.filter(case__in=cases.order_by().values("pk"))
        .filter(is_loss=True)
        .order_by()
        .values_list("currency", "case__case_type")
        .annotate(cases=Count("case", distinct=True))
    )
    return {(currency, case_type): count for currency, case_type, count in rows}


def question_labels(keys):
    """{answer key: question wording in the reviewer's language, else English} - one query."""
    by_language = defaultdict(dict)
    rows = IntakeFormField.objects.filter(clean_name__in=keys).values_list(
        "clean_name", "label", "locale__language_code"
    )
    for key, label, language in rows:
        by_language[key].setdefault(language, label)
    language = get_language()
    return {
        key: labels.get(language) or labels.get("en") or next(iter(labels.values()))
        for key, labels in by_language.items()
    }


# --- Charts ----------------------------------------------------------------------------------------
def bar_data(rows):
    return [charts.Datum(str(label), count, count_text(count)) for _value, label, count in rows]


def total_description(rows):
    parts = "; ".join(f"{label}: {count_text(count)}" for _value, label, count in rows)
    return parts or gettext("No cases yet.")


def weekly_chart(chart_id, weekly):
    total = sum(count for _monday, count in weekly)
    busiest = max(weekly, key=lambda item: item[1]) if weekly else None
    description = ngettext(
        "%(count)s case in the %(weeks)s weeks from %(first)s to %(last)s.",
        "%(count)s cases in the %(weeks)s weeks from %(first)s to %(last)s.",
        total,
    ) % {
        "count": count_text(total),
        "weeks": len(weekly),
        "first": date_format(weekly[0][0], "SHORT_DATE_FORMAT"),
        "last": date_format(weekly[-1][0] + timedelta(days=6), "SHORT_DATE_FORMAT"),
    }
    if busiest and busiest[1]:
        description += " " + gettext("Most in the week of %(week)s: %(count)s.") % {
            "week": date_format(busiest[0], "SHORT_DATE_FORMAT"),
            "count": count_text(busiest[1]),
        }
    # A short month name under the first week starting in each month: readable on a phone.
    data = [
        charts.Datum(
            gettext("Week of %(date)s") % {"date": date_format(monday, "SHORT_DATE_FORMAT")},
            count,
            count_text(count),
            tick=date_format(monday, "M") if index and monday.month != weekly[index - 1][0].month else "",
        )
        for index, (monday, count) in enumerate(weekly)
    ]
    maximum = max((count for _monday, count in weekly), default=0)
    return charts.column_chart(
        chart_id,
        gettext("New cases per week"),
        description,
        data,
        maximum_label=gettext("Most in a week: %(count)s") % {"count": count_text(maximum)} if maximum else "",
    )


def loss_sections(cases):
    """Per currency: a bar chart of loss totals per case type and the table of every money question."""
    currencies = losses_by_currency(cases)
    counts = loss_case_counts(cases)
    labels = question_labels({question for losses in currencies for _type, question, _sum, _n in losses.questions})
    type_labels = dict(CaseType.choices)
    type_order = {value: index for index, value in enumerate(CaseType.values)}
    sections = []
    for losses in currencies:
        totals = losses.totals()
        rows = [
            {
                "case_type": value,
                "label": label,
                "total": money_text(totals.get(value, Decimal(0))),
                "cases": count_text(counts.get((losses.currency, value), 0)),
                "value": totals.get(value, Decimal(0)),
            }
            for value, label in CaseType.choices
        ]
        data = [charts.Datum(str(row["label"]), row["value"], f"{row['total']} {losses.currency}") for row in rows]
        questions = sorted(losses.questions, key=lambda row: (type_order.get(row[0], len(type_order)), row[1]))
        sections.append(
            {
                "currency": losses.currency,
                "label": losses.label,
                "chart": charts.bar_chart(
                    f"chart-losses-{losses.currency.lower()}",
                    gettext("Reported losses in %(currency)s by case type") % {"currency": losses.currency},
                    "; ".join(f"{datum.label}: {datum.display}" for datum in data),
                    data,
                ),
                "rows": rows,
                "questions": [
                    {
                        "case_type": type_labels.get(case_type, case_type),
                        "question": labels.get(question, question),
                        "key": question,
                        "total": money_text(total),
                        "cases": count_text(count),
                        "counted": question not in losses.transactions,
                    }
                    for case_type, question, total, count in questions
                ],
            }
        )
    return sections


# --- The page --------------------------------------------------------------------------------------
class StatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """Charts of the whole queue, for anyone who may see cases."""

    template_name = "forms_app/review/statistics.html"
    page_title = _("Case statistics")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cases = counted_cases(self.request.user)
        left_out = cases_visible_to(self.request.user).count() - cases.count()
        by_type = counts_by(cases, "case_type", CaseType.choices)
        by_status = counts_by(cases, "status", CaseStatus.choices)
        weekly = weekly_counts(cases, WEEKS_ON_PAGE)
        total = sum(count for _value, _label, count in by_type)
        queue = reverse(QUEUE_URL_NAME)
        context.update(
            total=count_text(total),
            total_count=total,
            left_out=count_text(left_out),
            left_out_count=left_out,
            weeks=WEEKS_ON_PAGE,
            by_type=[
                {"label": label, "count": count_text(count), "url": f"{queue}?{urlencode({'case_type': value})}"}
                for value, label, count in by_type
            ],
            by_type_chart=charts.bar_chart(
                "chart-case-types", gettext("Cases by case type"), total_description(by_type), bar_data(by_type)
            ),
            by_status=[
                {"label": label, "count": count_text(count), "url": f"{queue}?{urlencode({'status': value})}"}
                for value, label, count in by_status
            ],
            by_status_chart=charts.bar_chart(
                "chart-statuses", gettext("Cases by status"), total_description(by_status), bar_data(by_status)
            ),
            weekly=[
                {"label": date_format(monday, "SHORT_DATE_FORMAT"), "count": count_text(count)}
                for monday, count in reversed(weekly)
            ],
            weekly_chart=weekly_chart("chart-weekly", weekly),
            losses=loss_sections(cases),
            schedule_losses=[
                {**row, "total": money_text(row["total"]), "cases": count_text(row["cases"])}
                for row in schedule_losses(cases)
            ],
            schedule_method=REFERENCE_METHOD,
        )
        return context


# --- The admin home panel --------------------------------------------------------------------------
class StatisticsPanel(Component):
    """New cases, cases waiting for the claimant, cases assigned to you, and the weekly trend."""

    name = "case_statistics"
    template_name = "forms_app/review/panel.html"
    order = 50

    def is_shown(self, user):
        return can_view(user)

    def render_html(self, parent_context=None):
        if not self.is_shown(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_context_data(self, parent_context=None):
        user = parent_context["request"].user
        cases = cases_visible_to(user)
        counts = cases.order_by().aggregate(
            new=Count("pk", filter=Q(status=CaseStatus.NEW)),
            needs_information=Count("pk", filter=Q(status=CaseStatus.NEEDS_INFORMATION)),
            mine=Count("pk", filter=Q(assigned_to=user) & ~Q(status=CaseStatus.CLOSED)),
        )
        weekly = weekly_counts(counted_cases(user), WEEKS_IN_PANEL)
        values = [count for _monday, count in weekly]
        queue = reverse(QUEUE_URL_NAME)
        open_statuses = [("status", value) for value in CaseStatus.values if value != CaseStatus.CLOSED]
        open_and_mine = urlencode([("assigned", "me"), *open_statuses])
        return {
            "counts": [
                (gettext("New cases"), count_text(counts["new"]), f"{queue}?status={CaseStatus.NEW}"),
                (
                    gettext("Waiting for information from the claimant"),
                    count_text(counts["needs_information"]),
                    f"{queue}?status={CaseStatus.NEEDS_INFORMATION}",
                ),
                (gettext("Assigned to you and not closed"), count_text(counts["mine"]), f"{queue}?{open_and_mine}"),
            ],
            "sparkline": charts.sparkline(
                "case-panel-sparkline",
                gettext("New cases per week, last %(weeks)s weeks") % {"weeks": WEEKS_IN_PANEL},
                ", ".join(
                    f"{date_format(monday, 'MONTH_DAY_FORMAT')}: {count_text(count)}" for monday, count in weekly
                ),
                values,
            ),
            "this_week": count_text(values[-1]),
            "statistics_url": reverse(STATISTICS_URL_NAME),
        }


def add_statistics_panel(request, panels):
    """For the construct_homepage_panels hook: the panel, for case staff only."""
    if can_view(request.user):
        panels.append(StatisticsPanel())


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view(request.user)


def register_statistics_menu_item():
    """For the register_admin_menu_item hook (or a Cases submenu)."""
    return StatisticsMenuItem(
        _("Case statistics"), reverse_lazy(STATISTICS_URL_NAME), name="case-statistics", icon_name="table", order=160
    )
