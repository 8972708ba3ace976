"""Settings shared by every environment. Safe by default: dev and test loosen, production tightens.

Every value that differs between machines comes from an environment variable, read here or in
production.py through cms.settings.environment; .env.example lists them all.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

from .environment import env_bool, env_days, env_int, env_list, env_prefixed, env_str
from .evidence_storage import evidence_storage

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
    # Locks Wagtail's login after repeated failures (counters in the "staff-throttle" cache only).
    "axes",
    # Self-hosted proof-of-work on public forms (forms_app/intake/human_check.py); widget from our static files.
    "altcha_django",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
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
    # Needed by Django 6.1's checks on PostgreSQL for Wagtail's GIN search index (postgres.E005).
    "django.contrib.postgres",
]

MIDDLEWARE = [
    # First, so that every log line written while serving a request carries its id (cms.logs).
    "cms.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered before sessions or the database are touched.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML and other text responses (WhiteNoise serves static files pre-compressed).
    # BREACH: CSRF tokens are masked afresh per response and no other secret is on a public page.
    "django.middleware.gzip.GZipMiddleware",
    # Multipart posts without files parsed by a faster library (before CSRF reads request.POST).
    "cms.form_parsing.FieldsFirstParsingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Picks the language from the URL prefix, then the cookie, then Accept-Language.
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Form pages and POST answers get Cache-Control: no-store (reads the CSRF flag, so after CSRF).
    "cms.middleware.NoStoreFormsMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Signs staff out after the idle and absolute session timeouts.
    "staff_auth.middleware.SessionTimeoutMiddleware",
    # Before the second-factor middleware, which leaves a message when it signs someone out.
    "django.contrib.messages.middleware.MessageMiddleware",
    # Marks whether the user passed a second factor, then sends admin users who have not to do so.
    "django_otp.middleware.OTPMiddleware",
    "staff_auth.middleware.RequireTwoFactorMiddleware",
    # Anonymous GETs of public pages from the cache, before Wagtail's routing (home/page_cache.py).
    # After sessions, CSRF, auth and messages, whose state decides whether the cache may be used.
    "home.page_cache.PublicPageCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Strict policy for the public site, Wagtail's needs for the admin (see cms/middleware.py).
    "cms.middleware.ContentSecurityPolicyMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Tells Tor Browser about the .onion address on public pages when ONION_LOCATION is set.
    "cms.middleware.OnionLocationMiddleware",
    # Last, as django-axes asks: turns a lockout into the same answer as a wrong password.
    "axes.middleware.AxesMiddleware",
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

# Axes first: a locked-out account or client is refused before its password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "staff_auth.backends.StaffBackend",
]
# Argon2 for new and changed passwords; older hashes still verify and are upgraded at next sign-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

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
# locale/ holds the project's catalogs (`make messages` rewrites them from our sources); locale/wagtail/
# only the Chinese for Wagtail's own msgids that Wagtail's catalogs leave untranslated. A second entry
# because makemessages --no-obsolete would drop those msgids (they are not in our sources) from locale/.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail"]
# The admin's own language is each user's preference; these are the ones offered.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and private files -------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static_collected")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
PRIVATE_STORAGE_ROOT = Path(env_str("PRIVATE_STORAGE_ROOT", str(VAR_DIR / "private")))
# Evidence never lives under MEDIA_ROOT and has no URL: a private folder, or with
# EVIDENCE_STORAGE=s3 an S3-compatible bucket (cms/settings/evidence_storage.py).
EVIDENCE_STORAGE = env_str("EVIDENCE_STORAGE", "local")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "evidence": evidence_storage(EVIDENCE_STORAGE, PRIVATE_STORAGE_ROOT, env_str),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Editors' documents are served from the site's own origin, which the CSP trusts for scripts:
# only what campaigns publish may be uploaded (no HTML, SVG, JavaScript or executables), and
# every document goes through Wagtail's view as an attachment with nosniff and a "default-src
# 'none'" CSP, never inline and never straight from MEDIA_URL.
WAGTAILDOCS_EXTENSIONS = [
    *("pdf", "doc", "docx", "odt", "rtf", "txt", "csv"),
    *("xls", "xlsx", "ods", "ppt", "pptx", "odp"),
    *("jpg", "jpeg", "png", "gif", "webp"),
]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Uploads stay in memory, bounded per file while streaming, so no plaintext temporary file is
# ever written (Django's default writes large uploads to world-readable temp files).
FILE_UPLOAD_HANDLERS = ["forms_app.evidence.BoundedMemoryUploadHandler"]
FILE_UPLOAD_MAX_MEMORY_SIZE = env_int("EVIDENCE_MAX_REQUEST_BYTES", 60 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = FILE_UPLOAD_MAX_MEMORY_SIZE
FILE_UPLOAD_PERMISSIONS = 0o600
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o700

# --- Cache (rate limits) and tasks ----------------------------------------------------------
# With REDIS_URL, every app server shares one cache, so rate limits count across all of them.
# Sessions are in the database, shared the same way (cms/sessions.py: Django's database sessions
# without the lookup before each new key).
REDIS_URL = env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "cms.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "cases"),
            # A Redis that does not answer fails the request quickly instead of hanging a worker.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # Sign-in failure counters must be shared by every process: Redis, else a database table
    # (created by `manage.py createcachetable`). They hold keyed hashes, never an address.
    "staff-throttle": (
        {
            "BACKEND": "cms.redis_cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "cases") + ":staff",
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "staff_auth_throttle"}
    ),
}
# Anonymous visitors' public pages served from the cache above (home/page_cache.py).
PUBLIC_PAGE_CACHE = env_bool("PUBLIC_PAGE_CACHE", True)
# The public counter block (home/blocks.py) gets its numbers from this callable, named by a dotted
# path because the public site must not import the case app (.importlinter); empty: no counter.
PUBLIC_CASE_COUNTS = "forms_app.reports.counter.public_counts"
# How long the counter's numbers, and a cached page showing them, are kept (seconds).
PUBLIC_COUNTER_SECONDS = env_int("PUBLIC_COUNTER_SECONDS", 300)
# Processes that decrypt and write an export's rows (forms_app/reports/parallel.py), forked from the
# serving process for the length of an export larger than one chunk; 1: all in the serving process.
EXPORT_PROCESSES = env_int("EXPORT_PROCESSES", min(os.cpu_count() or 1, 4))
# Only the benchmark's settings (cms/settings/bench.py) turn this on: it mounts /bench/bare/ and
# lets a request header invalidate the page cache. Never in production.
BENCH_MODE = False
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
# Open and click tracking off for every message, whatever the provider account's defaults: a
# tracking pixel or rewritten link would tell the provider (and anyone watching) who read what.
ANYMAIL.setdefault("SEND_DEFAULTS", {"track_opens": False, "track_clicks": False})
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "cases@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Fallback staff address told (without any detail) that a new case arrived, used only while no
# rule exists in Settings › Case notifications (which names staff accounts).
CASE_NOTIFICATION_EMAIL = env_str("CASE_NOTIFICATION_EMAIL", "")
# A failed e-mail is tried again after each of these delays (seconds), then given up on and
# listed in Settings › E-mails not sent.
MAIL_RETRY_DELAYS = [int(s) for s in env_list("MAIL_RETRY_DELAYS", ["60", "300", "1800", "7200", "21600"])]
# Case statuses a claimant who chose e-mail is told about ("there is news about your case"); a
# reviewer's question always is. In review and Information received are routine steps, Contacted
# means counsel contacts them directly; these are the decisions.
CLAIMANT_NEWS_STATUSES = ["merit", "no_merit", "plaintiff", "closed"]
# Mail providers operated in mainland China: a claimant choosing e-mail at one is warned first
# (subdomains count too).
CHINA_MAIL_DOMAINS = env_list(
    "CHINA_MAIL_DOMAINS",
    [
        *("qq.com", "foxmail.com", "163.com", "126.com", "yeah.net", "188.com", "netease.com"),
        *("sina.com", "sina.cn", "sohu.com", "aliyun.com", "alibaba-inc.com", "139.com", "189.cn"),
        *("wo.cn", "tom.com", "21cn.com", "263.net", "china.com", "vip.qq.com"),
    ],
)

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
SESSION_ENGINE = "cms.sessions"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# No cookie outlives the browser on a claimant's device. The CSRF cookie becomes a session
# cookie (not one year), and so does the session cookie (not two weeks), which the public site
# uses only between filing and the receipt page. Staff sessions then also end when the browser
# closes, so an admin left signed in on a shared computer does not stay signed in; they keep
# working while the browser is open, and the server still expires them after
# SESSION_COOKIE_AGE. CSRF_USE_SESSIONS was not chosen: it would write a session row for every
# visitor who opens a form.
CSRF_COOKIE_AGE = None
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Public pages: nothing but this origin, no inline script.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    # The proof-of-work widget injects one <style> element carrying the page's nonce.
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    # ... and runs its hashing in Web Workers it creates from blob: URLs of its own code.
    "worker-src": [CSP.SELF, "blob:"],
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

# JSON lines on the console (LOG_FORMAT=text for people reading a terminal), each with the id of the
# request being served and never an IP address, query string or anything a claimant typed.
LOG_LEVEL = env_str("LOG_LEVEL", "WARNING")
LOG_FORMAT = env_str("LOG_FORMAT", "json")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "cms.logs.RequestIdFilter"},
        "no_addresses": {"()": "cms.logs.RedactAddressesFilter"},
    },
    "formatters": {
        "json": {"()": "cms.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["request_id", "no_addresses"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Task runners log every state change at INFO; keep them at the chosen level too.
    "loggers": {name: {"level": LOG_LEVEL} for name in ("django.tasks", "django_tasks", "django_tasks_db")},
}

# Request header (as a META key, e.g. HTTP_X_REAL_IP) in which the proxy passes the client address;
# used only, hashed, for rate limiting. Empty = REMOTE_ADDR.
CLIENT_IP_HEADER = env_str("CLIENT_IP_HEADER", "")
# True when a reverse proxy (Caddy in deploy/) forwards requests to the app: REMOTE_ADDR is then the
# proxy's own address, so CLIENT_IP_HEADER is required (production refuses to start without it,
# check --deploy reports forms_app.E010), and X-Forwarded-Proto is trusted for HTTPS.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
# Accepted submissions per client (IPv4 address or IPv6 /64) per window; a second line behind the
# proof-of-work, counting only what was filed.
INTAKE_RATE_LIMIT = env_int("INTAKE_RATE_LIMIT", 10)
INTAKE_RATE_WINDOW_SECONDS = env_int("INTAKE_RATE_WINDOW_SECONDS", 3600)
# Unfinished forms (drafts) are erased this many days after the claimant last saved them
# (`manage.py purge_drafts`, run on a schedule; an expired draft is never reopened meanwhile).
DRAFT_RETENTION_DAYS = env_int("DRAFT_RETENTION_DAYS", 7)
# Wrong draft codes allowed per client per window before "continue a saved form" pauses.
DRAFT_CODE_ATTEMPTS = env_int("DRAFT_CODE_ATTEMPTS", 10)

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

# Retention (forms_app.cases.retention, run daily by `manage.py apply_retention`): days a case may
# stay in a final status before it is erased down to its tombstone, counted from its last status
# change. "withdrawn": a withdrawal the claimant asked for under legal hold, counted from the
# request, once the hold is lifted. Statuses not listed (New and every active one) are never erased.
# The privacy notice must state these periods (check: `manage.py check --database default`).
RETENTION_DAYS = env_days("RETENTION_DAYS", "no_merit=365,closed=180,withdrawn=0")
# Without JavaScript (no proof-of-work) a form is accepted this long after the server issued it,
# and at most INTAKE_NOJS_RATE_LIMIT such submissions per client per window.
INTAKE_NOJS_WAIT_SECONDS = env_int("INTAKE_NOJS_WAIT_SECONDS", 20)
INTAKE_NOJS_RATE_LIMIT = env_int("INTAKE_NOJS_RATE_LIMIT", 3)
# ALTCHA proof-of-work: challenges from /altcha/challenge/, signed with a key derived from
# SECRET_KEY; PBKDF2 with INTAKE_POW_COST iterations per try, until a derived key starts with
# three zero hex digits: ~4,096 tries expected, about a second on a phone. Many cheap tries rather
# than ALTCHA's default of ~256 dear ones (5,000 iterations each): the same work for the browser
# (both took 0.84 s in Chromium here), but the server checks a solution with a single try, so it
# pays 300 iterations instead of 5,000 per submission. ALTCHA's check altcha.W006, which
# recommends at least 1,000 iterations per try, assumes its default number of tries.
# Each solution works once (replay protection in the cache below).
# ALTCHA_HMAC_SECRET is set next to SECRET_KEY in dev/test/production (derived from it).
# Solutions are remembered in the cache every process shares (Redis, else a database table).
ALTCHA_CACHE_ALIAS = "staff-throttle"
ALTCHA_CHALLENGE = {"cost": env_int("INTAKE_POW_COST", 300), "key_prefix": "000", "expires_seconds": 20 * 60}
SILENCED_SYSTEM_CHECKS = ["altcha.W006"]
ALTCHA_WIDGET_JS_SOURCE = "vendored"

# Everyone signing in to the admin needs a TOTP code as well as a password.
STAFF_2FA_REQUIRED = env_bool("STAFF_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# django-otp's own throttle counts wrong codes on the device, so a stranger with the password could
# keep its owner out; staff_auth.throttle counts them per client and per device instead.
OTP_TOTP_THROTTLE_FACTOR = 0
# Wrong codes allowed per device and client before a pause (doubling with each further failure),
# and per device from all clients together in a day (a distributed guess stops there).
STAFF_OTP_CLIENT_FAILURES = env_int("STAFF_OTP_CLIENT_FAILURES", 5)
STAFF_OTP_DEVICE_DAILY_FAILURES = env_int("STAFF_OTP_DEVICE_DAILY_FAILURES", 100)
# One-time invitation links (set a password and pair an authenticator) expire after this many hours.
STAFF_INVITATION_HOURS = env_int("STAFF_INVITATION_HOURS", 72)
# Staff sessions end after this long without a request, and this long after signing in.
STAFF_SESSION_IDLE_MINUTES = env_int("STAFF_SESSION_IDLE_MINUTES", 30)
STAFF_SESSION_MAX_HOURS = env_int("STAFF_SESSION_MAX_HOURS", 10)
SESSION_COOKIE_AGE = STAFF_SESSION_MAX_HOURS * 60 * 60

# django-axes: after STAFF_LOGIN_FAILURE_LIMIT wrong passwords, the account (from anywhere) and the
# client (for any account) are locked for STAFF_LOGIN_LOCKOUT_MINUTES. The client is a keyed hash of
# its address; counters live only in the cache (no access log, no user agent, no address stored).
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_CACHE = "staff-throttle"
AXES_FAILURE_LIMIT = env_int("STAFF_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("STAFF_LOGIN_LOCKOUT_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "staff_auth.client.client_key"
AXES_LOCKOUT_CALLABLE = "staff_auth.client.neutral_lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
# Wagtail's front-end login (/<lang>/_util/login/) is closed; private pages send people here.
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
WAGTAILADMIN_USER_LOGIN_FORM = "staff_auth.forms.StaffLoginForm"

# --- Case encryption and keyed hashes (see forms_app) --------------------------------------
# Comma-separated base64 keys; the first wraps new data keys, the others are still accepted.
CASE_MASTER_KEYS = env_list("CASE_MASTER_KEYS")
# Base64 key for keyed hashes: receipt codes, rate-limit buckets, search and duplicate indexes.
CASE_HASH_KEY = env_str("CASE_HASH_KEY", "")

ADMIN_URL_PREFIX = "/admin/"
# The site's .onion address (e.g. http://abc…xyz.onion), announced to Tor Browser on public pages
# with an Onion-Location header. Empty = no header. Add the host to ALLOWED_HOSTS and the origin to
# CSRF_TRUSTED_ORIGINS too (README, deploy/torrc).
ONION_LOCATION = env_str("ONION_LOCATION", "").rstrip("/")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", False)
