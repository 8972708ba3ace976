"""Receipt codes: shown to the claimant once, stored only as a keyed hash.

Between the POST and the receipt page (POST-redirect-GET) the code sits in the session sealed
with a key derived from CASE_HASH_KEY, so the session table never holds it in clear, and it is
removed as soon as it has been shown.
"""

import base64
import json
import secrets

from django.urls import reverse

from . import crypto

RECEIPT_DIGITS = 20
SESSION_KEY = "forms_app.receipt"


def new_receipt_code():
    return "".join(secrets.choice("0123456789") for _ in range(RECEIPT_DIGITS))


def normalise_receipt_code(text):
    return "".join(ch for ch in text if ch.isdigit())


def format_receipt_code(code):
    return " ".join(code[i : i + 4] for i in range(0, len(code), 4))


def receipt_code_hash(code):
    return crypto.keyed_hash("receipt-code", normalise_receipt_code(code))


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
