"""Case export for case managers: CSV or XLSX of a filtered set of cases, streamed.

Memory stays flat whatever the number of cases: cases are read in chunks, each is decrypted,
written out and forgotten, and output goes to the client as soon as it is made. Nothing touches
the disk (a plaintext temporary file would undo the encryption at rest): the XLSX is zipped on the
fly into a write-only buffer, which zipfile supports with data descriptors.

Every exported case gets an entry in Wagtail's audit log, written just before its row is sent; the
entries of one export share a uuid, and their data names the format and the size of the export.
"""

import itertools
import re
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from ..cases.models import Case, CaseAssessment, CaseType
from ..intake.field_types import TradeSchedule, export_cell, field_type
from ..intake.models import IntakeFormField
from ..review import audit
from ..review.permissions import display_name
from ..review.selection import select_cases
from .spreadsheets import Sheet, csv_stream, xlsx_workbook

EXPORT_ACTION = audit.EXPORT
CHUNK_SIZE = 500


# --- Columns ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Column:
    key: str
    label: str


def metadata_columns():
    return [
        Column("reference", gettext("Reference")),
        Column("case_type", gettext("Case type")),
        Column("status", gettext("Status")),
        Column("language", gettext("Claimant's language")),
        Column("submitted", gettext("Submitted")),
        Column("last_activity", gettext("Last activity")),
        Column("assigned_to", gettext("Assigned to")),
        Column("merit_score", gettext("Merit score")),
        Column("tags", gettext("Tags")),
        Column("evidence_count", gettext("Evidence files")),
    ]


OTHER_ANSWERS = Column("other_answers", _("Answers to questions no longer on the form"))


def question_columns(cases):
    """One column per answer key of the exported cases' forms, forms in case-type order, then
    questions in the editors' order; labelled in the exporter's language where translated."""
    form_keys = cases.order_by().values("form_translation_key").distinct()
    rows = IntakeFormField.objects.filter(page__translation_key__in=form_keys).values_list(
        "clean_name", "label", "sort_order", "locale__language_code", "page__case_type", "page__translation_key"
    )
    type_order = {value: index for index, value in enumerate(CaseType.values)}
    language, source = get_language(), "en"

    def position(row):
        clean_name, _label, sort_order, row_language, case_type, form_key = row
        # The source-language form decides the order; translations only add what it lacks.
        return (type_order.get(case_type, len(type_order)), str(form_key), row_language != source, sort_order)

    order, labels = [], {}
    for clean_name, label, _sort, row_language, _type, _form in sorted(rows, key=position):
        if clean_name not in labels:
            order.append(clean_name)
            labels[clean_name] = {}
        labels[clean_name].setdefault(row_language, label)
    return [
        Column(key, labels[key].get(language) or labels[key].get(source) or next(iter(labels[key].values())))
        for key in order
    ]


def metadata_values(case):
    """Needs the queryset of `export_queryset` (assessment joined, tags prefetched per chunk)."""
    try:
        score = case.assessment.merit_score
    except CaseAssessment.DoesNotExist:
        score = None
    return [
        case.reference,
        case.case_type,
        case.status,
        case.language,
        timezone.localtime(case.submitted_at).isoformat(timespec="minutes"),
        timezone.localtime(case.last_activity_at).isoformat(timespec="minutes"),
        display_name(case.assigned_to),
        score if score is not None else "",
        "; ".join(sorted(tag.name for tag in case.tags.all())),
        case.evidence_count,
    ]


def export_queryset(cases):
    """Oldest first, with what the metadata columns need, in a constant number of queries per chunk."""
    return cases.select_related("assigned_to", "assessment").prefetch_related("tags").order_by("submitted_at", "pk")


# --- Values ----------------------------------------------------------------------------------------
def answer_cell(case, key):
    """One answer as a cell, written by its question's type (forms_app.intake.field_types)."""
    value = case.answers.get(key)
    if value is None:
        return ""
    return field_type(case.questions_as_seen.get(key, {}).get("field_type")).cell(value)


def case_rows(cases, questions, log):
    """One row per case: metadata, the answers in `questions` order, then answers to removed questions.

    `log(batch)` is called with each chunk of cases before any of their rows is produced.
    """
    known = {column.key for column in questions}
    batches = itertools.batched(cases.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE)
    for batch in batches:
        log(batch)
        for case in batch:
            answers = case.answers
            extra = {key: value for key, value in answers.items() if key not in known}
            row = [
                *metadata_values(case),
                *(answer_cell(case, column.key) for column in questions),
                export_cell(extra),
            ]
            # The chunk stays in memory until its last row is out: keep only its sealed form, and
            # drop related objects (case <-> assessment, prefetched tags: reference cycles that would
            # otherwise wait for the garbage collector).
            for cached in ("answer_payload", "data_key", "_prefetched_objects_cache"):
                case.__dict__.pop(cached, None)
            case._state.fields_cache.clear()
            yield row


# --- Transactions of trade schedules (one row per purchase or sale) --------------------------------
def transaction_columns():
    return [
        Column("reference", gettext("Reference")),
        Column("case_type", gettext("Case type")),
        Column("question", gettext("Question")),
        Column("row", gettext("Row")),
        Column("date", gettext("Date")),
        Column("side", gettext("Buy or sell")),
        Column("instrument", gettext("Security")),
        Column("quantity", gettext("Quantity")),
        Column("price", gettext("Price")),
        Column("currency", gettext("Currency")),
    ]


def schedule_questions(cases):
    """{form translation key: [answer keys of its trade schedule questions]} of the cases' forms."""
    form_keys = cases.order_by().values("form_translation_key").distinct()
    rows = IntakeFormField.objects.filter(
        page__translation_key__in=form_keys, field_type=TradeSchedule.key
    ).values_list("page__translation_key", "clean_name")
    found = {}
    for form_key, clean_name in rows:
        found.setdefault(form_key, [])
        if clean_name not in found[form_key]:
            found[form_key].append(clean_name)
    return found


def transaction_rows(cases, questions, log=None):
    """One row per transaction of the cases with a trade schedule, case by case in export order;
    ``log(batch)`` (a transactions-only export) is called with each chunk before its rows."""
    cases = cases.filter(form_translation_key__in=list(questions))
    for batch in itertools.batched(cases.iterator(chunk_size=CHUNK_SIZE), CHUNK_SIZE):
        if log is not None:
            log(batch)
        for case in batch:
            for key in questions.get(case.form_translation_key, []):
                schedule = case.answers.get(key) or {}
                for number, trade in enumerate(schedule.get("trades") or [], start=1):
                    yield [
                        case.reference,
                        case.case_type,
                        key,
                        number,
                        trade["date"],
                        trade["side"],
                        trade["instrument"],
                        trade["quantity"],
                        trade["price"],
                        trade["currency"],
                    ]
            for cached in ("answer_payload", "data_key"):
                case.__dict__.pop(cached, None)


def transactions_sheet_name():
    return re.sub(r"[\[\]:*?/\\]", "", gettext("Transactions"))[:31] or "Transactions"


# --- CSV -------------------------------------------------------------------------------------------
def sheet_name():
    """The translated word for cases, as Excel allows a sheet name (31 characters, none of []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", "", gettext("Cases"))[:31] or "Cases"


# --- Views -----------------------------------------------------------------------------------------
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def audit_logger(user, export_format, count):
    """A function writing one audit entry per case of a chunk, all sharing this export's uuid."""
    export_uuid = uuid.uuid4()
    content_type = ContentType.objects.get_for_model(Case)
    data = {"format": export_format, "count": count}

    def log(batch):
        now = timezone.now()
        ModelLogEntry.objects.bulk_create(
            ModelLogEntry(
                content_type=content_type,
                object_id=str(case.pk),
                label=case.reference,
                action=EXPORT_ACTION,
                user=user,
                uuid=export_uuid,
                timestamp=now,
                data=data,
            )
            for case in batch
        )

    return log


def export_view(request, export_format=None):
    """Stream the cases chosen in the queue (its filters and search, or ticked ids) to a case manager.

    The selection is the query string (as in the queue); the request itself must be a POST. The
    format is the URL's, else the `format` parameter: "csv", or "xlsx" (the default: what people
    open). Each case is written to the audit log just before its row is sent.
    """
    export_format = export_format or request.GET.get("format", "xlsx")
    if export_format not in FORMATS:
        return HttpResponseBadRequest(gettext("Unknown export format."), content_type="text/plain; charset=utf-8")
    cases, error = select_cases(request, strict=True)
    if error:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    cases = export_queryset(cases)

    # Labels are made now, in the exporter's language: the stream runs after this view returns.
    questions = question_columns(cases)
    columns = [*metadata_columns(), *questions, OTHER_ANSWERS]
    keys = [column.key for column in columns]
    labels = [str(column.label) for column in columns]
    log = audit_logger(request.user, export_format, cases.count())
    rows = case_rows(cases, questions, log)

    if export_format == "csv":
        # Machine-readable first: one header row of stable keys.
        content = (line.encode() for line in csv_stream([keys], rows))
    else:
        # For people: the keys, then the questions in the exporter's language.
        # A second sheet: one row per transaction of the trade schedules, read in a second pass
        # (decrypting again) so memory stays flat; its cases were logged with the first sheet.
        trade_columns = transaction_columns()
        content = xlsx_workbook(
            [
                Sheet(sheet_name(), [keys, labels], rows, len(columns)),
                Sheet(
                    transactions_sheet_name(),
                    [[column.key for column in trade_columns], [str(column.label) for column in trade_columns]],
                    transaction_rows(cases, schedule_questions(cases)),
                    len(trade_columns),
                ),
            ]
        )

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(content, content_type=FORMATS[export_format])
    response["Content-Disposition"] = f'attachment; filename="cases-{stamp}.{export_format}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def export_transactions(request):
    """The transactions of the selection's trade schedules as their own CSV, one row each; the cases
    with a schedule are written to the audit log like any export."""
    cases, error = select_cases(request, strict=True)
    if error:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    cases = export_queryset(cases)
    questions = schedule_questions(cases)
    with_schedules = cases.filter(form_translation_key__in=list(questions))
    log = audit_logger(request.user, "csv-transactions", with_schedules.count())
    header = [column.key for column in transaction_columns()]
    content = (line.encode() for line in csv_stream([header], transaction_rows(cases, questions, log)))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(content, content_type=FORMATS["csv"])
    response["Content-Disposition"] = f'attachment; filename="transactions-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# Only a POST (with the CSRF token of the confirmation page, forms_app_review:export) starts a
# download: a cross-site link or image cannot drop a plaintext file on a case manager's disk.
@require_POST
def export_csv(request):
    return export_view(request, "csv")


@require_POST
def export_xlsx(request):
    return export_view(request, "xlsx")
