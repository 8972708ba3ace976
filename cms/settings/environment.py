"""Reading the environment: the one place settings learn about the outside world."""

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


def env_required(name):
    """Production refuses to start on a missing secret instead of inventing one."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set in production.")
    return value


def env_prefixed(prefix):
    """ANYMAIL_POSTMARK_SERVER_TOKEN=x becomes {"POSTMARK_SERVER_TOKEN": "x"}."""
    return {key[len(prefix) :]: value for key, value in os.environ.items() if key.startswith(prefix)}


def derived_secret(secret_key, purpose):
    """A separate secret for one purpose (e.g. ALTCHA challenges), derived from SECRET_KEY."""
    import hashlib
    import hmac

    return hmac.new(secret_key.encode(), purpose.encode(), hashlib.sha256).hexdigest()
