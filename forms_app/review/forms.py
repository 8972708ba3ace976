"""The small forms on a case page and in the bulk actions. Each does one thing."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..cases.models import CaseStatus
from .permissions import assignable_reviewers, display_name
from .workflow import status_choices

REASON_HELP = _("Optional. Kept encrypted with the case; shown on its timeline to case staff only.")


class ReadAtOnceChoiceIterator(forms.models.ModelChoiceIterator):
    """The few staff read with one plain query: Django's iterator() opens a server-side cursor on
    PostgreSQL (WITH HOLD outside a transaction), 4 ms of every case page (see filters.ReadAtOnceQuerySet)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ReviewerChoiceField(forms.ModelChoiceField):
    iterator = ReadAtOnceChoiceIterator

    def label_from_instance(self, obj):
        return display_name(obj)


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"))
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=REASON_HELP,
    )
    # The status the reviewer saw, so two people changing one case at once cannot overwrite each other.
    current = forms.ChoiceField(choices=CaseStatus.choices, widget=forms.HiddenInput, required=False)

    def __init__(self, *args, case_status=None, check_current=False, **kwargs):
        """``case_status``: the case's status, to offer only its next steps (case page).
        ``check_current``: a posted case-page form must say which status it was shown with;
        without it a stale page could silently overwrite another reviewer's change."""
        super().__init__(*args, **kwargs)
        choose = [("", _("Choose…"))]
        if case_status is None:
            self.fields["status"].choices = choose + CaseStatus.choices
            if check_current:
                self.fields["current"].required = True
                self.fields["current"].error_messages["required"] = _(
                    "The status was not changed: reload the case page and try again."
                )
            else:
                del self.fields["current"]
        else:
            self.fields["status"].choices = choose + status_choices(case_status)
            self.fields["current"].initial = case_status


class AssignForm(forms.Form):
    assignee = ReviewerChoiceField(
        label=_("Assign to"), queryset=None, required=False, empty_label=_("Nobody (unassigned)")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = assignable_reviewers()


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Staff only, never shown to the claimant. Stored encrypted with the case."),
    )


class TagsForm(forms.Form):
    tags = forms.CharField(
        label=_("Tags"),
        required=False,
        max_length=1000,
        help_text=_("Separate tags with commas, e.g. strong, needs translator."),
        widget=forms.TextInput(attrs={"list": "case-tag-names", "autocomplete": "off"}),
    )


class ScoreForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Merit score"),
        choices=[("", _("Not scored"))] + [(str(value), str(value)) for value in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
        help_text=_("1 = weak, 5 = very strong."),
    )


class AskForm(forms.Form):
    """A question to the claimant: one text in any language, or one per language."""

    def __init__(self, *args, claimant_language=None, **kwargs):
        super().__init__(*args, **kwargs)
        languages = sorted(settings.LANGUAGES, key=lambda item: item[0] != claimant_language)
        for code, name in languages:
            label = _("Question in %(language)s") % {"language": name}
            if code == claimant_language:
                label = _("Question in %(language)s (the claimant's language)") % {"language": name}
            self.fields[f"text_{code}"] = forms.CharField(
                label=label,
                required=False,
                max_length=8000,
                widget=forms.Textarea(attrs={"rows": 3, "lang": code}),
            )
        self.claimant_language = claimant_language

    def clean(self):
        cleaned = super().clean()
        if not any(value.strip() for key, value in cleaned.items() if key.startswith("text_")):
            raise forms.ValidationError(_("Write the question in at least one language."))
        return cleaned

    def texts(self):
        return {
            key.removeprefix("text_"): value for key, value in self.cleaned_data.items() if key.startswith("text_")
        }


class HoldForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Kept encrypted with the case; shown on its timeline to case staff only."),
    )


class VerifyReceiptForm(forms.Form):
    code = forms.CharField(
        label=_("Receipt code the claimant quoted"),
        max_length=80,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "numeric"}),
        help_text=_("Checked against this case only, and never stored or logged."),
    )
