"""The investor's trade schedule: every purchase and sale of Tencent securities, with the holdings at
the start and the end of the class period, checked so that the schedule adds up.

The answer (stored sealed like every answer) is
``{"opening": {instrument: qty}, "closing": {instrument: qty}, "trades": [{date, side, instrument,
quantity, price, currency}, ...]}``, every number a decimal string.

Rows are added and removed without JavaScript by two submit buttons (``<name>__add_rows``,
``<name>__remove_row``) that show the form again with what was typed and nothing filed: on a step,
the step flow keeps the rows as changed in the draft (``settle_rows``, forms_app.intake.stepping);
in a POST of the whole form, ``IntakeFormPage.serve`` shows that form again. With JavaScript,
``forms_app/trade_schedule.js`` adds and removes rows in the page.
"""

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..cases.models import INSTRUMENTS
from .choices import CURRENCY_CHOICES

SIDES = [("buy", _("Buy")), ("sell", _("Sell"))]
PARTS = ("date", "side", "instrument", "quantity", "price", "currency")
BLANK_ROWS = 3  # shown on a fresh form
MORE_ROWS = 1  # added by "Add a transaction" without JavaScript (as with it)
# Six inputs a row: 150 rows stay under Django's DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) with the rest
# of a whole form; past it Django would refuse the whole POST.
MAX_ROWS = 150
ADD_ROWS, REMOVE_ROW, ROW_COUNT = "__add_rows", "__remove_row", "__rows"


def decimal_text(value: Decimal) -> str:
    """A quantity or price as typed, without trailing zeros or exponent (``100``, ``12.5``)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def instrument_label(key):
    return str(dict(INSTRUMENTS).get(key, key))


def rows_changed(data):
    """Whether a POST is an "add rows" or "remove row" press (no JavaScript), not a submission."""
    return any(key.endswith((ADD_ROWS, REMOVE_ROW)) for key in data)


# The POST keys of a schedule named ``name`` are ``name`` followed by one of these.
_PARTS = "|".join(PARTS)
PART_KEY = re.compile(rf"__(?:rows|add_rows|remove_row|\d+__(?:{_PARTS})|(?:opening|closing)__[a-z0-9_]+)")


def is_part_key(name, key):
    """Whether a POST key carries part of the schedule ``name`` (a row's part, a holding, the row count)."""
    return key.startswith(name + "__") and PART_KEY.fullmatch(key[len(name) :]) is not None


def settle_rows(data, name):
    """Apply an "add" or "remove" press to the mutable QueryDict ``data``: the schedule's keys are
    written again as the rows now are (renumbered, the buttons' keys gone), so a draft keeps the
    rows as the claimant sees them. Returns the index of the row to bring into view (the one added,
    or the one now where a row was removed), or None when no button was pressed."""
    pressed_add = bool(data.get(name + ADD_ROWS))
    remove = data.get(name + REMOVE_ROW)
    value = TradeScheduleWidget().value_from_datadict(data, {}, name)
    for key in [key for key in data if is_part_key(name, key)]:
        del data[key]
    rows = value["rows"]
    data[name + ROW_COUNT] = str(len(rows))
    for index, row in enumerate(rows):
        for part in PARTS:
            if row[part]:
                data[f"{name}__{index}__{part}"] = row[part]
    for when in ("opening", "closing"):
        for key, quantity in value[when].items():
            if quantity:
                data[f"{name}__{when}__{key}"] = quantity
    if pressed_add:
        return len(rows) - 1
    if remove is not None and str(remove).isdigit():
        return min(int(remove), len(rows) - 1)
    return None


def keep_editing(form):
    """The bound form shown again as typed, without complaining about what is not filled in yet."""
    form._errors = ErrorDict()
    return form


# --- Widget ----------------------------------------------------------------------------------------
class TradeScheduleWidget(forms.Widget):
    template_name = "forms_app/widgets/trade_schedule.html"
    use_fieldset = True

    def id_for_label(self, id_):
        return None  # a group: the question's legend names it

    def value_omitted_from_data(self, data, files, name):
        return False

    def value_from_datadict(self, data, files, name):
        """The raw schedule as typed: rows of strings, after any add/remove press."""
        try:
            count = min(int(data.get(name + ROW_COUNT, 0)), MAX_ROWS)
        except (TypeError, ValueError):
            count = 0
        rows = [
            {part: (data.get(f"{name}__{index}__{part}") or "").strip() for part in PARTS} for index in range(count)
        ]
        remove = data.get(name + REMOVE_ROW)
        if remove is not None and str(remove).isdigit() and int(remove) < len(rows):
            del rows[int(remove)]
            if not rows:  # the only row removed: one empty row, as with JavaScript
                rows = [dict.fromkeys(PARTS, "")]
        if data.get(name + ADD_ROWS):
            rows += [dict.fromkeys(PARTS, "") for _ in range(MORE_ROWS)]
        holdings = {
            when: {key: (data.get(f"{name}__{when}__{key}") or "").strip() for key, _label in INSTRUMENTS}
            for when in ("opening", "closing")
        }
        return {"rows": rows[:MAX_ROWS], **holdings}

    def format_value(self, value):
        if not value:
            return {"rows": [], "opening": {}, "closing": {}}
        if "trades" in value:  # a stored answer
            return {"rows": value["trades"], "opening": value["opening"], "closing": value["closing"]}
        return value

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        raw = self.format_value(value)
        rows = list(raw["rows"])
        if not rows:
            rows = [dict.fromkeys(PARTS, "") for _ in range(BLANK_ROWS)]
        context["widget"].update(
            rows=[
                {"index": index, "number": index + 1, "prefix": f"{name}__{index}__", "values": row}
                for index, row in enumerate(rows)
            ],
            row_count=len(rows),
            max_rows=MAX_ROWS,
            holdings=[
                {
                    "when": when,
                    "legend": legend,
                    "inputs": [
                        {"name": f"{name}__{when}__{key}", "label": label, "value": raw[when].get(key, "")}
                        for key, label in INSTRUMENTS
                    ],
                }
                for when, legend in (
                    ("opening", _("What you held at the start of the class period")),
                    ("closing", _("What you held at the end of the class period")),
                )
            ],
            sides=SIDES,
            instruments=INSTRUMENTS,
            currencies=CURRENCY_CHOICES,
            add_rows=name + ADD_ROWS,
            remove_row=name + REMOVE_ROW,
            row_count_name=name + ROW_COUNT,
        )
        return context


# --- Field and the holdings check ------------------------------------------------------------------
@dataclass
class Trade:
    number: int  # as shown to the claimant (1 = the first row)
    date: datetime.date
    side: str
    instrument: str
    quantity: Decimal
    price: Decimal
    currency: str


def _decimal(text, minimum_exclusive=None, minimum=None):
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    if not value.is_finite() or value.as_tuple().exponent < -6 or abs(value) >= Decimal(10) ** 14:
        return None
    if minimum_exclusive is not None and value <= minimum_exclusive:
        return None
    if minimum is not None and value < minimum:
        return None
    return value


def parse_trades(rows):
    """([Trade], [message]) for the rows that are not blank."""
    trades, errors = [], []
    sides, instruments, currencies = dict(SIDES), dict(INSTRUMENTS), dict(CURRENCY_CHOICES)
    for number, row in enumerate(rows, start=1):
        if not any(row.get(part) for part in PARTS):
            continue
        if not all(row.get(part) for part in PARTS):
            errors.append(
                gettext(
                    "Transaction %(row)s is incomplete: each transaction needs its date, buy or sell, "
                    "the security, the quantity, the price and the currency."
                )
                % {"row": number}
            )
            continue
        try:
            date = datetime.date.fromisoformat(row["date"])
        except ValueError:
            errors.append(gettext("Transaction %(row)s: enter the date as year-month-day.") % {"row": number})
            continue
        quantity = _decimal(row["quantity"], minimum_exclusive=Decimal(0))
        price = _decimal(row["price"], minimum=Decimal(0))
        problems = []
        if quantity is None:
            problems.append(gettext("Transaction %(row)s: the quantity must be a number above zero."))
        if price is None:
            problems.append(gettext("Transaction %(row)s: the price must be a number, zero or more."))
        if row["side"] not in sides or row["instrument"] not in instruments or row["currency"] not in currencies:
            problems.append(gettext("Transaction %(row)s: choose from the lists given."))
        if problems:
            errors += [problem % {"row": number} for problem in problems]
            continue
        trades.append(Trade(number, date, row["side"], row["instrument"], quantity, price, row["currency"]))
    return trades, errors


def parse_holdings(raw):
    """({"opening"|"closing": {instrument: Decimal}}, [message]); an empty box counts as none held."""
    holdings, errors = {}, []
    messages = {
        "opening": _("%(instrument)s held at the start of the class period: enter a number, zero or more."),
        "closing": _("%(instrument)s held at the end of the class period: enter a number, zero or more."),
    }
    for when in ("opening", "closing"):
        holdings[when] = {}
        for key, label in INSTRUMENTS:
            text = (raw.get(when) or {}).get(key) or "0"
            value = _decimal(text, minimum=Decimal(0))
            if value is None:
                errors.append(str(messages[when]) % {"instrument": label})
                value = Decimal(0)
            holdings[when][key] = value
    return holdings, errors


def holdings_errors(trades, opening, closing):
    """Where the schedule does not add up, in the claimant's language: a sale larger than what was
    held at its date, and, per security, opening + buys - sells differing from the closing holding.
    Trades count in date order; trades of the same day in the order of the rows."""
    errors = []
    held = dict(opening)
    for trade in sorted(trades, key=lambda trade: (trade.date, trade.number)):
        before = held.get(trade.instrument, Decimal(0))
        if trade.side == "buy":
            held[trade.instrument] = before + trade.quantity
            continue
        if trade.quantity > before:
            errors.append(
                gettext(
                    "Transaction %(row)s (%(instrument)s): on %(date)s you sold %(quantity)s, "
                    "but by then you held only %(held)s."
                )
                % {
                    "row": trade.number,
                    "instrument": instrument_label(trade.instrument),
                    "date": formats.date_format(trade.date, "DATE_FORMAT"),
                    "quantity": decimal_text(trade.quantity),
                    "held": decimal_text(before),
                }
            )
        held[trade.instrument] = max(before - trade.quantity, Decimal(0))
    for key, _label in INSTRUMENTS:
        bought = sum(
            (trade.quantity for trade in trades if trade.instrument == key and trade.side == "buy"), Decimal(0)
        )
        sold = sum(
            (trade.quantity for trade in trades if trade.instrument == key and trade.side == "sell"), Decimal(0)
        )
        expected = opening.get(key, Decimal(0)) + bought - sold
        if expected != closing.get(key, Decimal(0)):
            errors.append(
                gettext(
                    "%(instrument)s: %(opening)s held at the start, plus %(bought)s bought, minus %(sold)s sold, "
                    "makes %(expected)s, but you entered %(closing)s held at the end."
                )
                % {
                    "instrument": instrument_label(key),
                    "opening": decimal_text(opening.get(key, Decimal(0))),
                    "bought": decimal_text(bought),
                    "sold": decimal_text(sold),
                    "expected": decimal_text(expected),
                    "closing": decimal_text(closing.get(key, Decimal(0))),
                }
            )
    return errors


class TradeScheduleField(forms.Field):
    widget = TradeScheduleWidget
    default_error_messages = {
        "required": _("Please enter at least one transaction, or what you held."),
    }

    def to_python(self, value):
        return value or {"rows": [], "opening": {}, "closing": {}}

    def validate(self, value):
        pass  # done in clean, which knows whether anything was entered

    def clean(self, value):
        raw = self.to_python(value)
        entered = any(any(row.get(part) for part in PARTS) for row in raw["rows"]) or any(
            raw.get(when, {}).get(key) for when in ("opening", "closing") for key, _label in INSTRUMENTS
        )
        if not entered:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        trades, errors = parse_trades(raw["rows"])
        holdings, holding_problems = parse_holdings(raw)
        errors += holding_problems
        if errors:
            raise ValidationError(errors, code="invalid")
        errors = holdings_errors(trades, holdings["opening"], holdings["closing"])
        if errors:
            raise ValidationError(errors, code="does_not_add_up")
        return {
            "opening": {key: decimal_text(value) for key, value in holdings["opening"].items()},
            "closing": {key: decimal_text(value) for key, value in holdings["closing"].items()},
            "trades": [
                {
                    "date": trade.date.isoformat(),
                    "side": trade.side,
                    "instrument": trade.instrument,
                    "quantity": decimal_text(trade.quantity),
                    "price": decimal_text(trade.price),
                    "currency": trade.currency,
                }
                for trade in trades
            ],
        }


# --- First in, first out ---------------------------------------------------------------------------
@dataclass
class Position:
    """What a schedule leaves for one security and currency, for the loss statistics."""

    instrument: str
    currency: str
    realised_loss: Decimal = Decimal(0)  # cost of class-period purchases sold, minus what they sold for
    held_quantity: Decimal = Decimal(0)  # class-period purchases still held at the end
    held_cost: Decimal = Decimal(0)  # what those cost


def fifo_positions(schedule):
    """[Position] of a stored schedule, matching each sale to the oldest shares first.

    Shares held at the start of the class period are sold first and carry no loss (they were not
    bought in the period). A sale matched to a purchase in another currency is left out.
    """
    lots = defaultdict(list)  # instrument -> [[quantity, price or None, currency]]
    for key, quantity in (schedule.get("opening") or {}).items():
        if Decimal(quantity) > 0:
            lots[key].append([Decimal(quantity), None, None])
    positions = {}

    def position(instrument, currency):
        return positions.setdefault((instrument, currency), Position(instrument, currency))

    trades = sorted(enumerate(schedule.get("trades") or []), key=lambda item: (item[1]["date"], item[0]))
    for _index, trade in trades:
        quantity, price = Decimal(trade["quantity"]), Decimal(trade["price"])
        queue = lots[trade["instrument"]]
        if trade["side"] == "buy":
            queue.append([quantity, price, trade["currency"]])
            continue
        while quantity > 0 and queue:
            lot = queue[0]
            matched = min(quantity, lot[0])
            if lot[1] is not None and lot[2] == trade["currency"]:
                position(trade["instrument"], lot[2]).realised_loss += matched * (lot[1] - price)
            lot[0] -= matched
            quantity -= matched
            if lot[0] == 0:
                queue.pop(0)
    for instrument, queue in lots.items():
        for quantity, price, currency in queue:
            if price is not None:
                held = position(instrument, currency)
                held.held_quantity += quantity
                held.held_cost += quantity * price
    return sorted(positions.values(), key=lambda item: (item.instrument, item.currency))


def loss_of(positions, reference_prices):
    """{currency: loss} of one case: realised losses plus the cost of what is still held minus its
    value at the reference price ({(instrument, currency): price}); a net gain counts as no loss.
    Shares still held with no reference price in their currency are valued at their cost."""
    totals = defaultdict(Decimal)
    for item in positions:
        reference = reference_prices.get((item.instrument, item.currency))
        unrealised = item.held_cost - item.held_quantity * reference if reference is not None else Decimal(0)
        totals[item.currency] += item.realised_loss + unrealised
    return {currency: max(total, Decimal(0)) for currency, total in totals.items()}
