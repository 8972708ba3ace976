"""Telling people from scripts on public forms, without a third party and without shutting out Tor.

Every public form that sends something (the intake form's sending page; My case's receipt-code,
reply and evidence forms) carries:

- a **form token**: a signed, random value with the time the server issued it (hidden input). It
  names nobody and is single-use: the submission that is accepted consumes it;
- an **ALTCHA proof-of-work**: with JavaScript, the browser solves a challenge from our own
  endpoint (``/altcha/challenge/``, widget script from our own static files) when the claimant
  presses send; about a second of work on a phone, a real cost for a script per submission;
- **without JavaScript** (Tor Browser's "Safest" level, old phones) the form still works: the
  POST is accepted without proof-of-work once ``INTAKE_NOJS_WAIT_SECONDS`` have passed since the
  server issued the token (anyone who typed their answers has long waited that), and such
  submissions have their own, tighter per-client limit (``INTAKE_NOJS_RATE_LIMIT``).

Each ``Scope`` (INTAKE, MY_CASE) has its own messages; only the intake's accepted posts count toward
the per-client limits (My case counts wrong receipt codes instead: mycase_access).

A script sending 1,000 posts therefore needs 1,000 form tokens, and either solves 1,000 challenges
or waits for each token and spreads its posts over hundreds of addresses (IPv6 counted per /64).
Refused posts store nothing and do not count against the people who share the address.

Use it from a view in two places::

    add_human_check(form)                    # when building the form (GET and POST)
    with submission_guard(request) as guard:  # on POST, before validating the form (or scope=MY_CASE)
        if guard.refusal: ...render the form with guard.refusal.message...
        ...save...
        guard.accept()                        # consumes the token, counts the submission

"""

import contextlib
import secrets
import time
from dataclasses import dataclass

from altcha_django.results import ErrorCode
from altcha_django.verifiers import run_verification
from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import get_language, gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from ..cases.crypto import keyed_hash
from . import abuse

TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
POW_FIELD = "altcha"
TOKEN_SALT = "forms_app.intake.form-token"  # noqa: S105 - a signing namespace
# A form opened longer ago than this is sent back with a fresh token (answers kept).
TOKEN_MAX_AGE_SECONDS = 24 * 60 * 60


def issue_token(issued_at=None):
    """A new form token: a random nonce and the issuing time, signed (not encrypted: it holds nothing else)."""
    issued = int(time.time() if issued_at is None else issued_at)
    return signing.dumps({"n": secrets.token_urlsafe(12), "t": issued}, salt=TOKEN_SALT, compress=False)


def read_token(token):
    """(nonce, issued_at) of a genuine, unexpired token, or None."""
    try:
        value = signing.loads(token or "", salt=TOKEN_SALT)
        nonce, issued = str(value["n"]), int(value["t"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    age = time.time() - issued
    if age < -60 or age > TOKEN_MAX_AGE_SECONDS:
        return None
    return nonce, issued


def reusable(token):
    """Is this posted token genuine, unexpired and not yet used by an accepted submission?"""
    read = read_token(token)
    return read is not None and not cache.get(_used_key(read[0]))


class HumanCheckWidget(forms.Widget):
    """The hidden form token, the ALTCHA element and what people without JavaScript are told."""

    template_name = "forms_app/widgets/human_check.html"

    def value_from_datadict(self, data, files, name):
        return data.get(TOKEN_FIELD)

    def value_omitted_from_data(self, data, files, name):
        return False

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # A posted token that is still good is kept, so the wait is never imposed twice.
        context["widget"].update(
            token=value if reusable(value) else issue_token(),
            token_name=TOKEN_FIELD,
            pow_name=POW_FIELD,
            challenge_url=reverse("altcha_django:challenge"),
            language=get_language(),
            wait_seconds=settings.INTAKE_NOJS_WAIT_SECONDS,
        )
        return context


class HumanCheckField(forms.Field):
    """Renders the check; the check itself runs before the form is validated (``submission_guard``)."""

    widget = HumanCheckWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Check against automated submissions"))
        super().__init__(**kwargs)

    def clean(self, value):
        return None


def add_human_check(form):
    """Add the honeypot and the human check to any public form (one call, GET and POST alike)."""
    abuse.add_honeypot(form)
    form.fields[TOKEN_FIELD] = HumanCheckField()


def altcha_widget_strings():
    """The widget's own texts in the visitor's language (its bundled translations are not ours)."""
    return {
        "language": get_language(),
        "strings": {
            "label": gettext("Check that I am a person (automatic)"),
            "verifying": gettext("Checking…"),
            "waitAlert": gettext("Checking… please wait a moment."),
            "verified": gettext("Checked"),
            "verificationRequired": gettext("Please wait for the automatic check."),
            "error": gettext("The automatic check failed. You can still send the form."),
            "expired": gettext("The automatic check expired. It will run again when you send the form."),
            "loading": gettext("Loading…"),
            "reload": gettext("Try again"),
            "verify": gettext("Check"),
            "cancel": gettext("Cancel"),
            "footer": "",
            "ariaLinkLabel": "",
        },
    }


@dataclass(frozen=True)
class Scope:
    """A kind of public form: the name of its counters and what a refused sender is told.

    ``counted``: its accepted posts count toward INTAKE_RATE_LIMIT (and, without proof-of-work,
    INTAKE_NOJS_RATE_LIMIT) per client. The intake counts; My case does not (it only opens with a
    receipt code, and wrong codes have their own, stricter throttle: mycase_access)."""

    name: str
    counted: bool
    unchecked: str
    already_sent: str
    wait: str  # ngettext_lazy, with %(seconds)d


INTAKE = Scope(
    name="intake",
    counted=True,
    unchecked=_(
        "This form could not be checked, perhaps because it was open for a very long time. "
        "Please send it again; your answers are still below."
    ),
    already_sent=_("This form has already been sent. To file another case, open the form again."),
    wait=ngettext_lazy(
        "Your browser did not run the automatic check that protects this form, so we ask "
        "for a short wait instead. Please wait %(seconds)d more second, then send the form "
        "again; your answers are still below.",
        "Your browser did not run the automatic check that protects this form, so we ask "
        "for a short wait instead. Please wait %(seconds)d more seconds, then send the form "
        "again; your answers are still below.",
        "seconds",
    ),
)
MY_CASE = Scope(
    name="mycase",
    counted=False,
    unchecked=_(
        "This form could not be checked, perhaps because the page was open for a very long time. Please send it again."
    ),
    already_sent=_("This form has already been sent. Open the page again to send something new."),
    wait=ngettext_lazy(
        "Your browser did not run the automatic check that protects this form, so we ask for a "
        "short wait instead. Please wait %(seconds)d more second, then send the form again.",
        "Your browser did not run the automatic check that protects this form, so we ask for a "
        "short wait instead. Please wait %(seconds)d more seconds, then send the form again.",
        "seconds",
    ),
)


@dataclass
class Verdict:
    refusal: abuse.Refusal | None
    nonce: str | None = None
    proof_of_work: bool = False


def _nojs_bucket(request, scope):
    return abuse.bucket(f"{scope.name}-rate-nojs", request, settings.INTAKE_RATE_WINDOW_SECONDS)


def _used_key(nonce):
    return "intake-token-used:" + keyed_hash("form-token", nonce)[:32]


def check_human(request, scope=INTAKE):
    """A Verdict on this POST: the form token, then proof-of-work, or else the no-JavaScript wait.

    A post that passes has claimed its token (``Verdict.nonce``): the claim is the check that the
    token is unused, one cache round trip. A refused post leaves the token as it found it."""
    token = read_token(request.POST.get(TOKEN_FIELD))
    if token is None:
        return Verdict(abuse.Refusal(scope.unchecked, 400))
    nonce, issued = token
    if not cache.add(_used_key(nonce), 1, TOKEN_MAX_AGE_SECONDS + 120):
        return Verdict(abuse.Refusal(scope.already_sent, 409))
    verdict = _proof_or_wait(request, scope, nonce, issued)
    if verdict.refusal is not None:
        cache.delete(_used_key(nonce))
    return verdict


def _proof_or_wait(request, scope, nonce, issued):
    payload = request.POST.get(POW_FIELD, "")
    if payload and len(payload) < 8192:
        result = run_verification(payload, request=request)
        if result.verified:
            return Verdict(None, nonce, proof_of_work=True)
        if result.code == ErrorCode.MISCONFIGURED.value:
            raise RuntimeError("ALTCHA is not configured")
    # No (valid) proof-of-work: the no-JavaScript path.
    remaining = int(issued + settings.INTAKE_NOJS_WAIT_SECONDS - time.time()) + 1
    if remaining > 0:
        return Verdict(abuse.Refusal(scope.wait % {"seconds": remaining}, 429), nonce)
    if scope.counted and abuse.count(_nojs_bucket(request, scope)) >= settings.INTAKE_NOJS_RATE_LIMIT:
        return Verdict(
            abuse.Refusal(
                _(
                    "Many forms without the automatic check have come from your connection recently. "
                    "Please turn on JavaScript for this site and send the form again, or try again "
                    "in an hour; your answers are still below."
                ),
                429,
            ),
            nonce,
        )
    return Verdict(None, nonce)


class SubmissionGuard:
    """What ``submission_guard`` yields: the refusal, if any, and ``accept()`` for a saved submission."""

    def __init__(self, request, scope=INTAKE):
        self.request = request
        self.scope = scope
        self.verdict = None
        self.refusal = abuse.refuse_abusive_request(request, limited=scope.counted)
        if self.refusal is None:
            self.verdict = check_human(request, scope)
            self.refusal = self.verdict.refusal
        # Only a post that passed holds its token (check_human claimed it).
        self.claimed = self.refusal is None
        self.accepted = False

    def accept(self):
        """The post did what it was for (a case or a reply saved, a receipt code tried): the token
        stays used and, for a counted scope, the client's counters go up."""
        self.accepted = True
        if not self.scope.counted:
            return
        window = settings.INTAKE_RATE_WINDOW_SECONDS
        abuse.increment(abuse.bucket("intake-rate", self.request, window), window)
        if not self.verdict.proof_of_work:
            abuse.increment(_nojs_bucket(self.request, self.scope), window)

    def release(self):
        if self.claimed and not self.accepted:
            cache.delete(_used_key(self.verdict.nonce))


@contextlib.contextmanager
def submission_guard(request, scope=INTAKE):
    """Check a POST before its form is validated; an unaccepted submission frees its token again."""
    guard = SubmissionGuard(request, scope)
    request.submission_guard = guard
    try:
        yield guard
    finally:
        guard.release()
