"""Who may open "My case": the receipt code, throttled, then a short session holding only the case id.

* Wrong codes are counted per client (a keyed hash of the address, or of its IPv6 /64, and the
  window, as for the intake form, never the address itself) and, more loosely, across the whole site, so guessing
  spread over many addresses is slowed too. While either count is over its limit no code is
  checked at all. Only wrong attempts count: a claimant is never locked out by someone else who
  knows their reference, since the reference opens nothing.
* The code travels only in the POST body: it is never put in a URL, a cookie, the session or a log.
* The session holds the case id and two times; it ends after MYCASE_IDLE_SECONDS without a
  request, MYCASE_MAX_SECONDS after entering, or when the claimant presses "Leave".
"""

import time

from django.conf import settings
from django.core.cache import cache

from ..cases.crypto import keyed_hash
from ..cases.models import Case
from .abuse import client_key

SESSION_KEY = "forms_app.mycase"

CLIENT = "client"
SITE = "site"


# --- Throttling ----------------------------------------------------------------------------------
def _buckets(request):
    now = time.time()
    client_window = settings.MYCASE_CLIENT_WINDOW_SECONDS
    site_window = settings.MYCASE_SITE_WINDOW_SECONDS
    client = keyed_hash("mycase-rate", f"{client_key(request)}|{int(now // client_window)}")[:32]
    return [
        (CLIENT, f"mycase-client:{client}", settings.MYCASE_CLIENT_ATTEMPTS, client_window),
        (SITE, f"mycase-site:{int(now // site_window)}", settings.MYCASE_SITE_ATTEMPTS, site_window),
    ]


def throttled(request):
    """CLIENT or SITE when too many wrong codes came from this client or from everyone; else None."""
    for scope, key, limit, _window in _buckets(request):
        if cache.get(key, 0) >= limit:
            return scope
    return None


def count_wrong_code(request):
    for _scope, key, _limit, window in _buckets(request):
        cache.add(key, 0, timeout=window)
        try:
            cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=window)


# --- The session ---------------------------------------------------------------------------------
def enter(request, case):
    """Start a fresh session (new id: nothing from before carries over) for ``case``."""
    request.session.cycle_key()
    now = int(time.time())
    request.session[SESSION_KEY] = {"case": case.pk, "started": now, "seen": now}
    # The cookie itself dies with the idle timeout; the times above are checked on the server.
    request.session.set_expiry(settings.MYCASE_IDLE_SECONDS)


def leave(request):
    """End the session entirely (a new, empty one replaces it)."""
    request.session.flush()


EXPIRED = "expired"


def current_case(request):
    """(case, None) for an open My-case session, else (None, EXPIRED if one just ran out, or None)."""
    state = request.session.get(SESSION_KEY)
    if not isinstance(state, dict):
        return None, None
    now = int(time.time())
    idle = now - int(state.get("seen", 0)) > settings.MYCASE_IDLE_SECONDS
    too_long = now - int(state.get("started", 0)) > settings.MYCASE_MAX_SECONDS
    case = None if idle or too_long else Case.objects.filter(pk=state.get("case"), withdrawn_at__isnull=True).first()
    if case is None:
        leave(request)
        return None, EXPIRED
    state["seen"] = now
    request.session[SESSION_KEY] = state
    request.session.set_expiry(settings.MYCASE_IDLE_SECONDS)
    return case, None
