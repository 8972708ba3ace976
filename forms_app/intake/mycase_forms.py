"""The forms of "My case". Nothing here is ever filled in by the browser (autocomplete off)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..cases.mail import addresses
from ..cases.models import ConsentUse
from ..evidence import EvidenceField, upload_errors
from .choices import SAFE_CONTACT_CHANNELS, UNSAFE_CONTACT_CHANNELS
from .form_builder import FIELD_TEMPLATE, add_china_mail_confirmation
from .human_check import add_human_check

NO_AUTOFILL = {"autocomplete": "off", "autocapitalize": "off", "spellcheck": "false"}


class MyCaseForm(forms.Form):
    """Fields drawn like the intake form's questions, never autofilled."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.template_name = FIELD_TEMPLATE
            if not isinstance(field.widget, forms.CheckboxInput | forms.CheckboxSelectMultiple):
                field.widget.attrs.update({"autocomplete": "off"})


class HumanChecked:
    """A form anyone can post: it carries the honeypot and the human check (human_check.py), like
    the intake form; the view runs the check (``submission_guard(request, MY_CASE)``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        add_human_check(self)


class ReceiptCodeForm(HumanChecked, MyCaseForm):
    code = forms.CharField(
        label=_("Your secret receipt code"),
        max_length=80,
        help_text=_("The 20 digits shown on your receipt. Spaces and dashes do not matter."),
        widget=forms.TextInput(attrs={**NO_AUTOFILL, "inputmode": "numeric"}),
    )


class WithFilesForm(HumanChecked, MyCaseForm):
    """Text and evidence files: the same checks, metadata removal and encryption as the intake form."""

    files = EvidenceField(
        label=_("Evidence files"),
        help_text=_(
            "Photos, screenshots, PDF documents, text files, audio or video. We remove hidden data such as "
            "location from photos and documents before anyone looks at them."
        ),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request

    def clean(self):
        cleaned = super().clean()
        for error in upload_errors(self.request) if self.request is not None else []:
            self.add_error("files", error)
        return cleaned


class ReplyForm(WithFilesForm):
    text = forms.CharField(
        label=_("Your answer"), max_length=20000, widget=forms.Textarea(attrs={"rows": 5, **NO_AUTOFILL})
    )
    field_order = ["text", "files"]


class EvidenceForm(WithFilesForm):
    note = forms.CharField(
        label=_("A short note about these files"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3, **NO_AUTOFILL}),
    )
    field_order = ["files", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].required = True


class ContactForm(MyCaseForm):
    safe = forms.MultipleChoiceField(
        label=_("Channels that are safe for us to use"),
        choices=SAFE_CONTACT_CHANNELS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    never = forms.MultipleChoiceField(
        label=_("Channels we must never use"),
        choices=UNSAFE_CONTACT_CHANNELS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    email = forms.EmailField(label=_("New e-mail address"), required=False, max_length=254)
    phone = forms.CharField(label=_("New phone number"), required=False, max_length=40)
    signal = forms.CharField(label=_("New Signal username or number"), required=False, max_length=80)
    forget_details = forms.BooleanField(
        label=_("Delete the contact details you hold for me"),
        required=False,
        help_text=_("The e-mail address, phone number and Signal name you have now. New ones typed above are kept."),
    )

    DETAIL_HELP = _("Leave empty to keep the one you gave us. For your safety we do not show it here.")

    def __init__(self, *args, current_email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.current_email = current_email
        for name in ("email", "phone", "signal"):
            self.fields[name].help_text = self.DETAIL_HELP

    def clean(self):
        cleaned = super().clean()
        if "none" in cleaned.get("safe", []) and len(cleaned.get("safe", [])) > 1:
            self.add_error("safe", _("Choose either “Do not contact me” or the channels that are safe, not both."))
        self.check_china_mail(cleaned)
        return cleaned

    def check_china_mail(self, cleaned):
        """E-mail as a safe channel at a mainland-China provider (the new address, else the one we
        hold): warned, and saved only once "I understand" is ticked."""
        address = cleaned.get("email") or ("" if cleaned.get("forget_details") else self.current_email)
        needed = addresses.needs_china_warning(address, cleaned.get("safe", []))
        if needed or addresses.UNDERSTOOD_FIELD in self.data:
            understood = add_china_mail_confirmation(self, after="email")
            if needed and not understood:
                self.add_error(addresses.UNDERSTOOD_FIELD, addresses.CHINA_MAIL_WARNING)

    def apply_to(self, current):
        """The contact values after this change, from ``current`` (a dict of the stored values)."""
        data = self.cleaned_data
        values = {**current, "safe": data["safe"], "never": data["never"]}
        if data["forget_details"]:
            values.update(email="", phone="", signal="")
        for name in ("email", "phone", "signal"):
            if data[name].strip():
                values[name] = data[name].strip()
        return values


CONSENT_HELP = {
    ConsentUse.SHARE_COUNSEL: _("The lawyers preparing the class action may read your case."),
    ConsentUse.NAMED_PLAINTIFF: _(
        "We may ask whether you want to be named in the lawsuit. You can still say no then."
    ),
    ConsentUse.STATISTICS: _(
        "Your case is counted, without any detail about you, in the figures staff see. "
        "If you say no, it is left out of every figure."
    ),
    ConsentUse.KEEP_ORIGINALS: _(
        "We keep the files exactly as you sent them, encrypted, as evidence for a court. If you say no, the "
        "originals are deleted now and only the copies without hidden data are kept."
    ),
}


class ConsentsForm(MyCaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for use, label in ConsentUse.choices:
            self.fields[use] = forms.BooleanField(label=label, required=False, help_text=CONSENT_HELP[use])


class WithdrawForm(MyCaseForm):
    confirm = forms.BooleanField(
        label=_("I understand that my case, my answers and my files will be erased and cannot be restored."),
        error_messages={"required": _("Tick the box to confirm that you want to withdraw your case.")},
    )
