"""The admin's edit form of an intake form page: Wagtail's own checks, plus the questions' conditions."""

from types import SimpleNamespace

from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

from .steps import condition_problems


class IntakeFormPageForm(WagtailAdminFormPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("form_fields")
        if formset is None:
            return cleaned_data
        kept = [form for form in formset.forms if form.is_valid() and not form.cleaned_data.get("DELETE")]
        kept.sort(key=lambda form: form.cleaned_data.get("ORDER") or 0)
        questions = [
            SimpleNamespace(
                clean_name=form.instance.clean_name or form.instance.get_field_clean_name(),
                field_type=form.instance.field_type,
                condition_key=form.instance.condition_key,
                condition_values=form.instance.condition_values,
                choices_as_pairs=form.instance.choices_as_pairs,
            )
            for form in kept
        ]
        for index, message in condition_problems(questions):
            kept[index].add_error("condition_key", message)
        return cleaned_data
