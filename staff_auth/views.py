import base64

import segno
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .forms import TokenForm


def safe_next(request):
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
def verify(request):
    """Ask a user who has an authenticator for today's code."""
    form = TokenForm(request.POST or None)
    if form.is_valid():
        devices = list(devices_for_user(request.user, confirmed=True))
        # Each wrong code doubles the wait before the next try (django-otp's throttling).
        open_devices = [device for device in devices if device.verify_is_allowed()[0]]
        for device in open_devices:
            if device.verify_token(form.cleaned_data["token"]):
                otp_login(request, device)
                return redirect(safe_next(request))
        if open_devices:
            form.add_error("token", _("That code is not right, or it has expired. Try the newest code."))
        else:
            form.add_error("token", _("Too many wrong codes. Wait a minute, then try again."))
    return render(request, "staff_auth/verify.html", {"form": form, "next": safe_next(request)})


@never_cache
def enrol(request):
    """First sign-in: pair an authenticator app (TOTP) before anything else in the admin."""
    if any(devices_for_user(request.user, confirmed=True)):
        return redirect(f"{reverse('staff_auth_verify')}?next={safe_next(request)}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name=_("Authenticator app"), confirmed=False)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return redirect(safe_next(request))
        form.add_error("token", _("That code is not right. Check the time on your phone and try the newest code."))
    context = {
        "form": form,
        "next": safe_next(request),
        # Drawn here as inline SVG: the secret never goes to a QR-code web service.
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=5, dark="#111", light="#fff"),
        "secret_base32": readable_base32(device.bin_key),
    }
    return render(request, "staff_auth/enrol.html", context)


def readable_base32(key):
    """The secret for typing into an app by hand, in groups of four."""
    text = base64.b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
