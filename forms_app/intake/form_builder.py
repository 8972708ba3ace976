"""Wagtail's form builder, building each question's form field from its type in the registry
(forms_app.intake.field_types), through the builder's own seam, get_create_field_function.

Choice questions store stable keys, never the visible label, so the Chinese and English versions
of a form produce identical answers.
"""

from wagtail.contrib.forms.forms import FormBuilder

from .field_types import FIELD_TYPES

FIELD_TEMPLATE = "forms_app/field.html"


class IntakeFormBuilder(FormBuilder):
    def get_create_field_function(self, type):
        if type not in FIELD_TYPES:
            raise AttributeError(f"Unknown question type: {type}")
        return FIELD_TYPES[type].form_field

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options.pop("initial", None)
        return options

    @property
    def formfields(self):
        formfields = super().formfields
        for formfield in formfields.values():
            formfield.template_name = FIELD_TEMPLATE
        return formfields
