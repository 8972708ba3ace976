"""`make bench`: production settings (DEBUG off, WhiteNoise, persistent connections, the page cache),
with what a benchmark on 127.0.0.1 needs. Never used to serve the real site.

benchmarks/run.py provides the required production variables (throw-away keys, DATABASE_URL of its
own SQLite file unless one is given) and BENCH_CACHE_DIR when there is no REDIS_URL.
"""

from .environment import env_str
from .production import *  # noqa: F403

BENCH_MODE = True
# The bench talks plain HTTP to 127.0.0.1.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
# 32 clients from one address submit hundreds of cases a minute.
INTAKE_RATE_LIMIT = 1_000_000_000
# The bench's clients solve each proof-of-work before timing the post: 16 tries expected instead
# of 4,096 keeps them fast, while the server still verifies at the production cost (one try).
ALTCHA_CHALLENGE = {**ALTCHA_CHALLENGE, "key_prefix": "0"}
# Without Redis, two gunicorn workers still need one cache (page cache, generation, rate limits).
if not env_str("REDIS_URL"):
    # Keeps the login lockout's database cache ("staff-throttle").
    CACHES = CACHES | {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env_str("BENCH_CACHE_DIR", str(VAR_DIR / "bench-cache")),
        }
    }
