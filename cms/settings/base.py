"""Settings shared by every environment. Safe by default: dev and test loosen, production tightens.

Every value that differs between machines comes from an environment variable, read here or in
production.py through cms.settings.environment; .env.example lists them all.
"""

from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from .environment import env_bool, env_int, env_list, env_prefixed, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Everything a running site writes locally (SQLite file, private evidence, dev keys) lives here.
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "forms_app",
    "staff_auth",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Needed by Django 6.1's checks on PostgreSQL for Wagtail's GIN search index (postgres.E005).
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered before sessions or the database are touched.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Picks the language from the URL prefix, then the cookie, then Accept-Language.
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Marks whether the user passed a second factor, then sends admin users who have not to do so.
    "django_otp.middleware.OTPMiddleware",
    "staff_auth.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Strict policy for the public site, Wagtail's needs for the admin (see cms/middleware.py).
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# SQLite file by default; DATABASE_URL (e.g. postgres://user@host/db) switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        # Persistent connections: opening a PostgreSQL connection costs ~15 ms per request here.
        conn_max_age=env_int("CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("zh-hant", "繁體中文"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]
# The admin's own language is each user's preference; these are the ones offered.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and private files -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Evidence never lives under MEDIA_ROOT: it has its own storage, with no URL at all.
PRIVATE_STORAGE_ROOT = Path(env_str("PRIVATE_STORAGE_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "evidence": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_STORAGE_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Uploads stay in memory, bounded per file while streaming, so no plaintext temporary file is
# ever written (Django's default writes large uploads to world-readable temp files).
FILE_UPLOAD_HANDLERS = ["forms_app.evidence.BoundedMemoryUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("EVIDENCE_MAX_REQUEST_BYTES", 60 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = FILE_UPLOAD_MAX_MEMORY_SIZE
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# --- Cache (rate limits) and tasks ----------------------------------------------------------
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env_str("REDIS_URL")}
        if env_str("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- E-mail (Django 6.1 MAILERS; anymail is only a backend) --------------------------------
MAILERS = {
    "default": {
        "BACKEND": env_str("MAILER_BACKEND", "django.core.mail.backends.smtp.EmailBackend"),
    }
}
# ANYMAIL_<SETTING>=value, e.g. ANYMAIL_POSTMARK_SERVER_TOKEN, configures the chosen ESP.
ANYMAIL = env_prefixed("ANYMAIL_")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cases@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Staff address told (without any detail) that a new case arrived.
CASE_NOTIFICATION_EMAIL = env_str("CASE_NOTIFICATION_EMAIL", "")

# --- Wagtail -------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("WAGTAIL_SITE_NAME", "WeChat Accountability Project")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The admin must not contact third parties: no update check, no Gravatar avatars.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Security headers -------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Public pages: nothing but this origin, no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
# The Wagtail admin needs inline scripts (formsets: adding questions, date pickers) and styles,
# and blob: previews; still nothing from any other origin. Claimant text shown to staff is escaped
# by the templates, which is what stands between it and these inline scripts.
ADMIN_CSP = SECURE_CSP | {
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-ancestors": [CSP.SELF],
    "frame-src": [CSP.SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    # Task runners log every state change at INFO; keep them at the chosen level too.
    "loggers": {
        name: {"level": env_str("LOG_LEVEL", "WARNING")}
        for name in ("django.tasks", "django_tasks", "django_tasks_db")
    },
}

# Request header (as a META key, e.g. HTTP_X_REAL_IP) in which the proxy passes the client address;
# used only, hashed, for rate limiting. Empty = REMOTE_ADDR.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "")
INTAKE_RATE_LIMIT = env_int("INTAKE_RATE_LIMIT", 10)
INTAKE_RATE_WINDOW_SECONDS = env_int("INTAKE_RATE_WINDOW_SECONDS", 3600)

# "My case" (forms_app.intake.mycase_access): wrong receipt codes allowed per client and window,
# and across the whole site (guessing spread over many addresses); then the session's idle and
# absolute limits.
MYCASE_CLIENT_ATTEMPTS = env_int("MYCASE_CLIENT_ATTEMPTS", 5)
MYCASE_CLIENT_WINDOW_SECONDS = env_int("MYCASE_CLIENT_WINDOW_SECONDS", 900)
MYCASE_SITE_ATTEMPTS = env_int("MYCASE_SITE_ATTEMPTS", 200)
MYCASE_SITE_WINDOW_SECONDS = env_int("MYCASE_SITE_WINDOW_SECONDS", 3600)
MYCASE_IDLE_SECONDS = env_int("MYCASE_IDLE_SECONDS", 15 * 60)
MYCASE_MAX_SECONDS = env_int("MYCASE_MAX_SECONDS", 60 * 60)
# Staff checking a receipt code quoted by a claimant: checks per staff member and hour.
RECEIPT_CHECKS_PER_HOUR = env_int("RECEIPT_CHECKS_PER_HOUR", 10)

# Everyone signing in to the admin needs a TOTP code as well as a password.
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME

# --- Case encryption and keyed hashes (see forms_app) --------------------------------------
# Comma-separated base64 keys; the first wraps new data keys, the others are still accepted.
CASE_MASTER_KEYS = env_list("CASE_MASTER_KEYS")
# Base64 key for keyed hashes: receipt codes, rate-limit buckets, search and duplicate indexes.
CASE_HASH_KEY = env_str("CASE_HASH_KEY", "")

ADMIN_URL_PREFIX = "/admin/"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
