"""The kinds of question editors can add, each declared once.

Code defines field *types*; editors define the questions and their answer keys. A type says
everything the rest of the code needs about a question of its kind: the form field the claimant
fills, the JSON stored (sealed) as the answer, how a reviewer sees it, its export cell, whether its
text goes into the blind search index, which *roles* an editor may give it, and a fake answer for
``make_fake_cases`` and the tests. Code never looks an answer up by its key, only by type or role:
the role is how a question says "this is the claimant's WeChat ID" or "this consent lets us keep
originals".
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django import forms
from django.db import models
from django.utils import formats
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..evidence import EvidenceField, ProcessedEvidence
from . import widgets
from .choices import SAFE_CONTACT_CHANNELS, UNSAFE_CONTACT_CHANNELS
from .fields import AttestationField, ContactPreferenceField, DateInput, DateRangeField, MoneyField
from .trade_schedule import INSTRUMENTS, SIDES, TradeScheduleField, instrument_label


class Role(models.TextChoices):
    """What a question means to the code, whatever its key or wording (synchronised, never translated)."""

    NONE = "", _("No special meaning")
    WECHAT_ID = "wechat_id", _("The claimant's WeChat ID")
    PHONE = "phone", _("The claimant's phone number")
    EMAIL = "email", _("The claimant's e-mail address")
    NAME = "name", _("The claimant's name")
    CONSENT_PROCESSING = "consent_processing", _("Consent to process the case")
    CONSENT_SHARE_COUNSEL = "consent_share_counsel", _("Consent to share with counsel")
    CONSENT_NAMED_PLAINTIFF = "consent_named_plaintiff", _("Consent to be a named plaintiff")
    CONSENT_STATISTICS = "consent_statistics", _("Consent to count in statistics")
    CONSENT_KEEP_ORIGINAL = "consent_keep_original", _("Consent to keep unaltered original files")
    TRANSACTION = "transaction", _("A purchase or sale, not a loss")
    INCIDENT_DATE = "incident_date", _("When the harm happened (starts the limitation clock)")


# Browsers must not remember or offer what claimants type (names, numbers, WeChat IDs, addresses):
# the device may be inspected. Every free-text question gets this.
NO_AUTOFILL = {"autocomplete": "off"}

# Roles whose answers identify the claimant, hashed for duplicate linking.
IDENTIFIER_ROLES = (Role.WECHAT_ID, Role.PHONE, Role.EMAIL)
CONSENT_ROLES = (
    Role.CONSENT_PROCESSING,
    Role.CONSENT_SHARE_COUNSEL,
    Role.CONSENT_NAMED_PLAINTIFF,
    Role.CONSENT_STATISTICS,
    Role.CONSENT_KEEP_ORIGINAL,
)


@dataclass
class Shown:
    """An answer as a reviewer reads it: a text, or a list of items (and channels never to use)."""

    text: str | None = None
    items: list = field(default_factory=list)
    never: list = field(default_factory=list)
    multiline: bool = False
    table: dict | None = None  # {"header": [...], "rows": [[...]], "notes": [...]}


def format_date(value):
    try:
        return formats.date_format(datetime.date.fromisoformat(value), "DATE_FORMAT")
    except (TypeError, ValueError):
        return str(value)


def export_cell(value):
    """A stored answer as one spreadsheet cell: lists joined with "; ", dicts as "key: value"."""
    if value.__class__ is str:  # most answers: checked first (an export makes millions of cells)
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return value
    if isinstance(value, list):
        return "; ".join(_texts(value))
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_part_cell(part)}" for key, part in value.items())
    return str(value)


def _texts(items):
    """The items of a list answer as text (most are lists of choice keys: already text)."""
    if all(item.__class__ is str for item in items):
        return items
    return [str(export_cell(item)) for item in items]


def _part_cell(part):
    if isinstance(part, list):
        return ", ".join(_texts(part))
    return export_cell(part)


class FieldType:
    """The default behaviour of a question type; each subclass overrides what differs."""

    key = ""
    label = ""
    indexed = False  # free text worth a blind search index
    has_choices = False  # editors write its choices (stable keys + translated labels)
    # False for a type that asks nothing (a step heading): no form field, no stored answer, nothing
    # to show a reviewer, export, index or fake. IntakeFormPage.get_form_fields() leaves it out.
    has_answer = True
    roles = ()  # roles an editor may give a question of this type

    def form_field(self, question, options):
        raise NotImplementedError

    def stored(self, value):
        """Cleaned form data as the JSON answer (sealed with the case)."""
        if hasattr(value, "isoformat"):
            return value.isoformat()
        if isinstance(value, Decimal):
            return str(value)
        return value

    def show(self, value, choice_label):
        """What a reviewer reads; ``choice_label(key)`` names a choice in the reviewer's language."""
        return Shown(text=str(value))

    def cell(self, value):
        return export_cell(value)

    def fake(self, source, question):
        """A plausible stored answer, from a FakeSource (random for the demo, fixed for tests)."""
        return source.line()

    def post(self, name, value):
        """The POST data that the form cleans back into ``value``."""
        return {name: value}


class SingleLine(FieldType):
    key, label, indexed = "singleline", _("Single line text"), True
    roles = (Role.WECHAT_ID, Role.PHONE, Role.NAME)

    def form_field(self, question, options):
        return forms.CharField(max_length=500, widget=forms.TextInput(attrs=NO_AUTOFILL), **options)

    def fake(self, source, question):
        maker = {Role.WECHAT_ID: source.wechat_id, Role.PHONE: source.phone, Role.NAME: source.name}
        return maker.get(question.role, source.line)()


class MultiLine(FieldType):
    key, label, indexed = "multiline", _("Multi-line text"), True

    def form_field(self, question, options):
        return forms.CharField(max_length=20000, widget=forms.Textarea(attrs={"rows": 6, **NO_AUTOFILL}), **options)

    def show(self, value, choice_label):
        return Shown(text=str(value), multiline=True)

    def fake(self, source, question):
        return source.text()


class Email(FieldType):
    key, label, indexed = "email", _("E-mail address"), True
    roles = (Role.EMAIL,)

    def form_field(self, question, options):
        return forms.EmailField(widget=forms.EmailInput(attrs=NO_AUTOFILL), **options)

    def fake(self, source, question):
        return source.email()


class Number(FieldType):
    key, label = "number", _("Number")

    def form_field(self, question, options):
        return forms.DecimalField(
            max_digits=20, decimal_places=4, widget=forms.NumberInput(attrs={"step": "any"}), **options
        )

    def fake(self, source, question):
        return source.number()


class Date(FieldType):
    key, label = "date", _("Date")
    roles = (Role.INCIDENT_DATE,)

    def form_field(self, question, options):
        return forms.DateField(widget=DateInput(), **options)

    def show(self, value, choice_label):
        return Shown(text=format_date(value))

    def fake(self, source, question):
        return source.date().isoformat()


class DateRange(FieldType):
    key, label = "date_range", _("Date range (from - to)")
    roles = (Role.INCIDENT_DATE,)

    def form_field(self, question, options):
        return DateRangeField(**options)

    def show(self, value, choice_label):
        start, end = value.get("from"), value.get("to")
        if start and end:
            return Shown(text=gettext("%(start)s to %(end)s") % {"start": format_date(start), "end": format_date(end)})
        if start:
            return Shown(text=gettext("Since %(start)s (still going on)") % {"start": format_date(start)})
        return Shown()

    def cell(self, value):
        # An ISO 8601 interval; ".." is an open end.
        return f"{value.get('from') or '..'}/{value.get('to') or '..'}" if value else ""

    def fake(self, source, question):
        start, end = source.period()
        return {"from": start.isoformat(), "to": end.isoformat() if end else None}

    def post(self, name, value):
        return {f"{name}_0": value["from"], f"{name}_1": value["to"] or ""}


class Money(FieldType):
    """An amount with its currency: a loss unless the question's role says it is a transaction."""

    key, label = "money", _("Money amount with currency")
    roles = (Role.TRANSACTION,)

    def form_field(self, question, options):
        return MoneyField(**options)

    def show(self, value, choice_label):
        try:
            amount = f"{Decimal(str(value.get('amount'))):,.2f}"
        except (InvalidOperation, ValueError, AttributeError):
            return Shown(text=str(value))
        currency = value.get("currency") or ""
        if currency == "other":
            return Shown(text=gettext("%(amount)s (other currency)") % {"amount": amount})
        return Shown(text=f"{amount} {currency}".strip())

    def cell(self, value):
        return f"{value['amount']} {value['currency']}" if value else ""

    def fake(self, source, question):
        amount, currency = source.money()
        return {"amount": amount, "currency": currency} if amount else None

    def post(self, name, value):
        return {f"{name}_0": value["amount"], f"{name}_1": value["currency"]} if value else {}


class Choice(FieldType):
    """Stores the stable key of the chosen option, never its label, so every language agrees."""

    key, label, has_choices = "dropdown", _("Drop down"), True

    def form_field(self, question, options):
        return forms.ChoiceField(choices=question.choices_as_pairs(), widget=widgets.Select, **options)

    def show(self, value, choice_label):
        return Shown(text=choice_label(value))

    def fake(self, source, question):
        return source.choice([key for key, _label in question.choices_as_pairs()])


class Radio(Choice):
    key, label = "radio", _("Radio buttons")

    def form_field(self, question, options):
        return forms.ChoiceField(choices=question.choices_as_pairs(), widget=widgets.RadioSelect, **options)


class Checkboxes(Choice):
    key, label = "checkboxes", _("Checkboxes (several answers)")

    def form_field(self, question, options):
        return forms.MultipleChoiceField(
            choices=question.choices_as_pairs(), widget=widgets.CheckboxSelectMultiple, **options
        )

    def show(self, value, choice_label):
        return Shown(items=[choice_label(key) for key in value])

    def fake(self, source, question):
        return source.some([key for key, _label in question.choices_as_pairs()])


class Checkbox(FieldType):
    key, label = "checkbox", _("Single tick box")

    def form_field(self, question, options):
        return forms.BooleanField(**options)

    def show(self, value, choice_label):
        return Shown(text=gettext("Yes") if value else gettext("No"))

    def fake(self, source, question):
        return question.required or source.yes()

    def post(self, name, value):
        return {name: "on"} if value else {}


class Consent(Checkbox):
    key, label = "consent", _("Consent")
    roles = CONSENT_ROLES


class Evidence(FieldType):
    """Files; the answer is their number (the files themselves are Evidence rows)."""

    key, label = "evidence", _("Evidence files")

    def form_field(self, question, options):
        return EvidenceField(**options)

    def stored(self, value):
        return len([item for item in value or [] if isinstance(item, ProcessedEvidence)])

    def show(self, value, choice_label):
        count = int(value or 0)
        text = ngettext("%(count)d file (see Evidence)", "%(count)d files (see Evidence)", count)
        return Shown(text=text % {"count": count})

    def fake(self, source, question):
        return source.evidence_count()

    def post(self, name, value):
        return {}  # files travel separately (see the tests' builders)


class Step(FieldType):
    """A section break: starts a new step of the form. Its label is the step's title, its help text
    the step's introduction. It asks nothing, so it has no form field and no answer."""

    key, label, has_answer = "step", _("Step (section break)"), False

    def form_field(self, question, options):
        raise TypeError("A step has no form field.")

    def stored(self, value):
        raise TypeError("A step has no answer.")

    def fake(self, source, question):
        raise TypeError("A step has no answer.")

    def post(self, name, value):
        return {}


def channel_labels(keys, channels):
    labels = dict(channels)
    return [str(labels.get(key, key)) for key in keys or []]


class ContactPreference(FieldType):
    key, label = "contact_preference", _("Safe and unsafe contact channels")

    def form_field(self, question, options):
        return ContactPreferenceField(**options)

    @staticmethod
    def channels(value):
        """(labels of safe channels, labels of channels never to use, "do not contact me" chosen)."""
        value = value or {}
        safe = value.get("safe") or []
        return (
            channel_labels([key for key in safe if key != "none"], SAFE_CONTACT_CHANNELS),
            channel_labels(value.get("never"), UNSAFE_CONTACT_CHANNELS),
            "none" in safe,
        )

    def show(self, value, choice_label):
        safe, never, do_not_contact = self.channels(value)
        return Shown(items=safe or ([gettext("Do not contact me")] if do_not_contact else []), never=never)

    def fake(self, source, question):
        safe, never = source.channels()
        return {"safe": safe, "never": never}

    def post(self, name, value):
        return {f"{name}_0": value["safe"], f"{name}_1": value["never"]}


class Attestation(FieldType):
    key, label = "attestation", _("Attestation with full name")

    def form_field(self, question, options):
        return AttestationField(**options)

    def show(self, value, choice_label):
        confirmed = gettext("Confirmed") if value.get("confirmed") else gettext("Not confirmed")
        text = gettext("%(confirmed)s, signed with the typed name: %(name)s") % {
            "confirmed": confirmed,
            "name": value.get("full_name") or "-",
        }
        return Shown(text=text)

    def fake(self, source, question):
        return {"confirmed": True, "full_name": source.name()}

    def post(self, name, value):
        return {f"{name}_0": "on", f"{name}_1": value["full_name"]}


class TradeSchedule(FieldType):
    """The investor's purchases and sales with holdings at both ends of the class period, checked to
    add up (forms_app.intake.trade_schedule)."""

    key, label = "trade_schedule", _("Trade schedule (purchases, sales and holdings)")

    def form_field(self, question, options):
        return TradeScheduleField(**options)

    def show(self, value, choice_label):
        sides = dict(SIDES)
        header = [
            gettext("Date"),
            gettext("Buy or sell"),
            gettext("Security"),
            gettext("Quantity"),
            gettext("Price"),
            gettext("Currency"),
        ]
        rows = [
            [
                format_date(trade["date"]),
                str(sides.get(trade["side"], trade["side"])),
                instrument_label(trade["instrument"]),
                trade["quantity"],
                trade["price"],
                trade["currency"],
            ]
            for trade in value.get("trades") or []
        ]
        notes = [
            gettext("Held at the start of the class period: %(holdings)s")
            % {"holdings": holdings_text(value, "opening")},
            gettext("Held at the end of the class period: %(holdings)s")
            % {"holdings": holdings_text(value, "closing")},
        ]
        return Shown(text=" ".join(notes), table={"header": header, "rows": rows, "notes": notes})

    def cell(self, value):
        """A summary; the transactions themselves are a separate sheet (forms_app.reports.export)."""
        if not value:
            return ""
        count = len(value.get("trades") or [])
        opening = ", ".join(f"{key} {value['opening'].get(key, '0')}" for key, _label in INSTRUMENTS)
        closing = ", ".join(f"{key} {value['closing'].get(key, '0')}" for key, _label in INSTRUMENTS)
        return f"{count} transactions; start: {opening}; end: {closing}"

    def fake(self, source, question):
        """Bought, then sold part: a schedule that adds up."""
        bought = max(int(Decimal(str(source.number() or 1))), 1) * 10
        day = source.date()
        return {
            "opening": {"hk_0700": "100", "tcehy_adr": "0"},
            "closing": {"hk_0700": str(100 + bought // 2), "tcehy_adr": "0"},
            "trades": [
                {
                    "date": day.isoformat(),
                    "side": "buy",
                    "instrument": "hk_0700",
                    "quantity": str(bought),
                    "price": "420.5",
                    "currency": "HKD",
                },
                {
                    "date": (day + datetime.timedelta(days=30)).isoformat(),
                    "side": "sell",
                    "instrument": "hk_0700",
                    "quantity": str(bought - bought // 2),
                    "price": "380",
                    "currency": "HKD",
                },
            ],
        }

    def post(self, name, value):
        if not value:
            return {}
        data = {f"{name}__rows": str(len(value["trades"]))}
        for index, trade in enumerate(value["trades"]):
            data.update({f"{name}__{index}__{part}": text for part, text in trade.items()})
        for when in ("opening", "closing"):
            data.update({f"{name}__{when}__{key}": quantity for key, quantity in value[when].items()})
        return data


def holdings_text(value, when):
    return ", ".join(f"{instrument_label(key)} {(value.get(when) or {}).get(key, '0')}" for key, _label in INSTRUMENTS)


FIELD_TYPES = {
    kind.key: kind
    for kind in (
        SingleLine(),
        MultiLine(),
        Email(),
        Number(),
        Date(),
        DateRange(),
        Money(),
        Choice(),
        Radio(),
        Checkboxes(),
        Checkbox(),
        Evidence(),
        ContactPreference(),
        Consent(),
        Attestation(),
        Step(),
        TradeSchedule(),
    )
}
FIELD_TYPE_CHOICES = [(kind.key, kind.label) for kind in FIELD_TYPES.values()]
CHOICE_FIELD_TYPES = {key for key, kind in FIELD_TYPES.items() if kind.has_choices}
ANSWERED_FIELD_TYPES = {key for key, kind in FIELD_TYPES.items() if kind.has_answer}


def field_type(key):
    """The type of a question; an unknown key (a type since removed) reads as single-line text."""
    return FIELD_TYPES.get(key) or FIELD_TYPES["singleline"]


# --- What filing takes from a case's answers, by type and role -------------------------------------
def answered(questions):
    """The questions that have an answer (steps have none)."""
    return [question for question in questions if field_type(question.field_type).has_answer]


def searchable_texts(questions, answers):
    """The answers worth a blind search index (free text and e-mail addresses)."""
    for question in answered(questions):
        value = answers.get(question.clean_name)
        if field_type(question.field_type).indexed and isinstance(value, str) and value.strip():
            yield value


def identifiers(questions, answers):
    """[(role, value)] of the answers that identify the claimant, for duplicate linking."""
    found = []
    for question in answered(questions):
        value = answers.get(question.clean_name)
        if question.role in IDENTIFIER_ROLES and isinstance(value, str) and value.strip():
            found.append((Role(question.role), value))
    return found


def money_answers(questions, answers):
    """[(answer key, {"amount", "currency"}, is a loss)] of the money questions answered."""
    return [
        (question.clean_name, answers[question.clean_name], question.role != Role.TRANSACTION)
        for question in answered(questions)
        if question.field_type == Money.key and answers.get(question.clean_name)
    ]


def consented(questions, answers, role):
    """True when a consent question with ``role`` was ticked."""
    return any(question.role == role and answers.get(question.clean_name) is True for question in questions)


def incident_dates(questions, answers):
    """[(start, end or None)] of the answers to questions marked as incident dates (dates parsed)."""
    found = []
    for question in questions:
        value = answers.get(question.clean_name)
        if question.role != Role.INCIDENT_DATE or not value:
            continue
        try:
            if isinstance(value, dict):
                start = datetime.date.fromisoformat(value["from"])
                end = datetime.date.fromisoformat(value["to"]) if value.get("to") else None
            else:
                start = end = datetime.date.fromisoformat(value)
        except (KeyError, TypeError, ValueError):
            continue
        found.append((start, end))
    return found
