"""REDIS_URL: the cache and the intake rate limit live in Redis, shared by every app process."""

import json

from .services import cache_prefix, production_env, python, require_redis

COUNT_ATTEMPTS = """
import json
from django.core.cache import caches
from django.conf import settings
from django.test import RequestFactory
from forms_app.intake.abuse import bucket, increment, rate_limited

request = RequestFactory().post("/", REMOTE_ADDR="198.51.100.9")
window = settings.INTAKE_RATE_WINDOW_SECONDS


def submit():
    # What the intake form does: refuse when the limit is reached, else count the accepted case.
    limited = rate_limited(request)
    if not limited:
        increment(bucket("intake-rate", request, window), window)
    return limited


print(json.dumps({
    "backend": type(caches["default"]).__module__ + "." + type(caches["default"]).__name__,
    "limited": [submit() for _ in range(2)],
}))
"""


def test_rate_limit_counts_across_processes_through_redis():
    """With REDIS_URL set the cache is Redis, and two separate processes (two Redis clients) count
    the same client's accepted submissions together: a limit of 3 refuses the fourth overall."""
    url = require_redis()
    env = production_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        REDIS_URL=url,
        CACHE_KEY_PREFIX=cache_prefix(),
        INTAKE_RATE_LIMIT=3,
    )
    first = json.loads(python(env, COUNT_ATTEMPTS).splitlines()[-1])
    second = json.loads(python(env, COUNT_ATTEMPTS).splitlines()[-1])
    assert first["backend"] == "cms.redis_cache.RedisCache"
    assert first["limited"] == [False, False]
    assert second["limited"] == [False, True]


def test_rate_limit_counters_are_keyed_hashes_that_expire():
    """What Redis holds for a rate limit is a keyed hash of the address with an expiry, never the
    address itself."""
    url = require_redis()
    import redis

    prefix = cache_prefix()
    env = production_env(DJANGO_SETTINGS_MODULE="cms.settings.test", REDIS_URL=url, CACHE_KEY_PREFIX=prefix)
    python(env, COUNT_ATTEMPTS)
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(match=f"{prefix}:*"))
    try:
        assert keys
        for key in keys:
            assert b"198.51.100.9" not in key
            assert b"198.51.100.9" not in (client.get(key) or b"")
            assert 0 < client.ttl(key) <= 3600
    finally:
        if keys:
            client.delete(*keys)


COUNT_UP = """
import json, time
from django.core.cache import caches

cache = caches["default"]
counts = [cache.count_up("window-counter", 60) for _ in range(3)]
ttl = cache._cache.get_client().ttl(cache.make_and_validate_key("window-counter"))
time.sleep(1.1)
counts.append(cache.count_up("window-counter", 60))
later_ttl = cache._cache.get_client().ttl(cache.make_and_validate_key("window-counter"))
print(json.dumps({"counts": counts, "read": cache.get("window-counter"), "ttl": ttl, "later_ttl": later_ttl}))
"""


def test_a_counter_counts_in_one_round_trip_and_keeps_its_window():
    """cms.redis_cache's count_up: 1, 2, 3... read back as a number by Django's cache API; the
    window starts with the first count and is not pushed back by later ones."""
    url = require_redis()
    env = production_env(DJANGO_SETTINGS_MODULE="cms.settings.test", REDIS_URL=url, CACHE_KEY_PREFIX=cache_prefix())
    result = json.loads(python(env, COUNT_UP).splitlines()[-1])
    assert result["counts"] == [1, 2, 3, 4]
    assert result["read"] == 4
    assert 58 <= result["ttl"] <= 60
    assert result["later_ttl"] < result["ttl"]
