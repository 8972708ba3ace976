"""Reading the environment: the one place settings learn about the outside world."""

import base64
import binascii
import os

from django.core.exceptions import ImproperlyConfigured


def env_str(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return default if value in (None, "") else int(value)


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def env_days(name, default):
    """``no_merit=365,closed=180`` as {"no_merit": 365, "closed": 180}; empty = {}. A malformed entry
    stops the site at start-up, naming the variable and the entry."""
    value = os.environ.get(name)
    text = default if value is None else value
    days = {}
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        key, sep, number = (piece.strip() for piece in item.partition("="))
        if not sep or not key or not number.isdigit():
            raise ImproperlyConfigured(f"{name}: '{item}' is not STATUS=DAYS (e.g. no_merit=365).")
        days[key] = int(number)
    return days


def env_required(name):
    """Production refuses to start on a missing secret instead of inventing one."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


def env_prefixed(prefix):
    """ANYMAIL_POSTMARK_SERVER_TOKEN=x becomes {"POSTMARK_SERVER_TOKEN": "x"}."""
    return {key[len(prefix) :]: value for key, value in os.environ.items() if key.startswith(prefix)}


def env_key(name, text):
    """``text`` if it is a base64-encoded 32-byte key; otherwise refuse to start, naming the variable
    (never the value). The same rule as the forms_app.E001-E003 system checks."""
    cleaned = text.strip().replace("-", "+").replace("_", "/")
    try:
        key = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError):
        key = b""
    if len(key) != 32:
        raise ImproperlyConfigured(f"{name} must hold base64-encoded 32-byte keys.")
    return text


def derived_secret(secret_key, purpose):
    """A separate secret for one purpose (e.g. ALTCHA challenges), derived from SECRET_KEY."""
    import hashlib
    import hmac

    return hmac.new(secret_key.encode(), purpose.encode(), hashlib.sha256).hexdigest()
