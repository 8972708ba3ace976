"""Filters of the case queue (django-filter through Wagtail's WagtailFilterSet and widgets).

Every filter is a plain column condition or an EXISTS subquery, so the listing's row count and
query count stay the same whatever is chosen. No filter asks for DISTINCT (django-filter's default
for multiple choices): none of them joins a to-many relation, and a SELECT DISTINCT over every
column, sealed answers included, made the status filter four times slower at 100,000 cases.
"""

from datetime import timedelta

import django_filters
from django import forms
from django.conf import settings
from django.db import models
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect as WagtailBooleanRadioSelect

from cms.kept import Kept

from ..cases.indexing import has_possible_duplicate
from ..cases.models import Case, CaseAssessment, CaseStatus, CaseTag, CaseType
from ..intake import widgets


class ReadAtOnceQuerySet(models.QuerySet):
    """A small table's choices read with one plain query. A choice field iterates its queryset
    with ``iterator()``, which on PostgreSQL outside a transaction opens a server-side cursor WITH
    HOLD (DECLARE, FETCH, CLOSE, and the rows copied at the commit): 5 ms of every queue page for
    a handful of tags."""

    def iterator(self, chunk_size=None):
        return iter(self)


class KeptWidgetBoundField(BoundField):
    """A filter's widget rendered once per worker for each way it can look.

    The queue renders its eleven filters on every page (in the filter drilldown), mostly unchanged
    from one page to the next: a twelfth of the page's time. A widget's HTML is a function of the
    field's name, id, widget, value, choices (their values and labels, read for the key: tags and
    staff come from the database on each page) and the language, and is kept under exactly that."""

    def as_widget(self, widget=None, attrs=None, only_initial=False):
        if widget is not None or attrs or only_initial:
            return super().as_widget(widget, attrs, only_initial)
        field = self.field
        choices = getattr(field, "choices", None)
        key = (
            type(self.form).__name__,  # (django-filter makes a form class per filter set)
            self.html_name,
            self.auto_id,
            type(field.widget),
            tuple(sorted((name, str(value)) for name, value in field.widget.attrs.items())),
            field.disabled,
            field.required,
            repr(self.value()),
            None if choices is None else tuple((str(value), str(label)) for value, label in choices),
            get_language(),
        )
        return _kept_widgets.get_or_make(key, super().as_widget)


_kept_widgets = Kept(512)


class CaseFilterForm(forms.Form):
    bound_field_class = KeptWidgetBoundField


class BooleanRadioSelect(widgets.PlainMultipleInputMixin, WagtailBooleanRadioSelect):
    """Wagtail's All / Yes / No choice, written without a template per option (the queue's filter
    form was a fifth of its page's time)."""


ASSIGNED_CHOICES = [
    ("me", _("Assigned to me")),
    ("anyone", _("Assigned to anyone")),
    ("nobody", _("Unassigned")),
]
LIMITATION_CHOICES = [
    ("overdue", _("Overdue")),
    ("due_90", _("Due within 90 days")),
    ("due_365", _("Due within a year")),
    ("none", _("No date")),
]


def _at_least(score):
    return gettext("%(score)s or more") % {"score": score}


# Lazy: a lazy string's % is evaluated at once, which here (at import) would be in English.
at_least = lazy(_at_least, str)
MERIT_CHOICES = [(str(score), at_least(score)) for score in (5, 4, 3, 2, 1)] + [("none", _("Not scored yet"))]


class CaseFilterSet(WagtailFilterSet):
    case_type = django_filters.MultipleChoiceFilter(
        distinct=False, label=_("Case type"), choices=CaseType.choices, widget=widgets.CheckboxSelectMultiple
    )
    status = django_filters.MultipleChoiceFilter(
        distinct=False, label=_("Status"), choices=CaseStatus.choices, widget=widgets.CheckboxSelectMultiple
    )
    language = django_filters.MultipleChoiceFilter(
        distinct=False,
        label=_("Claimant's language"),
        choices=settings.LANGUAGES,
        widget=widgets.CheckboxSelectMultiple,
    )
    submitted = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), field_name="submitted_at", widget=DateRangePickerWidget
    )
    assigned = django_filters.ChoiceFilter(
        label=_("Assigned"),
        choices=ASSIGNED_CHOICES,
        method="filter_assigned",
        widget=widgets.RadioSelect,
        empty_label=_("All"),
    )
    has_evidence = django_filters.BooleanFilter(
        label=_("Has evidence"), method="filter_has_evidence", widget=BooleanRadioSelect
    )
    claimant_news = django_filters.BooleanFilter(
        label=_("Unread claimant activity"), field_name="claimant_activity_unread", widget=BooleanRadioSelect
    )
    possible_duplicate = django_filters.BooleanFilter(
        label=_("Possible duplicate"), method="filter_possible_duplicate", widget=BooleanRadioSelect
    )
    merit = django_filters.ChoiceFilter(
        label=_("Merit score"), choices=MERIT_CHOICES, method="filter_merit", empty_label=_("All")
    )
    limitation = django_filters.ChoiceFilter(
        label=_("Act by (limitation)"),
        choices=LIMITATION_CHOICES,
        method="filter_limitation",
        widget=widgets.RadioSelect,
        empty_label=_("All"),
    )
    tag = django_filters.ModelMultipleChoiceFilter(
        distinct=False,
        label=_("Tag"),
        queryset=ReadAtOnceQuerySet(CaseTag).order_by("name"),
        to_field_name="name",
        method="filter_tag",
        widget=widgets.CheckboxSelectMultiple,
    )

    class Meta:
        model = Case
        fields = []
        form = CaseFilterForm

    def filter_assigned(self, queryset, name, value):
        if value == "me":
            return queryset.filter(assigned_to=self.request.user)
        if value == "anyone":
            return queryset.filter(assigned_to__isnull=False)
        if value == "nobody":
            return queryset.filter(assigned_to__isnull=True)
        return queryset

    def filter_has_evidence(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(evidence_count__gt=0) if value else queryset.filter(evidence_count=0)

    def filter_possible_duplicate(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(has_possible_duplicate() if value else ~has_possible_duplicate())

    def filter_merit(self, queryset, name, value):
        if value == "none":
            scored = CaseAssessment.objects.filter(case=models.OuterRef("pk"), merit_score__isnull=False)
            return queryset.filter(~models.Exists(scored))
        if value:
            return queryset.filter(assessment__merit_score__gte=int(value))
        return queryset

    def filter_limitation(self, queryset, name, value):
        """Overdue: the date has passed; due within N days: from today to N days ahead (inclusive)."""
        today = timezone.localdate()
        if value == "overdue":
            return queryset.filter(limitation_date__lt=today)
        if value in ("due_90", "due_365"):
            days = 90 if value == "due_90" else 365
            return queryset.filter(limitation_date__gte=today, limitation_date__lte=today + timedelta(days=days))
        if value == "none":
            return queryset.filter(limitation_date__isnull=True)
        return queryset

    def filter_tag(self, queryset, name, value):
        """Cases with any of the chosen tags (EXISTS, so a case is listed once)."""
        if not value:
            return queryset
        through = CaseTag.cases.through
        tagged = through.objects.filter(case_id=models.OuterRef("pk"), casetag__in=list(value))
        return queryset.filter(models.Exists(tagged))
