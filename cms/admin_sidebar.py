"""Wagtail's admin sidebar, built once a minute per staff member and language instead of on every page.

Wagtail's ``{% sidebar_props %}`` walks the whole admin menu (every item's permission check) and
serialises it on each admin page: about a tenth of the review queue's time. Its output depends
only on who is signed in and the language (not on the page: the sidebar marks the current item in
the browser), so it is kept in the default cache (Redis in production) per (user, language,
their groups and superuser flag) for SIDEBAR_SECONDS. A change to someone's permissions shows in
their menu within that time; what they may open is still checked on every request, so nothing is exposed by a menu
that is briefly out of date. Nothing about the claimants is in it. Each worker also keeps a copy
read from the cache until the cache's own entry ends (no round trip to Redis on every page).

Installed by replacing the tag in Wagtail's tag library (``install()``, from the app's ``ready``):
Wagtail offers no hook for it. tests/review/test_admin_sidebar.py checks that it is in use.
"""

import hashlib
import time

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags

SIDEBAR_SECONDS = 60
wagtail_sidebar_props = wagtailadmin_tags.sidebar_props
# {key: (when the shared cache's entry ends, html)}: this worker's copies.
_local = {}
_LOCAL_SIZE = 256


def _key(user):
    groups = ",".join(str(pk) for pk in sorted(user.groups.values_list("pk", flat=True)))
    parts = f"{user.pk}|{user.get_username()}|{user.is_superuser}|{groups}|{get_language()}"
    return "admin-sidebar:" + hashlib.sha256(parts.encode()).hexdigest()


def cached_sidebar_props(context):
    user = getattr(context["request"], "user", None)
    if user is None or not user.is_authenticated:
        return wagtail_sidebar_props(context)
    key = _key(user)
    now = time.time()
    kept = _local.get(key)
    if kept is None or kept[0] <= now:
        kept = cache.get(key)
        if not isinstance(kept, tuple) or kept[0] <= now:
            kept = (now + SIDEBAR_SECONDS, wagtail_sidebar_props(context))
            cache.set(key, kept, SIDEBAR_SECONDS)
        if len(_local) >= _LOCAL_SIZE:
            _local.clear()
        _local[key] = kept
    return kept[1]


def forget_local_copies():
    """Drop this worker's copies (tests clear the shared cache between them)."""
    _local.clear()


def install():
    wagtailadmin_tags.register.simple_tag(takes_context=True, name="sidebar_props")(cached_sidebar_props)
