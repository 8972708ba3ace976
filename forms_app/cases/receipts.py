"""Receipt codes: shown to the claimant once, stored only as a keyed hash.

Between the POST and the receipt page (POST-redirect-GET) the code sits in the session sealed
with a key derived from CASE_HASH_KEY, so the session table never holds it in clear, and it is
removed as soon as it has been shown.
"""

import base64
import hmac
import json
import re
import secrets
import unicodedata

from django.urls import reverse

from . import crypto
from .models import Case

RECEIPT_DIGITS = 20
SESSION_KEY = "forms_app.receipt"


def new_receipt_code():
    return "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))


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


def remember_receipt(request, new_case):
    payload = json.dumps(
        {"reference": new_case.case.reference, "code": new_case.receipt_code, "language": new_case.case.language}
    )
    sealed = crypto.seal(_flash_key(), payload.encode(), b"receipt-flash")
    request.session[SESSION_KEY] = base64.b64encode(sealed).decode()


def take_receipt(request):
    """The receipt waiting to be shown, removed from the session; None if there is none."""
    stored = request.session.pop(SESSION_KEY, None)
    if not stored:
        return None
    try:
        return json.loads(crypto.open_sealed(_flash_key(), base64.b64decode(stored), b"receipt-flash"))
    except (crypto.DecryptionError, ValueError):
        return None


def receipt_url():
    return reverse("forms_app:receipt")
