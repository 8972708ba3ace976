"""The test suite: fast hashing, in-memory e-mail, fixed keys, immediate tasks."""

from .base import *  # noqa: F403
from .base import REDIS_URL
from .environment import derived_secret

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-any-real-use"  # noqa: S105
ALTCHA_HMAC_SECRET = derived_secret(SECRET_KEY, "altcha-challenges")
CASE_MASTER_KEYS = ["dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmctISE="]
CASE_HASH_KEY = "dGVzdC1oYXNoLWtleS0zMi1ieXRlcy1sb25nLWtleSE="
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
# Per-process memory, unless REDIS_URL asks for the Redis cache (tests/production/test_redis.py);
# sign-in throttling always in memory here (base uses a database table without Redis).
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CACHES["staff-throttle"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "staff-throttle"}
# One process: axes's and ALTCHA's warnings about a per-process cache do not apply to the test run,
# and the proof-of-work is deliberately cheap here (below ALTCHA's recommended cost).
SILENCED_SYSTEM_CHECKS = ["axes.W001", "altcha.W001", "altcha.W006"]
ALLOWED_HOSTS = ["*"]
WHITENOISE_USE_FINDERS = True
# Tests that exercise two-factor sign-in turn it on; the rest sign in with force_login.
STAFF_2FA_REQUIRED = False

# On SQLite the test database is a file, so `pytest --reuse-db` (the default in pytest.ini) can keep
# it between runs: migrations then only apply what is new. `pytest --create-db` starts afresh.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
    # A disposable file: no waiting for the disk at each commit (migrations and the demo seed commit
    # hundreds of times). After a crash, run pytest --create-db.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA synchronous=OFF;"
# Proof-of-work that the test client solves in microseconds (tests/intake/builders.py).
ALTCHA_CHALLENGE = {"cost": 1, "key_prefix": "0", "expires_seconds": 20 * 60}
