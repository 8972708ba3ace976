from django import forms
from django.contrib.auth.forms import SetPasswordForm
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

SIGN_IN_REFUSED = _(
    "Signing in did not work. Check your username and password and try again later. New staff, "
    "and staff who lost their authenticator, need an invitation link from an administrator."
)


class StaffLoginForm(LoginForm):
    """Wagtail's login form with one message for every refusal: wrong password, unknown user,
    locked account or client, deactivated account, or an account not yet enrolled. The message
    says what to do without saying which of these it was."""

    error_messages = {
        **LoginForm.error_messages,
        "invalid_login": SIGN_IN_REFUSED,
        "inactive": SIGN_IN_REFUSED,
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's password field has no label, so Django shows its English field name.
        self.fields["password"].label = _("Password")


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("6-digit code from your authenticator app, or a recovery code"),
        min_length=6,
        max_length=24,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True, "autocapitalize": "off"}),
    )

    def clean_token(self):
        return "".join(self.cleaned_data["token"].split())


class InvitationForm(SetPasswordForm):
    """Accepting an invitation: choose a password and confirm the authenticator with a code."""

    token = forms.CharField(
        label=_("6-digit code the app now shows"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, user, device, *args, **kwargs):
        self.device = device
        super().__init__(user, *args, **kwargs)

    def clean_token(self):
        token = "".join(self.cleaned_data["token"].split())
        if not self.device.verify_token(token):
            raise forms.ValidationError(
                _("That code is not right. Check the time on your phone and try the newest code."), code="token"
            )
        return token
