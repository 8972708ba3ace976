"""gunicorn settings for the case-intake site: `gunicorn -c deploy/gunicorn.conf.py cms.wsgi:application`.

Every value can be changed through the environment (GUNICORN_*), so the same file serves the
systemd unit, `make serve-prod`, the Dockerfile and the two-server test.
"""

import multiprocessing
import os


def _int(name, default):
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


# Behind the reverse proxy on the same machine; a second app server on the same host takes another port.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Synchronous workers: the app is CPU-bound on encryption and image cleaning, and each request is
# short except exports. The usual 2 × cores + 1.
workers = _int("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1)
worker_class = "sync"

# A worker silent for this long is killed and replaced. An export of 100 000 cases streams for 10 to
# 15 s on 2 cores (20 to 30 s with EXPORT_PROCESSES=1), so 120 s leaves room for slower machines
# and larger queues while still ending a stuck request. Raise GUNICORN_TIMEOUT if exports are cut off.
timeout = _int("GUNICORN_TIMEOUT", 120)
# Graceful restarts (SIGHUP reloads the code, SIGTERM stops): workers finish the request they are
# serving, up to the same time as the longest expected request.
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", timeout)
# Replace each worker now and then (jittered so they do not all restart together) to bound memory.
max_requests = _int("GUNICORN_MAX_REQUESTS", 1000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 100)
keepalive = _int("GUNICORN_KEEPALIVE", 5)

# Request size. gunicorn has no limit on the body; the app refuses bodies above
# EVIDENCE_MAX_REQUEST_BYTES (Django's DATA_UPLOAD_MAX_MEMORY_SIZE and the evidence upload handler)
# and the proxy must cut them off at the same number (deploy/Caddyfile `request_body max_size`).
# Here only the request line and headers are bounded: a form post needs neither to be large.
EVIDENCE_MAX_REQUEST_BYTES = _int("EVIDENCE_MAX_REQUEST_BYTES", 60 * 1024 * 1024)
limit_request_line = 4094
limit_request_fields = 100
limit_request_field_size = 8190

# The proxy on this host terminates TLS and says so in X-Forwarded-Proto.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Access log: one JSON object per request on stdout, with NO client address (%(h)s), no query
# string (the path is %(U)s, not the request line %(r)s), no referrer and no user agent. The
# request id links it to the application's own log lines (cms.logs). GUNICORN_ACCESS_LOG=off
# turns it off.
access_log_format = (
    '{"time": "%(t)s", "method": "%(m)s", "path": "%(U)s", "status": "%(s)s", '
    '"bytes": "%(B)s", "duration_ms": "%(M)s", "request_id": "%({x-request-id}o)s"}'
)
_access_on = os.environ.get("GUNICORN_ACCESS_LOG", "on").lower() not in {"", "off", "none", "0", "false"}
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn's own error log names the peer address of a malformed request ("Invalid request from
# ip=..."): it goes through the filter that removes addresses.
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "root": {"level": "WARNING", "handlers": []},
    "filters": {"no_addresses": {"()": "cms.logs.RedactAddressesFilter"}},
    "formatters": {
        "message_only": {"format": "%(message)s"},
        "json": {"()": "cms.logs.JsonFormatter"},
    },
    "handlers": {
        "access": {
            "class": "logging.StreamHandler" if _access_on else "logging.NullHandler",
            **({"stream": "ext://sys.stdout", "formatter": "message_only"} if _access_on else {}),
        },
        "error_console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "json",
            "filters": ["no_addresses"],
        },
    },
    "loggers": {
        "gunicorn.error": {"level": loglevel.upper(), "handlers": ["error_console"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["access"], "propagate": False},
    },
}

# Workers share nothing with each other: no preload, so a code reload (SIGHUP) picks up a release.
preload_app = False
proc_name = "cases-web"
# gunicorn's control socket (gunicornc) defaults to one path per user, which two app servers on one
# host would share: off unless a path is given.
_control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "")
if _control_socket:
    control_socket = _control_socket
control_socket_disable = not _control_socket
