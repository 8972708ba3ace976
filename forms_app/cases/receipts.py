"""Receipt codes: shown to the claimant once, stored only as a keyed hash.

Between the POST and the receipt page (POST-redirect-GET) the reference and code travel in a
cookie, sealed with a key derived from CASE_HASH_KEY: sent only to the receipt page, ended with the
browser (no expiry date), HttpOnly, removed by the page that shows it. The server keeps nothing of
it (filing writes no session row); the page shows a sealed receipt once, within RECEIPT_SHOW_SECONDS
of filing, and remembers in the cache that it did, so a copy of the cookie shows nothing more.
"""

import base64
import hmac
import json
import re
import secrets
import time
import unicodedata

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import redirect
from django.urls import reverse

from . import crypto
from .models import Case

RECEIPT_DIGITS = 20
COOKIE_NAME = "receipt"
# How long after filing the receipt page still shows a receipt whose page was not reached at once
# (a dropped connection): as long as the cache remembers which receipts were shown.
RECEIPT_SHOW_SECONDS = 24 * 60 * 60


def new_receipt_code():
    """RECEIPT_DIGITS random digits (one draw of a number below 10**20, not twenty draws of a digit)."""
    return f"{secrets.randbelow(10**RECEIPT_DIGITS):0{RECEIPT_DIGITS}d}"


# What people type between groups of digits: spaces of any kind and dashes (NFKC has already
# turned full-width forms into ASCII ones).
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u30fc\uff0d]+")


def normalise_receipt_code(text):
    """The code's digits as typed with spaces or dashes, full-width digits accepted (NFKC); "" when
    what was typed is not a receipt code at all."""
    text = _SEPARATORS.sub("", unicodedata.normalize("NFKC", text or ""))
    if len(text) != RECEIPT_DIGITS or not all(ch in "0123456789" for ch in text):
        return ""
    return text


def format_receipt_code(code):
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def receipt_code_hash(code):
    return crypto.keyed_hash("receipt-code", normalise_receipt_code(code))


def find_case(code):
    """The case whose receipt code this is, or None. The code is looked up by its keyed hash (a
    unique column) and the hashes compared in constant time; nothing about the code is kept."""
    digits = normalise_receipt_code(code)
    wanted = crypto.keyed_hash("receipt-code", digits or "not-a-code")
    if not digits:
        return None
    case = Case.objects.filter(receipt_code_hash=wanted, withdrawn_at__isnull=True).first()
    if case is None or not hmac.compare_digest(case.receipt_code_hash, wanted):
        return None
    return case


def code_belongs_to(case, code):
    """Whether ``code`` is the receipt code of ``case`` (for staff checking a quoted code)."""
    digits = normalise_receipt_code(code)
    return bool(digits) and crypto.keyed_hash_matches("receipt-code", digits, case.receipt_code_hash)


def _flash_key():
    """A 32-byte key of its own, derived from CASE_HASH_KEY."""
    return bytes.fromhex(crypto.keyed_hash("receipt-flash", "key"))


def receipt_redirect(new_case):
    """The redirect to the receipt page, carrying the new case's reference and receipt code sealed."""
    payload = json.dumps(
        {
            "reference": new_case.case.reference,
            "code": new_case.receipt_code,
            "language": new_case.case.language,
            "filed": int(time.time()),
        }
    )
    sealed = crypto.seal(_flash_key(), payload.encode(), b"receipt-flash")
    response = redirect(receipt_url())
    response.set_cookie(
        COOKIE_NAME,
        base64.urlsafe_b64encode(sealed).decode(),
        path=receipt_url(),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def take_receipt(request):
    """The receipt waiting to be shown, or None (none, not genuine, too old, or already shown)."""
    stored = request.COOKIES.get(COOKIE_NAME)
    if not stored or len(stored) > 1024:
        return None
    try:
        shown = json.loads(crypto.open_sealed(_flash_key(), base64.urlsafe_b64decode(stored), b"receipt-flash"))
        filed = int(shown["filed"])
    except (crypto.DecryptionError, ValueError, TypeError, KeyError):
        return None
    if not 0 <= time.time() - filed <= RECEIPT_SHOW_SECONDS:
        return None
    once = "receipt-shown:" + crypto.keyed_hash("receipt-shown", stored)[:32]
    if not cache.add(once, 1, RECEIPT_SHOW_SECONDS + 60):
        return None
    return shown


def forget_receipt(response):
    """Remove the receipt cookie from the browser."""
    response.delete_cookie(COOKIE_NAME, path=receipt_url(), samesite="Lax")


def receipt_url():
    return reverse("forms_app:receipt")
