"""Wagtail's form builder, extended with the question types of an intake form.

Choice questions store stable keys, never the visible label, so the Chinese and English versions
of a form produce identical answers.
"""

from django import forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from ..evidence import EvidenceField, EvidenceRejected
from ..evidence.errors import NOT_STRIPPED
from ..field_types import CONSENT_KEEP_ORIGINAL, CONTACT_PHONE
from .fields import MAINLAND_PHONE, AttestationField, ContactPreferenceField, DateInput, DateRangeField, MoneyField

FIELD_TEMPLATE = "forms_app/field.html"
# Browsers must not remember or offer what claimants type (names, numbers, WeChat IDs, addresses):
# the device may be inspected. Every free-text question gets this.
NO_AUTOFILL = {"autocomplete": "off"}


class IntakeForm(BaseForm):
    def clean(self):
        cleaned_data = super().clean()
        self.check_unstripped_evidence(cleaned_data)
        self.check_mainland_phone(cleaned_data)
        return cleaned_data

    def check_mainland_phone(self, cleaned_data):
        """A +86 number in the phone question contradicts "never a +86 number" in the contact choices."""
        phone = str(cleaned_data.get(CONTACT_PHONE) or "")
        if not MAINLAND_PHONE.match(phone):
            return
        for name, field in self.fields.items():
            if isinstance(field, ContactPreferenceField) and "phone_86" in (cleaned_data.get(name) or {}).get(
                "never", []
            ):
                self.add_error(CONTACT_PHONE, ContactPreferenceField.mainland_phone_error())
                return

    def check_unstripped_evidence(self, cleaned_data):
        """A recording whose metadata could not be removed is accepted only as it is, with the
        claimant's consent to keep originals; without that consent (or that question) it is refused."""
        if cleaned_data.get(CONSENT_KEEP_ORIGINAL):
            return
        for name, field in self.fields.items():
            if isinstance(field, EvidenceField) and cleaned_data.get(name):
                refused = [item for item in cleaned_data[name] if not item.metadata_removed]
                for item in refused:
                    self.add_error(name, EvidenceRejected(NOT_STRIPPED, item.display_name))


class IntakeFormBuilder(FormBuilder):
    def get_formatted_field_choices(self, field):
        return field.choices_as_pairs()

    def get_formatted_field_initial(self, field):
        return []

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options.pop("initial", None)
        return options

    def create_singleline_field(self, field, options):
        return forms.CharField(max_length=500, widget=forms.TextInput(attrs=NO_AUTOFILL), **options)

    def create_multiline_field(self, field, options):
        return forms.CharField(max_length=20000, widget=forms.Textarea(attrs={"rows": 6, **NO_AUTOFILL}), **options)

    def create_email_field(self, field, options):
        return forms.EmailField(widget=forms.EmailInput(attrs=NO_AUTOFILL), **options)

    def create_number_field(self, field, options):
        return forms.DecimalField(
            max_digits=20, decimal_places=4, widget=forms.NumberInput(attrs={"step": "any"}), **options
        )

    def create_date_field(self, field, options):
        return forms.DateField(widget=DateInput(), **options)

    def create_date_range_field(self, field, options):
        return DateRangeField(**options)

    def create_money_field(self, field, options):
        return MoneyField(**options)

    def create_evidence_field(self, field, options):
        return EvidenceField(**options)

    def create_contact_preference_field(self, field, options):
        return ContactPreferenceField(**options)

    def create_consent_field(self, field, options):
        return forms.BooleanField(**options)

    def create_attestation_field(self, field, options):
        return AttestationField(**options)

    def get_form_class(self):
        return type("IntakeForm", (IntakeForm,), self.formfields)

    @property
    def formfields(self):
        formfields = super().formfields
        for formfield in formfields.values():
            formfield.template_name = FIELD_TEMPLATE
        return formfields
