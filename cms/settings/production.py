"""Production: every secret from the environment, refusing to start without one."""

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_key, env_list, env_required, env_str

DEBUG = False
STAFF_2FA_REQUIRED = True  # not optional in production
SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    env_required("ALLOWED_HOSTS")
env_required("DATABASE_URL")  # base.py has already read it; SQLite is not for production
# Malformed keys stop the site here, not at the first claimant's submission.
CASE_MASTER_KEYS = [
    env_key("CASE_MASTER_KEYS", key) for key in env_list("CASE_MASTER_KEYS") or [env_required("CASE_MASTER_KEYS")]
]
CASE_HASH_KEY = env_key("CASE_HASH_KEY", env_required("CASE_HASH_KEY"))

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Health checks come from the proxy or a monitor over plain HTTP on the host; they are not redirected.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
MAILERS = {"default": {"BACKEND": env_str("MAILER_BACKEND", "django.core.mail.backends.smtp.EmailBackend")}}
if MAILERS["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    # Django 6.1's SMTP mailer takes its server from OPTIONS (the EMAIL_* settings are deprecated).
    MAILERS["default"]["OPTIONS"] = {
        "host": env_str("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 0) or None,
        "username": env_str("EMAIL_HOST_USER", ""),
        "password": env_str("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS", False),
        "use_ssl": env_bool("EMAIL_USE_SSL", False),
        "timeout": env_int("EMAIL_TIMEOUT", 30),
    }
