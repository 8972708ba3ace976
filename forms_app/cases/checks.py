"""System checks run at start-up (``manage.py check``, ``runserver``, ``check --deploy``).

A malformed encryption key must stop the site before the first claimant files a case, not
answer their submission with a 500. Messages name the setting and the key's position, never
the key itself.
"""

import base64
import binascii

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

KEY_BYTES = 32


def decode_key(text):
    """The 32-byte key in ``text`` (base64, URL-safe or standard, padding optional); ValueError if not."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("empty")
    cleaned = text.strip().replace("-", "+").replace("_", "/")
    try:
        key = base64.b64decode(cleaned + "=" * (-len(cleaned) % 4), validate=True)
    except (binascii.Error, ValueError) as error:
        raise ValueError("not base64") from error
    if len(key) != KEY_BYTES:
        raise ValueError(f"{len(key)} bytes instead of {KEY_BYTES}")
    return key


HINT = 'Generate one with: python -c "import base64, os; print(base64.urlsafe_b64encode(os.urandom(32)).decode())"'


@register(Tags.security)
def check_case_keys(app_configs, **kwargs):
    """Every CASE_MASTER_KEYS entry and CASE_HASH_KEY is base64 of exactly 32 bytes; the first master key exists."""
    errors = []
    master_keys = getattr(settings, "CASE_MASTER_KEYS", None) or []
    if isinstance(master_keys, str):
        master_keys = [item for item in master_keys.split(",") if item.strip()]
    if not master_keys or not str(master_keys[0]).strip():
        errors.append(
            Error(
                "CASE_MASTER_KEYS has no first key: new cases could not be encrypted.",
                hint=HINT,
                id="forms_app.E001",
            )
        )
    for position, text in enumerate(master_keys, start=1):
        try:
            decode_key(text)
        except ValueError as problem:
            errors.append(
                Error(
                    f"Key number {position} in CASE_MASTER_KEYS is not a base64-encoded "
                    f"{KEY_BYTES}-byte key ({problem}).",
                    hint=HINT,
                    id="forms_app.E002",
                )
            )
    try:
        decode_key(getattr(settings, "CASE_HASH_KEY", ""))
    except ValueError as problem:
        errors.append(
            Error(
                f"CASE_HASH_KEY is missing or not a base64-encoded {KEY_BYTES}-byte key ({problem}).",
                hint=HINT,
                id="forms_app.E003",
            )
        )
    return errors


@register()
def check_retention_days(app_configs, **kwargs):
    """RETENTION_DAYS names only statuses that may be erased (never New or an active status)."""
    from .retention import RETAINABLE

    errors = []
    for rule, days in (getattr(settings, "RETENTION_DAYS", {}) or {}).items():
        if rule not in RETAINABLE:
            errors.append(
                Error(
                    f"RETENTION_DAYS names '{rule}', which is not a status cases may be erased from.",
                    hint=f"Use only {', '.join(RETAINABLE)} (e.g. no_merit=365,closed=180,withdrawn=0).",
                    id="forms_app.E004",
                )
            )
        elif not isinstance(days, int) or days < 0:
            errors.append(Error(f"RETENTION_DAYS: '{rule}' needs a whole number of days.", id="forms_app.E005"))
    return errors


@register(Tags.database)
def check_privacy_notice_periods(app_configs, databases=None, **kwargs):
    """The live privacy notice states every retention period (``manage.py check --database default``;
    also printed by ``apply_retention``)."""
    if not databases:
        return []
    from django.db import DatabaseError

    from .retention import privacy_notice_gaps

    try:
        gaps = privacy_notice_gaps()
    except DatabaseError:  # e.g. `migrate` checks before the page table exists
        return []
    return [
        Warning(
            f"The privacy notice ({language}) does not state the retention period(s) of "
            f"{', '.join(str(days) for days in missing)} days set in RETENTION_DAYS.",
            hint="Edit the privacy notice so that it states each period in days, in digits, or change RETENTION_DAYS.",
            id="forms_app.W001",
        )
        for language, missing in gaps
    ]
