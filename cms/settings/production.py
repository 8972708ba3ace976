"""Production: every secret from the environment, refusing to start without one."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .environment import derived_secret, env_bool, env_int, env_key, env_list, env_required, env_str

DEBUG = False
STAFF_2FA_REQUIRED = True  # not optional in production
SECRET_KEY = env_required("SECRET_KEY")
ALTCHA_HMAC_SECRET = derived_secret(SECRET_KEY, "altcha-challenges")
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
# Production runs behind a reverse proxy (deploy/Caddyfile) unless BEHIND_PROXY=false says it
# does not. Behind one, every request comes from the proxy's address: without CLIENT_IP_HEADER all
# claimants would share one rate-limit bucket, so the app refuses to start.
BEHIND_PROXY = env_bool("BEHIND_PROXY", True)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if not CLIENT_IP_HEADER:
        raise ImproperlyConfigured(
            "BEHIND_PROXY is on (the production default) but CLIENT_IP_HEADER is not set: every client "
            "would share one rate-limit bucket. Set CLIENT_IP_HEADER (e.g. HTTP_X_REAL_IP) to the "
            "header your proxy sets, or BEHIND_PROXY=false when the app faces clients directly."
        )
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
