"""A response cache for anonymous visitors of the public pages, consulted before Wagtail's routing.

A link shared in a large group chat brings thousands of visitors who all read the same page. For
them a page is rendered once per content generation (see home/site_map.py) and then served from
Django's default cache (Redis in production, shared by every worker) without routing, templates or
queries.

What is served from it, and what is stored in it, is deliberately narrow:

- only GET and HEAD without a query string, outside the admin, from a visitor who has no session
  cookie (so nobody signed in, and no session with data such as a receipt waiting to be shown),
  no pending messages and no Authorization header;
- only stored from a 200 text/html response to a GET that Wagtail served for a live page without
  view restrictions (never a form re-rendered after a POST, My case, the receipt, a draft or a
  preview), that set no cookie, touched no session data, queued no message and did not ask not to
  be cached (a new visitor's first step of an intake form asks browsers not to keep it, yet holds
  nothing typed and says so with ``response.holds_nothing_typed``: it is stored, and served with
  its no-store header); never a response whose Content-Security-Policy carries a nonce;
- the language is part of the key through the URL prefix, and so is whether the visitor uses
  WeChat's own browser (the intake form warns those visitors);
- the CSRF token is never stored: every token in the page is replaced by a placeholder, and each
  response served from the cache gets a freshly masked token of the visitor's own secret
  (`django.middleware.csrf.get_token`, which also sets the visitor's CSRF cookie).

Everything in the cache is forgotten when the generation changes (publish, unpublish, move,
delete, translation sync, organisation details; see home/signals.py). Each worker keeps what it
read from the shared cache for LOCAL_SECONDS more (see below).
"""

import copy
import gzip
import hashlib
import re
import secrets
import struct
import time
import zlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CSRF_TOKEN_LENGTH, _unmask_cipher_token, get_token
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils import translation
from django.utils.cache import patch_vary_headers
from wagtail.models import PageViewRestriction

from .site_map import (
    GENERATION_KEY,
    bump_listeners,
    current_generation,
    forget_listeners,
    site_map_for,
)

# v2: stored in compressed pieces (see _stored_page).
PAGE_KEY = "public-page:v2:{digest}"
CSRF_PLACEHOLDER = "__public_page_cache_csrf_token__"
TOKEN_PATTERN = re.compile(rf"(?<![A-Za-z0-9])[A-Za-z0-9]{{{CSRF_TOKEN_LENGTH}}}(?![A-Za-z0-9])")
# Headers set by the view and the middleware inside this one (clickjacking, CSP); the middleware
# outside (CSRF cookie, language, security headers, compression) runs again on every response.
STORED_HEADERS = ("Content-Type", "X-Frame-Options", "Content-Security-Policy", "Cache-Control")
ONE_DAY = 60 * 60 * 24


def in_wechat_browser(request):
    """Whether the visitor uses WeChat's built-in browser (the intake form warns them)."""
    return "micromessenger" in request.headers.get("User-Agent", "").lower()


def on_public_path(request):
    """Public pages all carry a language prefix: never health checks, documents, security.txt or
    the admin."""
    return request.path.startswith(tuple(f"/{code}/" for code, _name in settings.LANGUAGES))


def may_use_cache(request):
    """Whether this request may be answered from, or stored in, the public page cache."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return False
    if not on_public_path(request):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or getattr(settings, "MESSAGE_COOKIE_NAME", "messages") in cookies:
        return False
    return "Authorization" not in request.headers


def page_key(request):
    parts = "|".join(
        (
            request.scheme,
            request.get_host(),
            request.path,
            translation.get_language() or "",
            "wechat" if in_wechat_browser(request) else "",
        )
    )
    return PAGE_KEY.format(digest=hashlib.sha256(parts.encode()).hexdigest())


def _without_tokens(request, content):
    """The page with every CSRF token of this visitor replaced by the placeholder."""
    secret = request.META.get("CSRF_COOKIE")
    if not secret:
        return content

    def replace(match):
        token = match.group(0)
        return CSRF_PLACEHOLDER if _unmask_cipher_token(token) == secret else token

    return TOKEN_PATTERN.sub(replace, content)


# --- Compressed once, tokens inserted per response --------------------------------------------------
# Compressing a page was the largest cost of serving it from the cache. The page is stored in pieces
# cut at the CSRF placeholders, each piece compressed once (raw deflate, ending on a byte boundary);
# a response is the gzip header, the pieces with each visitor's fresh token between them as an
# uncompressed ("stored") deflate block, and the checksum. Written by hand because no library
# builds gzip from precompressed parts. A token is never compressed together with the page, so it
# offers BREACH nothing; the header carries a random-length name as Django's GZipMiddleware does.
GZIP_LEVEL = 6


def _deflated_pieces(pieces):
    deflated = []
    for index, piece in enumerate(pieces):
        compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, -zlib.MAX_WBITS)
        ending = zlib.Z_FINISH if index == len(pieces) - 1 else zlib.Z_SYNC_FLUSH
        deflated.append(compressor.compress(piece) + compressor.flush(ending))
    return deflated


def _stored_block(data):
    """A deflate block of ``data`` as it is (not the last block; the stream is byte-aligned here)."""
    return b"\x00" + struct.pack("<HH", len(data), len(data) ^ 0xFFFF) + data


def _gzip_header():
    name = b"a" * secrets.randbelow(GZipMiddleware.max_random_bytes) + b"\x00"
    # Magic, deflate, FNAME flag, no time, no extra flags, unknown OS; then the name.
    return b"\x1f\x8b\x08" + bytes([gzip.FNAME]) + b"\x00\x00\x00\x00\x00\xff" + name


def _with_tokens(stored, tokens, compressed):
    """The stored page with ``tokens`` in place of its placeholders, gzip-compressed or not."""
    pieces = stored["pieces"]
    if not compressed:
        parts = [pieces[0]]
        for token, piece in zip(tokens, pieces[1:], strict=True):
            parts += [token, piece]
        return b"".join(parts)
    deflated = stored["deflated"]
    parts = [_gzip_header(), deflated[0]]
    crc, size = zlib.crc32(pieces[0]), len(pieces[0])
    for token, piece, piece_deflated in zip(tokens, pieces[1:], deflated[1:], strict=True):
        parts += [_stored_block(token), piece_deflated]
        crc = zlib.crc32(piece, zlib.crc32(token, crc))
        size += len(token) + len(piece)
    parts.append(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return b"".join(parts)


def _stored_page(content, generation, headers):
    pieces = [piece.encode() for piece in content.split(CSRF_PLACEHOLDER)]
    return {"generation": generation, "pieces": pieces, "deflated": _deflated_pieces(pieces), "headers": headers}


# --- This worker's own copies ------------------------------------------------------------------
# A page read from the shared cache is also kept in the worker's memory for LOCAL_SECONDS, so that
# a burst of visitors costs one round trip to Redis per page and second, not one per visit. A
# change (a publish on any server) therefore reaches every worker within LOCAL_SECONDS; in the
# worker that made it, at once (bump_listeners). Only what was read from the shared cache is kept
# here, never a page as it is stored, so a page that must not be cached is never in either.
LOCAL_SECONDS = 1.0
LOCAL_PAGES = 256
_local = {}


def _local_copy(key):
    found = _local.get(key)
    if found is not None and found[0] > time.monotonic():
        return found[1]
    return None


def _keep_locally(key, stored):
    if len(_local) >= LOCAL_PAGES:
        _local.clear()
    _local[key] = (time.monotonic() + LOCAL_SECONDS, stored)


def forget_local_copies():
    _local.clear()


bump_listeners.append(forget_local_copies)


def _served_public_page(request):
    """Wagtail served a live page without view restrictions, found in the site map."""
    route = getattr(request, "_wagtail_route_for_request", None)
    if not route or getattr(request, "is_preview", False):
        return False
    page = route[0]
    site_map = site_map_for(request)
    entry = site_map.by_url.get(request.path) if site_map else None
    return entry is not None and entry.pk == page.pk and not entry.restricted and page.live


def _storable(request, response):
    if request.method != "GET" or response.status_code != 200 or response.streaming:
        return False
    if not response.get("Content-Type", "").startswith("text/html") or response.cookies:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    # A blank form's first step says no-store to the browser and its proxies only (see
    # forms_app/intake/stepping.py); anything else that asks not to be kept is not kept.
    if any(word in cache_control for word in ("private", "no-cache", "no-store")) and not getattr(
        response, "holds_nothing_typed", False
    ):
        return False
    # A CSP nonce is good for one response only.
    if "'nonce-" in response.get("Content-Security-Policy", ""):
        return False
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    messages = getattr(request, "_messages", None)
    if messages is not None and getattr(messages, "_queued_messages", None):
        return False
    return _served_public_page(request)


def _no_view_restrictions():
    return PageViewRestriction.objects.none()


# --- Live pages, kept per live revision -----------------------------------------------------------
# Reading the routed page was one query but a quarter of a page's time (Django compiling a join over
# the page model's tables). A live page changes only when it is published (a new live revision) or
# moved (the site's structure), so each worker keeps the pages it read under those two (see
# home/site_map.py). Every request gets its own shallow copy: what a request attaches to its page
# never reaches another.
LIVE_PAGES = 256
_live_pages = {}


def _forget_live_pages():
    _live_pages.clear()


forget_listeners.append(_forget_live_pages)


def _live_page(request, site_map, entry):
    key = (entry.pk, site_map.revisions.get(entry.pk), site_map.structure)
    # Signed-in staff always get the page as it is in the database.
    page = None if request.user.is_authenticated else _live_pages.get(key)
    if page is None:
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        page = model.objects.live().select_related("locale").filter(pk=entry.pk).first() if model else None
        if page is None:
            return None
        if len(_live_pages) >= LIVE_PAGES:
            _live_pages.clear()
        _live_pages[key] = page
    return copy.copy(page)


def prefetch_route(request):
    """Route the request from the site map: the page this worker read for its live revision (or
    one query) instead of Wagtail's walk from the site's root (site, locale, root page, its
    translation, each level, view restrictions). Pages with view restrictions (and aliases) are left
    to Wagtail's own routing and checks."""
    site_map = site_map_for(request)
    entry = site_map.by_url.get(request.path) if site_map and site_map.site else None
    if entry is None or entry.restricted:
        return
    page = _live_page(request, site_map, entry)
    if page is None:
        return
    # The site map has just said that neither this page nor an ancestor is restricted.
    page.get_view_restrictions = _no_view_restrictions
    request._wagtail_site = site_map.site
    request._wagtail_route_for_request = page.route(request, [])


class PublicPageCacheMiddleware:
    """Serve anonymous visitors' GETs of public pages from the cache; store what may be stored.

    Sits after the authentication, CSRF and message middleware (so their state is known and the
    CSRF cookie is set on the way out) and before Wagtail's routing (which happens in the view).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PUBLIC_PAGE_CACHE:
            return self.get_response(request)
        if not may_use_cache(request):
            # Never from the cache (a POST, a visitor with a session, a query string), but routed
            # from the site map all the same: one query instead of Wagtail's walk from the root.
            if on_public_path(request):
                prefetch_route(request)
            return self.get_response(request)
        if settings.BENCH_MODE and request.headers.get("X-Bench-Bypass"):
            prefetch_route(request)  # the benchmark's "uncached": rendered afresh, nothing stored
            return self.get_response(request)
        # The benchmark's "first request after a publish": this request reads the generation and
        # then sees one that nothing was kept under, as a worker's first request after a publish
        # made on another worker does (that worker paid for the bump); this one checks what it
        # kept against the rows.
        after_publish = settings.BENCH_MODE and request.headers.get("X-Bench-Invalidate")
        key = page_key(request)
        stored = None if after_publish else _local_copy(key)
        if stored is not None:
            return self.from_cache(request, stored)
        found = cache.get_many([GENERATION_KEY, key])
        if GENERATION_KEY in found:
            request._public_generation = found[GENERATION_KEY]
        if after_publish:
            request._public_generation = time.time_ns()
        generation = current_generation(request)
        stored = found.get(key)
        if stored is not None and stored["generation"] == generation:
            _keep_locally(key, stored)
            return self.from_cache(request, stored)
        prefetch_route(request)
        response = self.get_response(request)
        if _storable(request, response):
            stored = _stored_page(
                _without_tokens(request, response.content.decode(response.charset)),
                generation,
                {name: response[name] for name in STORED_HEADERS if name in response},
            )
            # A page showing live numbers (the case counter block) is kept only as long as they are.
            cache.set(key, stored, timeout=min(ONE_DAY, getattr(request, "public_page_cache_seconds", ONE_DAY)))
            response["X-Page-Cache"] = "miss"
        return response

    def from_cache(self, request, stored):
        # One freshly masked token per occurrence: no two responses carry the same token.
        tokens = [get_token(request).encode() for _piece in stored["pieces"][1:]]
        compressed = bool(re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))
        response = HttpResponse(_with_tokens(stored, tokens, compressed))
        for name, value in stored["headers"].items():
            response[name] = value
        if compressed:
            response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves it as it is
        patch_vary_headers(response, ("Cookie", "Accept-Encoding"))
        response["X-Page-Cache"] = "hit"
        return response
