"""Protection against automated and abusive submissions, without storing who the sender is.

The rate limit is the second line, behind the proof-of-work of ``human_check``. It counts
*accepted* submissions per client (a refused or invalid POST costs the people sharing an address
nothing) in the cache, under a keyed hash of the client's address group and the current window:
the address itself is never written anywhere, and the counter expires with the window. An IPv6
client is counted per /64, the block one subscriber usually holds, so rotating addresses inside
it does not reset the count.
"""

import time
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from cms.clients import client_group_of

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


def client_key(request):
    """What a client is counted as: its address group (cms.clients)."""
    return client_group_of(request)


def bucket(name, request, window_seconds):
    """The cache key counting this client's events of one kind in the current window."""
    group = client_key(request)
    window = int(time.time() // window_seconds)
    return f"{name}:" + keyed_hash("rate-limit", f"{name}|{group}|{window}")[:32]


def count(key):
    return cache.get(key, 0)


def increment(key, timeout):
    """Count one more event in the window that ``key`` names (a counter created at the window's first event)."""
    count_up = getattr(cache, "count_up", None)  # cms.redis_cache: one round trip instead of three
    if count_up is not None:
        return count_up(key, timeout)
    cache.add(key, 0, timeout=timeout)
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1


def rate_limited(request):
    """Has this client already had INTAKE_RATE_LIMIT submissions accepted in this window?"""
    key = bucket("intake-rate", request, settings.INTAKE_RATE_WINDOW_SECONDS)
    return count(key) >= settings.INTAKE_RATE_LIMIT


def honeypot_filled(request):
    """The honeypot has a value (under its own name, or a form prefix's: ``q12-website``)."""
    suffix = "-" + HONEYPOT_FIELD
    return any(request.POST.get(key) for key in request.POST if key == HONEYPOT_FIELD or key.endswith(suffix))


def refuse_abusive_request(request, limited=True):
    """A Refusal explaining, in the claimant's language, why this POST is not accepted; or None.
    ``limited``: refuse a client over INTAKE_RATE_LIMIT too.

    Counts nothing: ``human_check.SubmissionGuard.accept`` counts a submission once it is saved."""
    if honeypot_filled(request):
        return Refusal(_("Your submission could not be accepted. Please try again."), 400)
    if limited and rate_limited(request):
        return Refusal(RATE_LIMITED, 429)
    errors = upload_errors(request)
    if errors:
        return Refusal(" ".join(str(message) for error in errors for message in error.messages), 413)
    return None
