"""The investor's trade schedule: the holdings check (in three languages), rows added and removed
without JavaScript, what filing keeps, the export of transactions, and losses first in, first out."""

import csv
import io
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry

from forms_app.cases import erasure
from forms_app.cases.models import Case, Draft, DraftEvidence, LimitationRule, ReferencePrice, TradePosition
from forms_app.intake.field_types import TradeSchedule
from forms_app.intake.stepping import ACTION_FIELD, STEP_FIELD, post_keys_of
from forms_app.intake.trade_schedule import fifo_positions, loss_of
from forms_app.reports.export import EXPORT_ACTION
from forms_app.reports.statistics import countable
from forms_app.reports.trade_losses import schedule_losses
from tests.builders import file_case, intake_form
from tests.helpers import soup, visible_text
from tests.intake.builders import complete_answers, evidence_files
from tests.intake.stepper import progress, send, walk_to_review

pytestmark = pytest.mark.django_db

KEY = "trade_schedule"


def trade(date, side, quantity, price, instrument="hk_0700", currency="HKD"):
    return {
        "date": date,
        "side": side,
        "instrument": instrument,
        "quantity": quantity,
        "price": price,
        "currency": currency,
    }


# The worked example: 100 shares held before the class period, two purchases and two sales of
# 0700.HK in HKD, and a round trip in TCEHY at a gain.
WORKED = {
    "opening": {"hk_0700": "100", "tcehy_adr": "0"},
    "closing": {"hk_0700": "130", "tcehy_adr": "0"},
    "trades": [
        trade("2021-01-10", "buy", "200", "600"),
        trade("2021-02-01", "buy", "10", "80", "tcehy_adr", "USD"),
        trade("2021-03-01", "sell", "150", "500"),
        trade("2021-04-01", "sell", "10", "90", "tcehy_adr", "USD"),
        trade("2021-06-01", "buy", "100", "550"),
        trade("2021-09-01", "sell", "120", "450"),
    ],
}

# Sells 50 shares never held, and claims 10 at the end.
DOES_NOT_ADD_UP = {
    "opening": {"hk_0700": "0", "tcehy_adr": "0"},
    "closing": {"hk_0700": "10", "tcehy_adr": "0"},
    "trades": [trade("2021-01-10", "sell", "50", "400")],
}

MESSAGES = {
    "en": (
        "Transaction 1 (Tencent shares (0700.HK)): on",
        "you sold 50, but by then you held only 0.",
        "Tencent shares (0700.HK): 0 held at the start, plus 0 bought, minus 50 sold, makes -50, "
        "but you entered 10 held at the end.",
    ),
    "zh-hans": (
        "第 1 笔交易（腾讯股票（0700.HK））：您在",
        "卖出了 50，但当时您只持有 0。",
        "腾讯股票（0700.HK）：开始时持有 0，加上买入 0，减去卖出 50，应为 -50，但您填写的结束时持有数量是 10。",
    ),
    "zh-hant": (
        "第 1 筆交易（騰訊股票（0700.HK））：您在",
        "賣出了 50，但當時您只持有 0。",
        "騰訊股票（0700.HK）：開始時持有 0，加上買進 0，減去賣出 50，應為 -50，但您填寫的結束時持有數量是 10。",
    ),
}


def posted(page, schedule, **extra):
    data = complete_answers(page, files=[])
    data = {key: value for key, value in data.items() if not key.startswith(KEY + "__")}
    data.update(TradeSchedule().post(KEY, schedule))
    data.update(extra)
    return data


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_a_schedule_that_does_not_add_up_is_refused_with_the_row_and_security_named(language):
    """A sale larger than the holding at its date and a closing holding that opening + buys - sells
    does not give are both explained, in the claimant's language, naming row and security."""
    page = intake_form("investor", language)
    response = Client().post(page.url, posted(page, DOES_NOT_ADD_UP))
    assert response.status_code == 200  # the form again, with its errors
    text = soup(response).select_one(f"#id_{KEY}_question").get_text(" ", strip=True)
    for message in MESSAGES[language]:
        assert message in text
    assert not Case.objects.exists()


def test_an_incomplete_row_is_named_and_the_typed_values_stay():
    """A row missing its price is named; everything typed is shown again."""
    page = intake_form("investor", "en")
    schedule = {**WORKED, "trades": [{**WORKED["trades"][0], "price": ""}]}
    response = Client().post(page.url, posted(page, schedule))
    assert response.status_code == 200  # the form again, with its errors
    html = soup(response)
    assert "Transaction 1 is incomplete" in html.select_one(f"#id_{KEY}_question").get_text()
    assert html.select_one(f"#id_{KEY}__0__quantity")["value"] == "200"


def test_add_a_row_without_javascript_shows_the_whole_form_again_with_a_blank_row_and_no_errors():
    """In a POST of the whole form (no step), "Add a transaction" shows the form again with one more
    row, keeping what was typed, complaining about nothing and filing nothing."""
    page = intake_form("investor", "zh-hant")
    data = posted(page, WORKED, **{f"{KEY}__add_rows": "1", "how_misled": ""})
    response = Client().post(page.url, data)
    assert response.status_code == 200
    html = soup(response)
    rows = html.select("[data-trade-row]")
    assert len(rows) == len(WORKED["trades"]) + 1
    assert html.select_one(f"#id_{KEY}__2__quantity")["value"] == "150"
    assert html.select_one(f"#id_{KEY}__6__quantity")["value"] == ""
    assert html.select_one(f"input[name={KEY}__rows]")["value"] == str(len(rows))
    assert not html.select(".field-errors") and not html.select("#form-errors")
    assert html.select_one("#id_how_misled") is not None
    assert not Case.objects.exists()


def test_remove_a_row_of_the_whole_form_without_javascript_drops_only_that_row():
    """ "Remove this transaction" on row 2 shows the form again without it; the others keep their values."""
    page = intake_form("investor", "en")
    response = Client().post(page.url, posted(page, WORKED, **{f"{KEY}__remove_row": "1"}))
    assert response.status_code == 200
    html = soup(response)
    quantities = [row.select_one("[data-part=quantity]")["value"] for row in html.select("[data-trade-row]")]
    assert quantities == ["200", "150", "10", "100", "120"]
    assert not Case.objects.exists()


def test_a_schedule_that_adds_up_is_filed_and_shown_to_reviewers_as_a_table(login, reviewer):
    """A valid schedule is stored as typed (in date order of rows) and the case page shows a table."""
    case = file_case("investor", "en", **TradeSchedule().post(KEY, WORKED))
    assert case.answers[KEY]["closing"] == {"hk_0700": "130", "tcehy_adr": "0"}
    assert [row["quantity"] for row in case.answers[KEY]["trades"]] == ["200", "10", "150", "10", "100", "120"]
    response = login(reviewer).get(reverse("forms_app_review:detail", args=[case.pk]))
    table = soup(response).select_one(".case-answer-table table")
    cells = [[cell.get_text(strip=True) for cell in row.select("td")] for row in table.select("tbody tr")]
    assert cells[0][1:] == ["Jan. 10, 2021", "Buy", "Tencent shares (0700.HK)", "200", "600", "HKD"]
    assert len(cells) == 6


def test_the_export_has_one_row_per_transaction_in_a_sheet_and_a_csv(login, case_manager):
    """XLSX: a second sheet of transactions; a transactions CSV; one row per purchase or sale."""
    case = file_case("investor", "en", **TradeSchedule().post(KEY, WORKED))
    file_case("persecution", "en")  # a case without a schedule adds no transaction row
    client = login(case_manager)
    expected = [
        [case.reference, "investor", KEY, 1, "2021-01-10", "buy", "hk_0700", "200", "600", "HKD"],
        [case.reference, "investor", KEY, 2, "2021-02-01", "buy", "tcehy_adr", "10", "80", "USD"],
        [case.reference, "investor", KEY, 3, "2021-03-01", "sell", "hk_0700", "150", "500", "HKD"],
        [case.reference, "investor", KEY, 4, "2021-04-01", "sell", "tcehy_adr", "10", "90", "USD"],
        [case.reference, "investor", KEY, 5, "2021-06-01", "buy", "hk_0700", "100", "550", "HKD"],
        [case.reference, "investor", KEY, 6, "2021-09-01", "sell", "hk_0700", "120", "450", "HKD"],
    ]
    response = client.post(reverse("forms_app_review:export_xlsx"))
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    assert workbook.sheetnames == ["Cases", "Transactions"]
    keys, _labels, *rows = [list(row) for row in workbook["Transactions"].iter_rows(values_only=True)]
    assert keys[:4] == ["reference", "case_type", "question", "row"]
    assert rows == expected

    assert client.get(reverse("forms_app_review:export_transactions")).status_code == 405  # downloads are POSTs
    response = client.post(reverse("forms_app_review:export_transactions"))
    assert response.status_code == 200 and "transactions-" in response["Content-Disposition"]
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert header[0] == "reference"
    *rows, last = rows
    assert rows == [[str(cell) for cell in row] for row in expected]
    assert last == ["complete: 1 cases"]  # only the case with a schedule; a cut-short file lacks this row
    entry = ModelLogEntry.objects.filter(action=EXPORT_ACTION, data__format="csv-transactions").get()
    assert entry.data["complete"] and entry.data["references"] == [case.reference]


def test_fifo_loss_of_the_worked_example():
    """Worked example, first in, first out, reference price 400 HKD for 0700.HK:
    - the sale of 150 on 1 March takes the 100 held before the period (no loss) and 50 of the 200
      bought at 600: 50 x (600 - 500) = 5,000;
    - the sale of 120 on 1 September takes 120 more of that purchase: 120 x (600 - 450) = 18,000;
    - still held at the end: 30 bought at 600 and 100 bought at 550, cost 73,000, worth 130 x 400 =
      52,000: 21,000;
    - 0700.HK in HKD: 5,000 + 18,000 + 21,000 = 44,000. TCEHY was sold at a gain (10 x (80 - 90) =
      -100 USD), which counts as no loss."""
    positions = fifo_positions(WORKED)
    hkd = next(item for item in positions if item.currency == "HKD")
    assert (hkd.realised_loss, hkd.held_quantity, hkd.held_cost) == (Decimal(23000), Decimal(130), Decimal(73000))
    losses = loss_of(positions, {("hk_0700", "HKD"): Decimal(400)})
    assert losses == {"HKD": Decimal(44000), "USD": Decimal(0)}


def test_statistics_sum_schedule_losses_of_consenting_claimants_against_the_reference_price():
    """Filing keeps the FIFO positions only with consent to statistics; the statistics value them at
    the case type's reference price."""
    ReferencePrice.objects.create(case_type="investor", instrument="hk_0700", currency="HKD", price=Decimal(400))
    counted = file_case("investor", "en", **TradeSchedule().post(KEY, WORKED))
    refused = file_case("investor", "en", consent_statistics="", **TradeSchedule().post(KEY, WORKED))
    assert TradePosition.objects.filter(case=counted).count() == 2
    assert not TradePosition.objects.filter(case=refused).exists()
    losses = {row["currency"]: row for row in schedule_losses(countable(Case.objects.all()))}
    assert losses["HKD"]["total"] == Decimal(44000) and losses["HKD"]["cases"] == 1
    assert losses["USD"]["total"] == 0 and losses["USD"]["cases"] == 0


def test_the_statistics_page_states_the_method_and_the_schedule_losses(login, reviewer):
    """Case statistics show the FIFO total per currency with the method in words."""
    ReferencePrice.objects.create(case_type="investor", instrument="hk_0700", currency="HKD", price=Decimal(400))
    file_case("investor", "en", **TradeSchedule().post(KEY, WORKED))
    response = login(reviewer).get(reverse("forms_app_review:statistics"))
    text = soup(response).get_text(" ", strip=True)
    assert "computed first in, first out" in text
    row = soup(response).select_one("#stats-schedule-losses ~ table tbody tr").get_text(" ", strip=True)
    assert row == "HKD 44,000.00 1"


def test_the_export_page_links_the_transactions_csv(login, case_manager):
    """Beside CSV and XLSX, the export page offers the transactions of the same selection."""
    response = login(case_manager).get(reverse("forms_app_review:export"), {"case_type": "investor"})
    button = soup(response).find("button", string="Download Transactions (CSV)")
    assert (
        button.find_parent("form")["action"] == reverse("forms_app_review:export_transactions") + "?case_type=investor"
    )
    assert button.find_parent("form")["method"] == "post"


# --- In the stepped form (what claimants use), without JavaScript ---------------------------------
def step_data(page, schedule, **extra):
    """Step 1 of the builders' form (one step: every question) as a browser without scripts sends it."""
    return {STEP_FIELD: "1", ACTION_FIELD: "next", **posted(page, schedule), **extra}


def schedule_as_shown(document):
    """The schedule's inputs and selects as a browser would send them from the page."""
    data = {tag["name"]: tag.get("value", "") for tag in document.select(f"input[name^={KEY}__]")}
    for select in document.select(f"select[name^={KEY}__]"):
        chosen = select.select_one("option[selected]")
        data[select["name"]] = chosen["value"] if chosen else ""
    return data


def test_add_a_row_on_a_step_keeps_the_answers_and_files_in_the_draft_and_files_nothing(client, evidence_dir):
    """ "Add a transaction" on the schedule's step: the step comes back (after a redirect, opened at
    the new row) with one more row, what was typed and the files chosen on the same step kept in
    the draft, no error shown, and no case filed."""
    page = intake_form("investor", "zh-hant")
    data = step_data(page, WORKED, **{f"{KEY}__add_rows": "1"})
    data.pop(ACTION_FIELD)  # the pressed button is the one sent
    data["evidence"] = evidence_files()
    response = client.post(page.url, data, format="multipart")
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#id_{KEY}__6__row"
    shown = soup(client.get(page.url))
    rows = shown.select("[data-trade-row]")
    assert len(rows) == len(WORKED["trades"]) + 1
    assert rows[-1]["id"] == f"id_{KEY}__6__row"
    assert shown.select_one(f"#id_{KEY}__2__quantity")["value"] == "150"
    assert shown.select_one(f"#id_{KEY}__6__quantity")["value"] == ""
    assert shown.select_one(f"#id_{KEY}__closing__hk_0700")["value"] == "130"
    assert shown.select_one(f"input[name={KEY}__rows]")["value"] == str(len(rows))
    assert not shown.select(".field-errors") and not shown.select("#form-errors")
    assert "截图 1.jpg" in visible_text(shown.select_one(".kept-files"))
    assert progress(client.get(page.url))[0] == 1
    assert Draft.objects.count() == 1 and DraftEvidence.objects.count() == 2
    assert not Case.objects.exists()
    # A refresh of the page adds nothing more.
    assert len(soup(client.get(page.url)).select("[data-trade-row]")) == len(WORKED["trades"]) + 1


def test_remove_a_row_on_a_step_drops_only_that_row_and_the_rest_is_filed(client, django_capture_on_commit_callbacks):
    """ "Remove this transaction" on row 2 (a stray purchase of 5 ADRs) shows the step again without it
    and the others renumbered; the schedule, now adding up, is filed with the case."""
    page = intake_form("investor", "en")
    stray = trade("2021-01-20", "buy", "5", "70", "tcehy_adr", "USD")
    schedule = {**WORKED, "trades": [WORKED["trades"][0], stray, *WORKED["trades"][1:]]}
    data = step_data(page, schedule, **{f"{KEY}__remove_row": "1"})
    data.pop(ACTION_FIELD)
    assert client.post(page.url, data).status_code == 302
    shown = soup(client.get(page.url))
    quantities = [row.select_one("[data-part=quantity]")["value"] for row in shown.select("[data-trade-row]")]
    assert quantities == ["200", "10", "150", "10", "100", "120"]
    assert not Case.objects.exists() and Draft.objects.count() == 1

    # Next, sending the schedule as the page shows it (as a browser does), then the review page.
    answers = {**posted(page, WORKED), **schedule_as_shown(shown)}
    review = walk_to_review(client, page, answers)
    listed = [item.get_text(" ", strip=True) for item in soup(review).select(".review-trades li")]
    assert len(listed) == 6 and listed[0].startswith("Jan. 10, 2021 · Buy · Tencent shares (0700.HK) · 200 · 600")
    with django_capture_on_commit_callbacks(execute=True):
        assert send(client, page, review).status_code == 302
    case = Case.objects.get()
    assert [row["quantity"] for row in case.answers[KEY]["trades"]] == ["200", "10", "150", "10", "100", "120"]
    assert Draft.objects.count() == 0


def test_next_with_a_schedule_that_does_not_add_up_names_row_and_security_in_traditional_chinese(client):
    """Next on the schedule's step: the step is shown again at once with the holdings check in the
    claimant's language; what was typed is kept in the draft."""
    page = intake_form("investor", "zh-hant")
    response = client.post(page.url, step_data(page, DOES_NOT_ADD_UP))
    assert response.status_code == 200 and progress(response)[0] == 1
    text = soup(response).select_one(f"#id_{KEY}_question").get_text(" ", strip=True)
    for message in MESSAGES["zh-hant"]:
        assert message in text
    assert soup(client.get(page.url)).select_one(f"#id_{KEY}__0__quantity")["value"] == "50"
    assert not Case.objects.exists()


def test_the_schedule_keys_are_its_own_and_no_other_question_s():
    """The step flow keeps a schedule's row and holding keys with it, and nothing of a question
    whose key only begins like the schedule's."""
    keys = {f"{KEY}__rows", f"{KEY}__0__date", f"{KEY}__opening__hk_0700", f"{KEY}__add_rows", f"{KEY}__remove_row"}
    others = {f"{KEY}__notes", f"{KEY}_extra", f"{KEY}__0__colour", KEY + "x__rows"}
    assert set(post_keys_of(KEY, dict.fromkeys(keys | others))) == keys


def test_a_withdrawn_case_keeps_neither_its_trade_positions_nor_its_limitation_date():
    """Erasure leaves a tombstone: the FIFO positions (amounts) and the act-by date (which follows
    from the incident's dates) go with the answers."""
    LimitationRule.objects.create(case_type="persecution", years=3)
    dated = file_case("persecution", "en", incident_period_0="2022-05-10", incident_period_1="2023-01-31")
    investor = file_case("investor", "en", **TradeSchedule().post(KEY, WORKED))
    assert Case.objects.get(pk=dated.pk).limitation_date is not None
    assert TradePosition.objects.filter(case=investor).exists()
    erasure.withdraw(dated)
    erasure.withdraw(investor)
    assert Case.objects.get(pk=dated.pk).limitation_date is None
    assert not TradePosition.objects.filter(case=investor).exists()
