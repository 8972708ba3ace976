"""Health endpoints for the proxy, the orchestrator and monitoring; outside the language prefixes.

- /healthz: the process answers (no database, cache or storage touched).
- /readyz: the database, the evidence storage and the cache all answer. 200 "ok" or 503 "unavailable";
  which part failed goes to the log (by name of the check and type of error), never to the public.

Neither reads or writes a session, sets a cookie or may be cached.
"""

import logging
import secrets

from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.http import HttpResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_evidence_storage():
    storage = storages["evidence"]
    if isinstance(storage, FileSystemStorage):
        # The folder (a mount, on several app servers) must be there; writing comes with filing.
        storage.listdir("")
    else:
        # One HEAD request on the bucket (S3-compatible storage): it exists and the keys open it.
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)


def check_cache():
    key = "readyz:" + secrets.token_hex(8)
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("The cache did not return what was written.")
    cache.delete(key)


CHECKS = {"database": check_database, "evidence_storage": check_evidence_storage, "cache": check_cache}


def plain(text, status):
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    return plain("ok", 200)


@never_cache
def readyz(request):
    failed = []
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # any failure at all means "not ready"
            failed.append(name)
            logger.error("Readiness check %s failed: %s", name, type(error).__name__)
    if failed:
        return plain("unavailable", 503)
    return plain("ok", 200)
