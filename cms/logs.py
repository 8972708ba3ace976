"""Structured logs without personal data: JSON lines carrying a per-request id.

- `request_id` is a context variable set by cms.middleware.RequestIdMiddleware for the duration of
  a request (and echoed in the X-Request-ID response header), so one request's lines can be found
  together without logging who made it.
- JsonFormatter writes one JSON object per line (python-json-logger) with a fixed set of fields.
  It never serialises the `request` object Django attaches to its own records (its text carries the
  query string) and never adds the client address.
- RedactAddressesFilter replaces IPv4/IPv6 addresses in a message, for loggers we do not write
  ourselves (gunicorn names the peer of a malformed request).
"""

import contextvars
import logging
import re

from pythonjsonlogger.json import JsonFormatter as BaseJsonFormatter

request_id = contextvars.ContextVar("request_id", default="-")

_IPV4 = r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w.])"
_IPV6 = r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?![\w:])"
ADDRESS = re.compile(f"{_IPV4}|{_IPV6}")
ADDRESS_PLACEHOLDER = "[address]"

# Extra attributes some libraries attach to records that may carry personal data.
DROPPED_ATTRIBUTES = ("request", "server_time")


def redact_addresses(text: str) -> str:
    return ADDRESS.sub(ADDRESS_PLACEHOLDER, text)


class RequestIdFilter(logging.Filter):
    """Adds the current request id (or "-" outside a request) to every record."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


class RedactAddressesFilter(logging.Filter):
    """Replaces IP addresses in the formatted message; the record's arguments go with them."""

    def filter(self, record):
        message = record.getMessage()
        redacted = redact_addresses(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class JsonFormatter(BaseJsonFormatter):
    """One JSON object per line: time, level, logger, message, request_id, plus any safe extras."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", ["asctime", "levelname", "name", "message"])
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("datefmt", "%Y-%m-%dT%H:%M:%S%z")
        super().__init__(*args, **kwargs)

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        for attribute in DROPPED_ATTRIBUTES:
            log_data.pop(attribute, None)
        log_data["request_id"] = getattr(record, "request_id", None) or request_id.get()
