"""The content generation: one number in the shared cache that changes whenever the public content
does (a publish, an unpublish, a move, a translation sync, the organisation details, a question;
see home/signals.py).

The public page cache is keyed by it, so nothing has to be deleted key by key: every worker sees
the new number on its next request. What the pages are built from (the site map, live pages,
rendered parts of pages) is checked again once per generation and kept where it did not change.
"""

import time

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "public-site:generation"
# Called after every bump in this process, so that what is keyed by the generation goes at once.
bump_listeners = []
# Called when this process itself saves public content (home/signals.py). What a worker keeps by
# the content it was built from (a page's live revision, the site's titles and links: see
# home/site_map.py) is checked against the database's rows once per generation by every worker;
# the worker that saved forgets all of it too, for a change that no row it checks shows (a page
# saved without being published, by a script).
forget_listeners = []
# The public site (home/site_map.py) can say the live revision of a page among the rows it read
# for this generation, sparing the intake a query: (request, translation_key, language) ->
# (pk, live revision id), or None when it does not know the page.
live_revision_finders = []


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


def forget_kept_content():
    """This process has changed public content: forget everything kept from the content."""
    for listener in forget_listeners:
        listener()


def known_live_revision(request, translation_key, language):
    """(pk, live revision id) of the live page, if the public site has read it for this generation."""
    for finder in live_revision_finders:
        found = finder(request, translation_key, language)
        if found is not None:
            return found
    return None
