"""Which cases a person chose in the queue: its filters, its search and the ticked cases.

One definition serves the listing (forms_app.review.listing), the bulk actions and the export, so
an action or an export never holds other cases than the queue showed.
"""

from django.utils.translation import gettext

from ..cases import indexing
from ..cases.models import Case
from .filters import CaseFilterSet
from .permissions import cases_visible_to

# Listing parameters that do not change which cases there are.
NEUTRAL_PARAMETERS = {"format", "ordering", "p", "per_page", "_w_filter_fragment", "export", "next", "childOf"}


def known_parameters(form):
    """Every GET name the queue's filter form reads (multi-part widgets read one per part)."""
    names = {"q", "id", "ids"}
    for name, form_field in form.fields.items():
        widget = form_field.widget
        if hasattr(widget, "suffixed"):  # django-filter's SuffixedMultiWidget: submitted_from, submitted_to
            names.update(widget.suffixed(name, suffix) for suffix in widget.suffixes)
        else:  # Django's MultiWidget: name_0, name_1; a plain widget: name
            names.update(f"{name}{suffix}" for suffix in getattr(widget, "widgets_names", None) or [""])
    return names


def selected_ids(params):
    """Ticked cases: repeated id=3&id=5 (the bulk action) or ids=3,5 (a link); None if neither.
    "all" (the bulk action's "select all in listing") means no narrowing by id."""
    raw = params.getlist("id") + [part for value in params.getlist("ids") for part in value.split(",")]
    raw = [part.strip() for part in raw if part.strip() and part.strip() != "all"]
    if not raw:
        return None
    if not all(part.isdigit() for part in raw):
        raise ValueError
    return [int(part) for part in raw]


def apply_filters(queryset, filters):
    """The queue's filters; an invalid filter form narrows nothing (the listing shows its errors)."""
    if filters is not None and filters.is_valid():
        return filters.filter_queryset(queryset)
    return queryset


# The queue opens at most this many candidates per request, in the listing's order, and only as
# many as the page needs; bulk actions and exports confirm them all.
LISTING_CONFIRM_LIMIT = 20000


def search(queryset, query, limit=None):
    """(the cases of ``queryset`` matching ``query``, True if every candidate was checked).

    A reference (or its beginning) is looked up directly. Words go through the truncated blind
    index (forms_app.cases.indexing): its candidates are confirmed one by one by opening their
    sealed index, newest first, at most ``limit`` of them."""
    query = (query or "").strip()
    if not query:
        return queryset, True
    plan = indexing.plan_search(query)
    candidates = indexing.candidate_cases(queryset, plan)
    if plan.reference or plan.empty:
        return candidates, True
    rows = candidates.order_by("-submitted_at", "-pk").values_list(*indexing.CONFIRM_FIELDS)
    complete = True
    if limit:
        rows = list(rows[: limit + 1])
        complete = len(rows) <= limit
        rows = rows[:limit]
    else:
        rows = rows.iterator(chunk_size=2000)
    return queryset.filter(pk__in=list(indexing.confirmed(rows, plan))), complete


FIRST_WINDOW = 200
CONFIRM_CHUNK = 2000


def confirmed_in_order(candidates, plan, wanted, scan_limit):
    """(pks, exhausted): confirmed cases of the ordered ``candidates``, at least ``wanted`` of them
    unless every candidate was opened (then all, and exhausted is True), at most ``scan_limit``
    candidates opened.

    A common word fills a page from the first FIRST_WINDOW candidates (one query, which PostgreSQL
    answers walking the queue's order index). Otherwise the remaining candidates' keys are read in
    order in one query and their sealed indexes opened CONFIRM_CHUNK at a time."""
    first = list(candidates.values_list(*indexing.CONFIRM_FIELDS)[:FIRST_WINDOW])
    found = list(indexing.confirmed(first, plan))
    if len(first) < FIRST_WINDOW:
        return found, True
    if len(found) >= wanted:
        return found, False
    rest = list(candidates.values_list("pk", flat=True)[FIRST_WINDOW:scan_limit])
    for start in range(0, len(rest), CONFIRM_CHUNK):
        keys = rest[start : start + CONFIRM_CHUNK]
        rows = {row[0]: row for row in Case.objects.filter(pk__in=keys).values_list(*indexing.CONFIRM_FIELDS)}
        found += indexing.confirmed([rows[key] for key in keys if key in rows], plan)
        if len(found) >= wanted and start + CONFIRM_CHUNK < len(rest):
            return found, False
    return found, len(rest) < scan_limit - FIRST_WINDOW


def apply_search(queryset, query):
    return search(queryset, query)[0]


def select_cases(request, strict=False):
    """(cases, None) the user may see, narrowed as the queue in ``request.GET`` narrows them, or
    (None, reason) when ``strict`` (an export) and a filter could not be applied: a filter left out
    would hand over more cases than the person chose."""
    params = request.GET
    cases = cases_visible_to(request.user)
    filters = CaseFilterSet(params, queryset=cases, request=request)
    if strict:
        unknown = sorted(set(params) - known_parameters(filters.form) - NEUTRAL_PARAMETERS)
        if unknown:
            return None, gettext("This export does not understand the filter %(names)s.") % {
                "names": ", ".join(unknown)
            }
        if not filters.is_valid():
            return None, " ".join(str(message) for messages in filters.errors.values() for message in messages)
    cases = apply_search(apply_filters(cases, filters), params.get("q"))
    try:
        ids = selected_ids(params)
    except ValueError:
        return None, gettext("Case numbers must be whole numbers.")
    if ids is not None:
        cases = cases.filter(pk__in=ids)
    return cases, None
