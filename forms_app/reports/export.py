"""Case export for case managers: CSV or XLSX of a filtered set of cases, streamed.

Memory stays flat whatever the number of cases: cases are read in chunks, each is decrypted,
written out and forgotten, and output goes to the client as soon as it is made. (The XLSX's
Transactions sheet is the one thing kept until the Cases sheet is done: compressed in memory,
about 20 bytes per transaction, so that no case is decrypted twice.) Nothing touches
the disk (a plaintext temporary file would undo the encryption at rest): the XLSX is zipped on the
fly into a write-only buffer, which zipfile supports with data descriptors.

The serving process reads the cases (read_chunks); decrypting them and writing their rows
(ChunkWriter), most of an export's work, is done by EXPORT_PROCESSES forked processes side by side
(parallel.py) when the export is larger than one chunk, and the rows come back in order.

A file is complete only if its last row reads "complete: N cases" (N the number of cases in it):
an export cut short (a timeout, a dropped connection) leaves a file without that row, which must
be treated as truncated.

Each export is one entry in Wagtail's audit log, written when the export starts (nothing sent yet),
brought up to date every few thousand cases while it runs, and finished when the stream ends: the
format, how many cases were chosen, how many were written to the stream, whether the file was
complete, and the references written. (One entry per case made 100,000 rows per export.)
"""

import itertools
import json
import re
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Value
from django.db.models.base import ModelState
from django.db.models.functions import Cast
from django.http import HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.models import ModelLogEntry

from ..cases.models import Case, CaseAssessment, CaseTag, CaseType
from ..cases.models.wording import FormWording, wording_key
from ..intake.field_types import FieldType, TradeSchedule, export_cell, field_type
from ..intake.models import IntakeFormField
from ..review import audit
from ..review.permissions import display_name
from ..review.selection import select_cases
from .parallel import ordered_map
from .spreadsheets import RowBuffer, Sheet, csv_stream, csv_text, xlsx_body, xlsx_row, xlsx_workbook

EXPORT_ACTION = audit.EXPORT
# Cases read from the database per round trip (and per query of their tags).
CHUNK_SIZE = 500
# Cases decrypted and written per piece of work handed to an export process (parallel.py): the
# smaller, the less memory each process needs (a piece's rows and text are in memory at once);
# measured at 100,000 cases, 125 used a quarter less memory than 500 in as much time.
PIECE_SIZE = 125
# The audit entry of a running export is brought up to date every this many cases.
AUDIT_EVERY_CASES = 10_000
COMPLETE_MARKER = "complete: {count} cases"


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


def metadata_values(case, tag_names=None, assignee_names=None, tz=None):
    """Needs the queryset of `export_queryset` (merit score annotated); ``tag_names`` the case's
    tags and ``assignee_names`` {user id: name} (read per chunk by read_chunks; looked up if not given);
    ``tz`` the time zone of the dates (the current one if not given)."""
    tz = tz or timezone.get_current_timezone()
    score = getattr(case, "merit", None)
    if not hasattr(case, "merit"):
        try:
            score = case.assessment.merit_score
        except CaseAssessment.DoesNotExist:
            score = None
    if tag_names is None:
        tag_names = [tag.name for tag in case.tags.all()]
    if assignee_names is None or case.assigned_to_id not in assignee_names:
        assignee = display_name(case.assigned_to)
    else:
        assignee = assignee_names[case.assigned_to_id]
    return [
        case.reference,
        case.case_type,
        case.status,
        case.language,
        case.submitted_at.astimezone(tz).isoformat(timespec="minutes"),
        case.last_activity_at.astimezone(tz).isoformat(timespec="minutes"),
        assignee,
        score if score is not None else "",
        "; ".join(sorted(tag_names)),
        case.evidence_count,
    ]


# The columns light_cases reads of each case: what the rows, the answers and the wording need.
EXPORTED_FIELDS = (
    "reference",
    "case_type",
    "status",
    "language",
    "submitted_at",
    "last_activity_at",
    "form_translation_key",
    "evidence_count",
    "assigned_to_id",
    "key_id",
    "wrapped_key",
    "sealed_answers",
    "wording_id",
)


def light_case(names, row, db):
    """A read-only Case made from a plain row of ``names``.

    Django's model ``__init__`` was a sixth of an export's time. These objects carry the exported
    columns (EXPORTED_FIELDS) and the merit score, enough for ``answers`` and
    ``questions_as_seen``; any other field would be read from the database on first use, as a
    deferred field is. They are never saved."""
    case = Case.__new__(Case)
    case.__dict__.update(zip(names, row, strict=True))
    case._state = ModelState()
    case._state.adding, case._state.db = False, db
    return case


CHUNK_FIELDS = ("id", *EXPORTED_FIELDS, "merit")


def light_cases(cases):
    """The cases of an export, chunk by chunk, as light_case objects."""
    for row in cases.values_list(*CHUNK_FIELDS).iterator(chunk_size=CHUNK_SIZE):
        yield light_case(CHUNK_FIELDS, row, cases.db)


def export_queryset(cases):
    """Oldest first, the merit score joined as a column (light_cases reads only EXPORTED_FIELDS
    of it); tags and assignees' names are read per chunk by read_chunks."""
    return cases.annotate(merit=models.F("assessment__merit_score")).order_by("submitted_at", "pk")


# --- Values ----------------------------------------------------------------------------------------
def answer_cell(case, key):
    """One answer as a cell, written by its question's type (forms_app.intake.field_types)."""
    value = case.answers.get(key)
    if value is None:
        return ""
    return field_type(case.questions_as_seen.get(key, {}).get("field_type")).cell(value)


def cell_writers(case, keys, cache):
    """{answer key: (its column among ``keys``, its question type's cell writer)} for the wording
    ``case`` was filed with; computed once per wording (thousands of cases share one)."""
    seen = case.questions_as_seen
    # Cases filed before FormWording (or erased) carry their own wording: keyed by its hash too.
    marker = case.wording_id or wording_key(seen)
    writers = cache.get(marker)
    if writers is None:
        writers = cache[marker] = {}
        for index, key in enumerate(keys):
            kind = field_type(seen.get(key, {}).get("field_type"))
            # None: the type writes its cell as export_cell does (a string answer is its own cell).
            writers[key] = (index, None if type(kind).cell is FieldType.cell else kind.cell)
    return writers


# --- Rows, a chunk of cases at a time --------------------------------------------------------------
@dataclass
class Chunk:
    """Up to PIECE_SIZE cases as read from the database, with what their rows need besides."""

    rows: list  # plain rows of CHUNK_FIELDS, in export order
    tags: dict  # {case id: [tag names]}
    names: dict  # {assignee's user id: display name}
    wordings: dict  # {wording key: questions} of the chunk's cases
    first_row: int  # the sheet's row number of the first case


@dataclass
class WrittenChunk:
    data: bytes  # the chunk's rows as CSV lines or XLSX <row> elements
    references: list  # of the cases written, in order
    transactions: bytes  # JSON lines of their transaction rows (when asked for)


def read_chunks(cases, first_row=1):
    """The export's cases as Chunks of PIECE_SIZE, read CHUNK_SIZE at a time. This is the part that
    reads the database (in the serving process); ChunkWriter, which decrypts and writes, needs
    nothing more than a Chunk."""
    through = CaseTag.cases.through
    names = {None: ""}
    assignee, wording = CHUNK_FIELDS.index("assigned_to_id"), CHUNK_FIELDS.index("wording_id")
    rows = cases.values_list(*CHUNK_FIELDS).iterator(chunk_size=CHUNK_SIZE)
    for batch in itertools.batched(rows, CHUNK_SIZE):
        tags = {}
        for case_id, name in through.objects.filter(case_id__in=[row[0] for row in batch]).values_list(
            "case_id", "casetag__name"
        ):
            tags.setdefault(case_id, []).append(name)
        if missing := {row[assignee] for row in batch} - names.keys():
            names |= {user.pk: display_name(user) for user in get_user_model().objects.filter(pk__in=missing)}
        for piece in itertools.batched(batch, PIECE_SIZE):
            # Read (and checked against their keys) here: the writer may run where there is no database.
            wordings = {key: FormWording.questions_for(key) for key in {row[wording] for row in piece} - {None}}
            yield Chunk(
                list(piece),
                {row[0]: tags[row[0]] for row in piece if row[0] in tags},
                {row[assignee]: names[row[assignee]] for row in piece},
                wordings,
                first_row,
            )
            first_row += len(piece)


class ChunkWriter:
    """Writes a Chunk's cases as rows: metadata, the answers in ``keys`` order, then answers to
    removed questions; as CSV lines or XLSX rows. With ``schedules`` (trade schedule questions by
    form) it also collects the cases' transaction rows, so that the XLSX's second sheet needs no
    second pass over the cases. Touches no database: it runs in worker processes (parallel.py)."""

    def __init__(self, export_format, keys, tz, schedules=None, db="default"):
        self.export_format, self.keys, self.tz, self.schedules, self.db = export_format, keys, tz, schedules, db
        self.writers_by_wording = {}

    def __call__(self, chunk):
        FormWording._cache.update(chunk.wordings)
        lines, references, transactions = [], [], []
        for number, row in enumerate(chunk.rows, start=chunk.first_row):
            case = light_case(CHUNK_FIELDS, row, self.db)
            values = self.row(case, chunk)
            lines.append(csv_text((values,)) if self.export_format == "csv" else xlsx_row(number, values))
            if self.schedules is not None:
                for trade in case_transactions(case, self.schedules.get(case.form_translation_key, ())):
                    transactions.append(json.dumps(trade, ensure_ascii=False) + "\n")
            references.append(case.reference)
        return WrittenChunk("".join(lines).encode(), references, "".join(transactions).encode())

    def row(self, case, chunk):
        # The form's columns (of every form exported) start empty; a case fills only its own
        # answers' (a case answers one form: a fraction of the columns).
        writers = cell_writers(case, self.keys, self.writers_by_wording)
        cells = [""] * len(self.keys)
        extra = {}
        for key, value in case.answers.items():
            spot = writers.get(key)
            if spot is None:
                extra[key] = value
            elif value is not None:
                index, writer = spot
                if writer is not None:
                    cells[index] = writer(value)
                else:
                    cells[index] = value if value.__class__ is str else export_cell(value)
        row = metadata_values(case, chunk.tags.get(case.pk, []), chunk.names, self.tz)
        row += cells
        row.append(export_cell(extra))
        return row


def written_chunks(cases, writer, first_row, progress):
    """The export's chunks written by ``writer``, in order, on every core allowed (EXPORT_PROCESSES;
    a selection of one chunk is written here). ``progress`` records each chunk's cases as it is
    handed on."""
    processes = settings.EXPORT_PROCESSES if progress.selected > CHUNK_SIZE else 1
    for written in ordered_map(writer, read_chunks(cases, first_row), processes):
        progress.chunk_written(written.references)
        yield written


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


def case_transactions(case, keys):
    """The transaction rows of one case's trade schedule questions ``keys``."""
    for key in keys:
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


def transaction_rows(cases, questions, progress):
    """One row per transaction of the cases with a trade schedule, case by case in export order,
    then the row saying the file is complete; ``progress`` counts the cases written."""
    cases = cases.filter(form_translation_key__in=list(questions))
    for batch in itertools.batched(light_cases(cases), CHUNK_SIZE):
        for case in batch:
            yield from case_transactions(case, questions.get(case.form_translation_key, []))
            for cached in ("answer_payload", "data_key"):
                case.__dict__.pop(cached, None)
        progress.chunk_written([case.reference for case in batch])
    yield [COMPLETE_MARKER.format(count=progress.sent)]


def transactions_sheet_name():
    return re.sub(r"[\[\]:*?/\\]", "", gettext("Transactions"))[:31] or "Transactions"


# --- Files -----------------------------------------------------------------------------------------
def csv_cases(keys, chunks, progress):
    """The CSV: a byte-order mark (so spreadsheet programs read Chinese), the header of keys, the
    chunks' lines, then the row saying the file is complete."""
    yield ("\ufeff" + csv_text([keys])).encode()
    for written in chunks:
        yield written.data
    yield csv_text([[COMPLETE_MARKER.format(count=progress.sent)]]).encode()


def xlsx_cases(chunks, trades, progress):
    """The cases sheet's rows (after its two header rows), then its row saying it is complete;
    the chunks' transactions go to ``trades`` (a RowBuffer) for the second sheet."""
    for written in chunks:
        trades.add_lines(written.transactions)
        yield written.data
    yield xlsx_row(3 + progress.sent, [COMPLETE_MARKER.format(count=progress.sent)]).encode()


def sheet_name():
    """The translated word for cases, as Excel allows a sheet name (31 characters, none of []:*?/\\)."""
    return re.sub(r"[\[\]:*?/\\]", "", gettext("Cases"))[:31] or "Cases"


# --- Views -----------------------------------------------------------------------------------------
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ExportAudit:
    """The one audit entry of an export, kept up to date with what was written to the stream."""

    def __init__(self, user, export_format, selected):
        # The references sent, as JSON text, a chunk's in each item (kept as 100,000 strings and
        # made into a list for each save, they were a third of an export's memory).
        self._references_json = []
        self.sent = 0
        self.next_save = AUDIT_EVERY_CASES
        self.complete = False
        self.selected = selected
        self.base = {"format": export_format, "count": selected}
        self.entry = ModelLogEntry.objects.create(
            content_type=ContentType.objects.get_for_model(Case),
            object_id="export",
            label=gettext("Export of %(count)s cases") % {"count": selected},
            action=EXPORT_ACTION,
            user=user,
            uuid=uuid.uuid4(),
            timestamp=timezone.now(),
            data=self.data(),
        )

    def data(self):
        return self.base | {"sent": self.sent, "complete": self.complete, "references": []}

    def save(self):
        # The JSON is written here, the references being JSON already (see chunk_written).
        head = json.dumps(self.base | {"sent": self.sent, "complete": self.complete})
        text = head[:-1] + ', "references": [' + ", ".join(self._references_json) + "]}"
        ModelLogEntry.objects.filter(pk=self.entry.pk).update(data=Cast(Value(text), output_field=models.JSONField()))

    def chunk_written(self, references):
        """A chunk's rows (of the cases ``references``) are being handed to the stream: count
        them, and save the entry now and then."""
        if references:
            self._references_json.append(json.dumps(references)[1:-1])
            self.sent += len(references)
        if self.sent >= self.next_save:
            self.save()
            self.next_save += AUDIT_EVERY_CASES


def audited(content, progress):
    """Pass the stream on; when it ends (finished, or closed early by the server) finish the entry."""
    try:
        yield from content
        progress.complete = True
    finally:
        progress.save()


def export_view(request, export_format=None):
    """Stream the cases chosen in the queue (its filters and search, or ticked ids) to a case manager.

    The selection is the query string (as in the queue); the request itself must be a POST. The
    format is the URL's, else the `format` parameter: "csv", or "xlsx" (the default: what people
    open). One audit entry records what the stream delivered (see the module docstring).
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
    progress = ExportAudit(request.user, export_format, cases.count())

    tz = timezone.get_current_timezone()
    if export_format == "csv":
        # Machine-readable first: one header row of stable keys.
        writer = ChunkWriter("csv", [column.key for column in questions], tz, db=cases.db)
        content = csv_cases(keys, written_chunks(cases, writer, 2, progress), progress)
    else:
        # For people: the keys, then the questions in the exporter's language.
        # A second sheet: one row per transaction of the trade schedules, gathered (compressed in
        # memory) while the cases sheet is written, and written after it; its cases were logged
        # with the first sheet.
        trades = RowBuffer()
        writer = ChunkWriter("xlsx", [column.key for column in questions], tz, schedule_questions(cases), cases.db)
        cases_body = xlsx_cases(written_chunks(cases, writer, 3, progress), trades, progress)
        trade_columns = transaction_columns()
        trade_header = [[column.key for column in trade_columns], [str(column.label) for column in trade_columns]]
        content = xlsx_workbook(
            [
                Sheet(sheet_name(), [keys, labels], cases_body, len(columns)),
                Sheet(transactions_sheet_name(), trade_header, xlsx_body(trades, 3), len(trade_columns)),
            ]
        )

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(audited(content, progress), content_type=FORMATS[export_format])
    response["Content-Disposition"] = f'attachment; filename="cases-{stamp}.{export_format}"'
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def export_transactions(request):
    """The transactions of the selection's trade schedules as their own CSV, one row each, ending
    with the row saying it is complete; one audit entry lists the cases written, like any export."""
    cases, error = select_cases(request, strict=True)
    if error:
        return HttpResponseBadRequest(error, content_type="text/plain; charset=utf-8")
    cases = export_queryset(cases)
    questions = schedule_questions(cases)
    with_schedules = cases.filter(form_translation_key__in=list(questions))
    progress = ExportAudit(request.user, "csv-transactions", with_schedules.count())
    header = [column.key for column in transaction_columns()]
    content = (line.encode() for line in csv_stream([header], transaction_rows(cases, questions, progress)))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(audited(content, progress), content_type=FORMATS["csv"])
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
