"""Protection against automated and abusive submissions, without storing who the sender is.

The rate limit counts attempts per client in the cache under a keyed hash of the client address
and the current window: the address itself is never written anywhere, and the counter expires
with the window.
"""

import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from ..cases.crypto import keyed_hash
from ..evidence import upload_errors

HONEYPOT_FIELD = "website"
RATE_LIMITED = _(
    "Too many submissions have come from your connection in a short time. "
    "Please wait an hour and try again; what you typed is still below."
)


@dataclass
class Refusal:
    message: str
    status: int


class HoneypotInput(forms.TextInput):
    template_name = "forms_app/widgets/honeypot.html"


def add_honeypot(form):
    """A field people never see or fill (hidden by CSS, skipped by screen readers and tab order)."""
    form.fields[HONEYPOT_FIELD] = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=HoneypotInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )


def client_address(request):
    """The client's address as the proxy reports it (settings.CLIENT_IP_HEADER, e.g.
    HTTP_X_REAL_IP), else REMOTE_ADDR. Only ever hashed, never stored."""
    header = settings.CLIENT_IP_HEADER
    if header and request.META.get(header):
        # X-Forwarded-For lists every hop; the last one was added by our own proxy.
        return request.META[header].split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_bucket(request, window_seconds):
    address = client_address(request)
    window = int(time.time() // window_seconds)
    return "intake-rate:" + keyed_hash("rate-limit", f"{address}|{window}")[:32]


def rate_limited(request):
    limit = settings.INTAKE_RATE_LIMIT
    window = settings.INTAKE_RATE_WINDOW_SECONDS
    key = client_bucket(request, window)
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def refuse_abusive_request(request):
    """A Refusal explaining, in the claimant's language, why this POST is not accepted; or None."""
    if request.POST.get(HONEYPOT_FIELD):
        return Refusal(_("Your submission could not be accepted. Please try again."), 400)
    if rate_limited(request):
        return Refusal(RATE_LIMITED, 429)
    errors = upload_errors(request)
    if errors:
        return Refusal(" ".join(str(message) for error in errors for message in error.messages), 413)
    return None
