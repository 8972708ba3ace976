import re

from django_otp.oath import TOTP

PASSWORD = "a-long-password-123"


def current_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def wrong_code(device):
    return "000000" if current_code(device) != "000000" else "111111"


def without_csrf_token(html):
    """A page with its per-response (masked, 64-character) CSRF tokens removed, for comparing two responses."""
    return re.sub(r"\b[A-Za-z0-9]{64}\b", "", html)
