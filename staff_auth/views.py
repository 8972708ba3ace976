import base64

import segno
from django.contrib import messages
from django.contrib.auth import login, logout
from django.db import transaction
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit, throttle
from .devices import authenticators
from .forms import InvitationForm, TokenForm
from .models import RecoveryCodeDevice, StaffInvitation

INVITATION_SESSION_KEY = "staff_auth_invitation"


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("token")
def verify(request):
    """Ask a signed-in user for today's code from their authenticator, or a recovery code."""
    form = TokenForm(request.POST or None)
    if form.is_valid():
        token = form.cleaned_data["token"]
        devices = authenticators(request.user) + list(RecoveryCodeDevice.objects.filter(user=request.user))
        pauses = [throttle.pause_seconds(request, device) for device in devices]
        open_devices = [device for device, pause in zip(devices, pauses, strict=True) if pause == 0]
        for device in open_devices:
            if device.verify_token(token):
                throttle.record_success(request, device)
                otp_login(request, device)
                if isinstance(device, RecoveryCodeDevice):
                    return used_recovery_code(request, device)
                return redirect(safe_next(request))
        for device in open_devices:
            throttle.record_failure(request, device)
        if open_devices:
            form.add_error("token", _("That code is not right, or it has expired. Try the newest code."))
        elif None in pauses:
            form.add_error(
                "token",
                _("Too many wrong codes have been entered for this account today. Ask an administrator for help."),
            )
        else:
            form.add_error(
                "token", _("Too many wrong codes from this connection. Wait a few minutes, then try again.")
            )
    return render(request, "staff_auth/verify.html", {"form": form, "next": safe_next(request)})


def used_recovery_code(request, device):
    audit.record(audit.RECOVERY_CODE_USED, request.user, by=request.user)
    left = device.remaining()
    messages.warning(
        request,
        ngettext(
            "You signed in with a recovery code; %(count)s code is left. Make new ones now.",
            "You signed in with a recovery code; %(count)s codes are left. Make new ones now.",
            left,
        )
        % {"count": left},
    )
    return redirect("staff_auth_recovery_codes")


@never_cache
def recovery_codes(request):
    """A signed-in, verified user replaces their recovery codes; the new ones are shown once."""
    if request.method == "POST":
        codes = RecoveryCodeDevice.replace_for(request.user)
        audit.record(audit.RECOVERY_CODES, request.user, by=request.user)
        return render(request, "staff_auth/recovery_codes.html", {"codes": codes})
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    device = RecoveryCodeDevice.objects.filter(user=request.user).first()
    return render(
        request, "staff_auth/recovery_codes.html", {"remaining": device.remaining() if device else 0, "codes": None}
    )


@never_cache
def invitation_start(request, token):
    """The link from an administrator: remember the invitation in a fresh session and move on
    to an address without the token (so it stays out of history, logs and Referer headers)."""
    invitation = StaffInvitation.find(token)
    if invitation is None:
        return render(request, "staff_auth/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        logout(request)
    request.session.cycle_key()
    request.session[INVITATION_SESSION_KEY] = invitation.pk
    return redirect("staff_auth_invitation")


@never_cache
@sensitive_post_parameters("new_password1", "new_password2", "token")
def invitation(request):
    """Accept an invitation: set a password and pair an authenticator app, then see the
    recovery codes once. The invitation is used up on success."""
    invitation = StaffInvitation.objects.filter(pk=request.session.get(INVITATION_SESSION_KEY)).first()
    if invitation is None or not invitation.usable:
        return render(request, "staff_auth/invitation_invalid.html", status=404)
    user = invitation.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    form = InvitationForm(user, device, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = StaffInvitation.objects.select_for_update().get(pk=invitation.pk)
            if not locked.usable:
                return render(request, "staff_auth/invitation_invalid.html", status=404)
            locked.used_at = timezone.now()
            locked.save(update_fields=["used_at"])
            form.save()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            codes = RecoveryCodeDevice.replace_for(user)
            audit.record(audit.INVITATION_USED, user, by=user)
        request.session.pop(INVITATION_SESSION_KEY, None)
        login(request, user, backend="staff_auth.backends.StaffBackend")
        otp_login(request, device)
        return render(request, "staff_auth/recovery_codes.html", {"codes": codes, "welcome": True})
    context = {
        "form": form,
        "invited_user": user,
        # Drawn here as inline SVG: the secret never goes to a QR-code web service.
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#111", light="#fff"),
        "secret_base32": readable_base32(device.bin_key),
    }
    return render(request, "staff_auth/invitation.html", context)


def readable_base32(key):
    """The secret for typing into an app by hand, in groups of four."""
    text = base64.b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
