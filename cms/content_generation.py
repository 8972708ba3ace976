"""The content generation: one number in the shared cache that changes whenever the public content
does (a publish, an unpublish, a move, a translation sync, the organisation details, a question;
see home/signals.py).

Whatever is kept for the public site (the page cache, the site map, rendered parts of pages, live
pages, the questions of a form's translation source) is keyed by it, so nothing has to be deleted
key by key: every worker sees the new number on its next request.
"""

import time

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "public-site:generation"
# Called after every bump in this process, so that each worker's own copies go at once.
bump_listeners = []


def _generation_timeout():
    """Forever in a shared cache. A per-process memory cache cannot hear another worker's bump,
    so there the number expires after a minute: a change shows everywhere within a minute."""
    backend = settings.CACHES["default"]["BACKEND"]
    return 60 if backend.endswith(("LocMemCache", "DummyCache")) else None


def current_generation(request=None):
    """The content generation, read once per request (a single cache lookup)."""
    if request is not None and hasattr(request, "_public_generation"):
        return request._public_generation
    value = cache.get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        if not cache.add(GENERATION_KEY, value, timeout=_generation_timeout()):
            value = cache.get(GENERATION_KEY, value)
    if request is not None:
        request._public_generation = value
    return value


def bump_generation():
    """Forget every cached public page, menu and link: the content has changed."""
    cache.set(GENERATION_KEY, time.time_ns(), timeout=_generation_timeout())
    for listener in bump_listeners:
        listener()
