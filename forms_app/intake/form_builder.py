"""Wagtail's form builder, building each question's form field from its type in the registry
(forms_app.intake.field_types), through the builder's own seam, get_create_field_function.

Choice questions store stable keys, never the visible label, so the Chinese and English versions
of a form produce identical answers.
"""

import copy

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from ..cases.mail import addresses
from ..evidence import EvidenceField, EvidenceRejected
from ..evidence.errors import NOT_STRIPPED
from .field_types import FIELD_TYPES, Role
from .fields import MAINLAND_PHONE, ContactPreferenceField

FIELD_TEMPLATE = "forms_app/field.html"


class ShallowlyCopiedFields(dict):
    """A claimant form class's ``base_fields``, which each new form copies field by field
    (``copy.copy``) instead of Django's deep copy (BaseForm.__init__ deep-copies its class's
    fields). A form may still give its own fields their own attributes (a draft's kept files, a
    question's condition: stepping.py), and add or remove fields; what the fields hold — widgets,
    choices, validators, error messages, a composite question's parts — is shared by every form of
    the class, so it must never be changed in place for one request. Django's deep copy was about a
    twentieth of the server's CPU for filing a case (0.3 ms of it here)."""

    def __deepcopy__(self, memo):
        return {name: copy.copy(field) for name, field in self.items()}


class IntakeForm(BaseForm):
    """Checks across questions, found by their role (``answer_keys``: {role: answer key})."""

    answer_keys = {}
    # True for one step of a stepped form: a check across questions waits until both are present.
    partial = False

    def clean(self):
        cleaned_data = super().clean()
        self.check_unstripped_evidence(cleaned_data)
        self.check_mainland_phone(cleaned_data)
        self.check_china_mail(cleaned_data)
        return cleaned_data

    def check_china_mail(self, cleaned_data):
        """E-mail chosen as a safe channel, at a provider operated in mainland China: the claimant
        sees a plain warning and may go on only by ticking "I understand" (or changing the answer)."""
        email_key = self.answer_keys.get(Role.EMAIL)
        address = str(cleaned_data.get(email_key) or "") if email_key else ""
        safe = [
            channel
            for name, field in self.fields.items()
            if isinstance(field, ContactPreferenceField)
            for channel in (cleaned_data.get(name) or {}).get("safe", [])
        ]
        needed = addresses.needs_china_warning(address, safe)
        if needed or addresses.UNDERSTOOD_FIELD in self.data:
            understood = add_china_mail_confirmation(self, after=email_key)
            if needed and not understood:
                self.add_error(addresses.UNDERSTOOD_FIELD, addresses.CHINA_MAIL_WARNING)

    def check_mainland_phone(self, cleaned_data):
        """A +86 number in the phone question contradicts "never a +86 number" in the contact choices."""
        phone_key = self.answer_keys.get(Role.PHONE)
        if not phone_key or not MAINLAND_PHONE.match(str(cleaned_data.get(phone_key) or "")):
            return
        for name, field in self.fields.items():
            if isinstance(field, ContactPreferenceField) and "phone_86" in (cleaned_data.get(name) or {}).get(
                "never", []
            ):
                self.add_error(phone_key, ContactPreferenceField.mainland_phone_error())
                return

    def check_unstripped_evidence(self, cleaned_data):
        """A recording whose metadata could not be removed is accepted only as it is, with the
        claimant's consent to keep originals; without that consent (or that question) it is refused."""
        consent_key = self.answer_keys.get(Role.CONSENT_KEEP_ORIGINAL)
        if consent_key and cleaned_data.get(consent_key):
            return
        if self.partial and consent_key and consent_key not in self.fields:
            return
        for name, field in self.fields.items():
            if isinstance(field, EvidenceField) and cleaned_data.get(name):
                for item in cleaned_data[name]:
                    if not item.metadata_removed:
                        self.add_error(name, EvidenceRejected(NOT_STRIPPED, item.display_name))


def add_china_mail_confirmation(form, after=None):
    """Add the "I understand" box for a mainland-China address (placed after the ``after`` field);
    returns whether it is ticked."""
    name = addresses.UNDERSTOOD_FIELD
    if name not in form.fields:
        field = forms.BooleanField(label=addresses.CHINA_MAIL_UNDERSTOOD, required=False)
        items = list(form.fields.items())
        position = next((index + 1 for index, (key, _field) in enumerate(items) if key == after), len(items))
        items.insert(position, (name, field))
        form.fields = dict(items)
    value = form.fields[name].widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
    understood = form.fields[name].to_python(value)
    form.cleaned_data[name] = understood
    return understood


class IntakeFormBuilder(FormBuilder):
    def get_create_field_function(self, type):
        if type not in FIELD_TYPES:
            raise AttributeError(f"Unknown question type: {type}")
        return FIELD_TYPES[type].form_field

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options.pop("initial", None)
        return options

    def get_form_class(self):
        answer_keys = {field.role: field.clean_name for field in self.fields if field.role}
        return type("IntakeForm", (IntakeForm,), {**self.formfields, "answer_keys": answer_keys})

    @property
    def formfields(self):
        formfields = super().formfields
        for formfield in formfields.values():
            formfield.template_name = FIELD_TEMPLATE
        return formfields
