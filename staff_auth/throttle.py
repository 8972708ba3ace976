"""Throttling wrong second-factor codes per client and per device.

django-otp throttles the device itself (OTP_TOTP_THROTTLE_FACTOR, set to 0 here): a stranger who
has the password could then keep the owner out by typing wrong codes. Here the pause is counted
per device *and client* (a keyed hash of the address): the stranger's client waits, doubling each
time, while the owner on another connection can still sign in. A daily ceiling per device, from all
clients together, stops a distributed guess; reaching it takes that many wrong codes.
"""

import time

from django.conf import settings
from django.core.cache import caches

from .client import client_key

MAX_PAUSE_SECONDS = 24 * 3600


def _cache():
    return caches["staff-throttle"]


def _client_key(request, device):
    return f"otp-client:{device.persistent_id}:{client_key(request)}"


def _daily_key(device):
    return f"otp-device:{device.persistent_id}:{int(time.time() // 86400)}"


def pause_seconds(request, device):
    """Seconds this client must wait before trying a code on this device; 0 = may try now.
    None means the device has had too many wrong codes today, from every client together."""
    if _cache().get(_daily_key(device), 0) >= settings.STAFF_OTP_DEVICE_DAILY_FAILURES:
        return None
    state = _cache().get(_client_key(request, device))
    if not state:
        return 0
    failures, last = state
    over = failures - settings.STAFF_OTP_CLIENT_FAILURES
    if over < 0:
        return 0
    wait = min(60 * 2**over, MAX_PAUSE_SECONDS)
    return max(0, int(last + wait - time.time()))


def record_failure(request, device):
    cache = _cache()
    key = _client_key(request, device)
    failures, _last = cache.get(key) or (0, 0)
    cache.set(key, (failures + 1, time.time()), timeout=MAX_PAUSE_SECONDS)
    daily = _daily_key(device)
    cache.add(daily, 0, timeout=86400)
    try:
        cache.incr(daily)
    except ValueError:
        cache.set(daily, 1, timeout=86400)


def record_success(request, device):
    _cache().delete(_client_key(request, device))
