"""Composite question types: money, date range, contact preference, attestation.

Each cleans to a small JSON-serialisable dict, which is what is stored (encrypted) as the answer.
"""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import widgets
from .choices import CONTACT_CONFLICTS, CURRENCY_CHOICES, SAFE_CONTACT_CHANNELS, UNSAFE_CONTACT_CHANNELS


class LabelledMultiWidget(forms.MultiWidget):
    """A MultiWidget whose parts each carry their own visible label (WCAG: every input labelled)."""

    template_name = "forms_app/widgets/labelled_multiwidget.html"
    part_labels = ()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(context["widget"]["subwidgets"], self.part_labels, strict=False):
            subwidget["part_label"] = label
        return context


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class MoneyWidget(LabelledMultiWidget):
    part_labels = (_("Amount"), _("Currency"))

    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.NumberInput(attrs={"inputmode": "decimal", "step": "0.01", "min": "0"}),
                widgets.Select(choices=[("", "—"), *CURRENCY_CHOICES]),
            ],
            attrs,
        )

    def decompress(self, value):
        return [value.get("amount"), value.get("currency")] if value else [None, None]


class MoneyField(forms.MultiValueField):
    widget = MoneyWidget
    default_error_messages = {
        "incomplete": _("Enter both the amount and its currency."),
    }

    def __init__(self, **kwargs):
        fields = (
            forms.DecimalField(min_value=Decimal(0), max_digits=16, decimal_places=2),
            forms.ChoiceField(choices=CURRENCY_CHOICES),
        )
        super().__init__(fields, require_all_fields=True, **kwargs)

    def compress(self, data_list):
        if not data_list or data_list[0] in (None, ""):
            return None
        if len(data_list) < 2 or not data_list[1]:  # an amount means nothing without its currency
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        return {"amount": str(data_list[0]), "currency": data_list[1]}


class DateRangeWidget(LabelledMultiWidget):
    part_labels = (_("From"), _("To (leave empty if it is still going on)"))

    def __init__(self, attrs=None):
        super().__init__([DateInput(), DateInput()], attrs)

    def decompress(self, value):
        return [value.get("from"), value.get("to")] if value else [None, None]


class DateRangeField(forms.MultiValueField):
    widget = DateRangeWidget

    def __init__(self, **kwargs):
        fields = (forms.DateField(), forms.DateField(required=False))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or not data_list[0]:
            return None
        start, end = data_list[0], data_list[1] if len(data_list) > 1 else None
        if end and end < start:
            raise ValidationError(_("The end date is before the start date."), code="date_order")
        return {"from": start.isoformat(), "to": end.isoformat() if end else None}


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Checkboxes inside a composite question, with their own legend."""

    template_name = "forms_app/widgets/checkbox_group.html"


class ContactPreferenceWidget(LabelledMultiWidget):
    part_labels = (
        _("Channels that are safe for you"),
        _("Channels we must never use to reach you"),
    )
    template_name = "forms_app/widgets/fieldset_groups.html"

    def __init__(self, attrs=None):
        super().__init__(
            [CheckboxGroup(choices=SAFE_CONTACT_CHANNELS), CheckboxGroup(choices=UNSAFE_CONTACT_CHANNELS)], attrs
        )

    def decompress(self, value):
        return [value.get("safe", []), value.get("never", [])] if value else [[], []]


# +86, 0086 or 86 followed by a mainland mobile or landline number, spaces and dashes allowed.
MAINLAND_PHONE = re.compile(r"^\s*(?:\+\s*86|0086|86(?=[\s-]*1\d))[\s\-()]*\d")


class ContactPreferenceField(forms.MultiValueField):
    widget = ContactPreferenceWidget

    @staticmethod
    def mainland_phone_error():
        return ValidationError(
            _(
                "This is a mainland China (+86) number, but you asked us never to use one. "
                "Please give another number, or leave this empty."
            ),
            code="contradiction",
        )

    def __init__(self, **kwargs):
        fields = (
            forms.MultipleChoiceField(choices=SAFE_CONTACT_CHANNELS, required=False),
            forms.MultipleChoiceField(choices=UNSAFE_CONTACT_CHANNELS, required=False),
        )
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        safe, never = (list(data_list[0] or []), list(data_list[1] or [])) if data_list else ([], [])
        safe_labels, never_labels = dict(SAFE_CONTACT_CHANNELS), dict(UNSAFE_CONTACT_CHANNELS)
        for channel in safe:
            for conflict in sorted(CONTACT_CONFLICTS.get(channel, set()) & set(never)):
                raise ValidationError(
                    _(
                        "You chose “%(safe)s” as safe but “%(never)s” as a channel we must never use. "
                        "They overlap: please change one of the two."
                    ),
                    code="contradiction",
                    params={"safe": safe_labels[channel], "never": never_labels[conflict]},
                )
        if "none" in safe and len(safe) > 1:
            raise ValidationError(
                _("You chose 'Do not contact me' together with other channels. Please choose one or the other."),
                code="contradiction",
            )
        return {"safe": safe, "never": never}


class AttestationWidget(LabelledMultiWidget):
    part_labels = (
        _("I confirm that what I have written is true to the best of my knowledge."),
        _("Your full name"),
    )
    template_name = "forms_app/widgets/attestation.html"

    def __init__(self, attrs=None):
        super().__init__([forms.CheckboxInput(), forms.TextInput(attrs={"autocomplete": "off"})], attrs)

    def decompress(self, value):
        return [value.get("confirmed"), value.get("full_name")] if value else [False, ""]


class AttestationField(forms.MultiValueField):
    widget = AttestationWidget
    default_error_messages = {
        "incomplete": _("Please tick the box and type your full name."),
    }

    def __init__(self, **kwargs):
        fields = (
            forms.BooleanField(error_messages={"required": _("Please tick the box to confirm.")}),
            forms.CharField(max_length=200, error_messages={"required": _("Please type your full name.")}),
        )
        super().__init__(fields, require_all_fields=True, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        return {"confirmed": bool(data_list[0]), "full_name": data_list[1].strip()}
