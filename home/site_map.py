"""What the public site's chrome and routing need to know about the live pages, so that a public
page does not look up its site, its home page in this language, the menu, the footer and the
language switcher again on every request.

Each worker keeps the map of each site it serves. When the content generation changes
(cms/content_generation.py: a publish, an unpublish, a move, a translation sync, the organisation
details, a site, a locale, a view restriction; see home/signals.py) the worker reads the rows the
map is made of again (the site, the live pages, the view restrictions, the organisation details:
four queries of plain values, compiled once, in one round trip on PostgreSQL) and builds a new map
only if they differ. Besides the map, the rows give two keys for what is kept of the pages
(home/page_cache.py, home/templatetags/site_chrome.py):

- ``structure``, a digest of everything the chrome shows (titles, URLs, the menu, restrictions, the
  organisation details, the site), which a publish that changes none of them leaves as it is;
- ``revisions``, the live revision of every page, which changes only for the page published.

So after a publish each worker checks its rows once and renders again only what the publish changed.
"""

import dataclasses
import hashlib
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from wagtail.models import Page, PageViewRestriction, Site

# The generation lives in cms (the case app's intake reads it too); imported from here by the public site.
from cms.content_generation import (
    GENERATION_KEY,
    bump_generation,
    bump_listeners,
    current_generation,
    forget_kept_content,
    forget_listeners,
    live_revision_finders,
)

__all__ = [
    "GENERATION_KEY",
    "bump_generation",
    "bump_listeners",
    "current_generation",
    "forget_kept_content",
    "forget_listeners",
    "site_map_for",
]

# A worker keeps the last map of each host it served (hosts are limited by ALLOWED_HOSTS).
_memo: dict[str, "SiteMap"] = {}
_MEMO_SIZE = 8


@dataclass
class PageEntry:
    pk: int
    content_type_id: int
    translation_key: str
    language: str
    url: str
    title: str
    path: str
    depth: int
    show_in_menus: bool
    restricted: bool


@dataclass
class SiteMap:
    """The live pages of one site: by URL, by (translation key, language), and per language the
    home page, its menu, the organisation details and the footer links."""

    site: Site | None
    home_key: str | None = None
    by_url: dict[str, PageEntry] = field(default_factory=dict)
    by_key: dict[tuple[str, str], PageEntry] = field(default_factory=dict)
    organisation: dict[str, object] = field(default_factory=dict)
    footer: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    # Digest of the rows the map was built from, without the pages' revisions (see the module).
    structure: str = ""
    # {page pk: live revision id} of every live page, and the generation they were read in.
    revisions: dict[int, int | None] = field(default_factory=dict)
    generation: object = None
    site_rows: tuple = ()
    # Wagtail's site root paths as the map's URLs were made with (Site.get_site_root_paths, a
    # shared-cache lookup): given to each request, so its page URLs need no lookup of their own.
    root_paths: list | None = None

    def revisions_of(self, content_type_ids):
        """((pk, live revision), ...) of the live pages of these content types: a key for a part that
        lists them (the latest announcements)."""
        return tuple(
            (entry.pk, self.revisions.get(entry.pk))
            for entry in self.by_url.values()
            if entry.content_type_id in content_type_ids
        )

    def home(self, language):
        if self.home_key is None:
            return None
        return self.by_key.get((self.home_key, language)) or self.by_key.get((self.home_key, settings.LANGUAGE_CODE))

    def localized(self, translation_key, language):
        """The entry of this page in this language, else the page in any language, else None."""
        entry = self.by_key.get((translation_key, language))
        if entry is None:
            entry = next((e for (key, _lang), e in self.by_key.items() if key == translation_key), None)
        return entry

    def menu(self, language):
        home = self.home(language)
        if home is None:
            return []
        return sorted(
            (
                entry
                for entry in self.by_url.values()
                if entry.depth == home.depth + 1
                and entry.path.startswith(home.path)
                and entry.show_in_menus
                and not entry.restricted
                and entry.language == home.language
            ),
            key=lambda entry: entry.path,
        )

    def translations(self, translation_key):
        """{language: url} of every live translation of a page."""
        return {lang: entry.url for (key, lang), entry in self.by_key.items() if key == translation_key}


class _Row:
    """One live page as plain values, with Wagtail's own URL methods (Page.get_url and what it
    calls read only ``url_path`` and the site root paths): building the map no longer makes a
    Page object per page, which was half of its cost."""

    FIELDS = (
        "pk", "content_type_id", "translation_key", "locale__language_code", "url_path", "title", "path", "depth",
        "show_in_menus", "alias_of_id", "live_revision_id",
    )  # fmt: skip

    def __init__(self, pk, content_type, translation_key, language, url_path, title, path, depth, menus, alias, rev):
        self.pk, self.content_type_id = pk, content_type
        # A UUID from PostgreSQL, 32 hex digits from SQLite: the same text either way.
        self.translation_key, self.language = uuid.UUID(str(translation_key)), language
        self.url_path, self.title, self.path, self.depth = url_path, title, path, depth
        self.show_in_menus, self.alias_of_id, self.live_revision_id = menus, alias, rev

    _get_site_root_paths = Page._get_site_root_paths
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths
    get_url_parts = Page.get_url_parts
    get_url = Page.get_url


class _Compiled:
    """A query's SQL, compiled once per process: the site map's rows are read after every change of
    generation, and Django compiling these queries took longer than the database running them.
    Values come as the database driver gives them (booleans as 0/1 on SQLite), the same every time
    on one database."""

    def __init__(self, make_queryset):
        self.make_queryset = make_queryset
        self.compiled = None

    def sql(self):
        if self.compiled is None:
            self.compiled = self.make_queryset().query.sql_with_params()
        return self.compiled


def _fetch_all(queries):
    """The rows of each query. On PostgreSQL in one round trip (psycopg binds the parameters on the
    client and the server answers each statement in turn); elsewhere one by one."""
    with connection.cursor() as cursor:
        # psycopg's client-side binding cursor (Django's default) can write the statements out;
        # with server-side binding (an OPTIONS setting) they are sent one by one like elsewhere.
        mogrify = getattr(cursor.cursor, "mogrify", None) if connection.vendor == "postgresql" else None
        if mogrify is None:
            results = []
            for query in queries:
                cursor.execute(*query.sql())
                results.append(cursor.fetchall())
            return results
        cursor.execute(";\n".join(mogrify(*query.sql()) for query in queries))
        results = [cursor.fetchall()]
        while cursor.nextset():
            results.append(cursor.fetchall())
        return results


@dataclass
class _Rows:
    """What a site map is made of, as read from the database."""

    site_rows: tuple
    pages: list  # _Row.FIELDS of each live page
    restricted_paths: list
    details: list  # every column of each organisation details row

    @property
    def structure(self):
        """A digest of the rows without the pages' live revisions."""
        pages = [values[:-1] for values in self.pages]
        text = repr((self.site_rows, pages, sorted(self.restricted_paths), self.details))
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def revisions(self):
        return {values[0]: values[-1] for values in self.pages}


SITE_FIELDS = ("pk", "hostname", "port", "root_page_id", "is_default_site", "site_name")


def _organisation_details():
    from home.models import OrganisationDetails

    return OrganisationDetails.objects.order_by("pk")


_QUERIES = (
    _Compiled(lambda: Site.objects.order_by("pk").values_list(*SITE_FIELDS)),
    _Compiled(lambda: Page.objects.live().filter(depth__gte=2).order_by("path").values_list(*_Row.FIELDS)),
    _Compiled(lambda: PageViewRestriction.objects.values_list("page__path")),
    _Compiled(lambda: _organisation_details().values_list()),
)


def _read(request):
    sites, pages, restricted, details = _fetch_all(_QUERIES)
    return _Rows(
        site_rows=tuple(sites),
        pages=pages,
        restricted_paths=[path for (path,) in restricted],
        details=details,
    )


def _build(request, rows, site):
    if site is None:
        return SiteMap(site=None)
    site.root_page  # noqa: B018 -- fetched now, once per map
    site_map = SiteMap(site=site, home_key=str(site.root_page.translation_key))
    by_pk = {}
    for values in rows.pages:
        row = _Row(*values)
        url = row.get_url(request=request)
        if not url:
            continue
        entry = PageEntry(
            pk=row.pk,
            content_type_id=row.content_type_id,
            translation_key=str(row.translation_key),
            language=row.language,
            url=url,
            title=row.title,
            path=row.path,
            depth=row.depth,
            show_in_menus=row.show_in_menus,
            # Aliases inherit their original's restrictions: leave them to Wagtail's own checks.
            restricted=row.alias_of_id is not None or any(row.path.startswith(p) for p in rows.restricted_paths),
        )
        site_map.by_url[url] = entry
        site_map.by_key[(entry.translation_key, entry.language)] = entry
        by_pk[entry.pk] = entry
    site_map.root_paths = getattr(request, "_wagtail_cached_site_root_paths", None)
    details = {d.locale.language_code: d for d in _organisation_details().select_related("locale")}
    fallback = next(iter(details.values()), None)
    for code, _name in settings.LANGUAGES:
        org = details.get(code, fallback)
        site_map.organisation[code] = org
        links = []
        if org is not None:
            # The stored page ids, read without StreamField's page lookups: the chosen pages are
            # already in the map (or not live, and then left out as before).
            for link in org.footer_links.raw_data:
                chosen = by_pk.get(link["value"].get("page"))
                entry = chosen and site_map.localized(chosen.translation_key, code)
                if entry is not None:
                    links.append((link["value"]["label"], entry.url))
        site_map.footer[code] = links
    return site_map


def site_map_for(request):
    """The map of the request's site for the current generation: the one this worker has if the
    rows it is made of did not change, else a new one."""
    if request is None:
        return None
    if hasattr(request, "_public_site_map"):
        return request._public_site_map
    generation = current_generation(request)
    host = request.get_host()
    known = _memo.get(host)
    if known is not None and known.generation == generation:
        site_map = known
    else:
        rows = _read(request)
        structure = rows.structure
        if known is not None and known.structure == structure:
            # Only revisions changed (or nothing): the same map, with this generation's revisions.
            site_map = dataclasses.replace(known, revisions=rows.revisions, generation=generation)
        else:
            same_sites = known is not None and known.site_rows == rows.site_rows
            site = known.site if same_sites else Site.find_for_request(request)
            site_map = _build(request, rows, site)
            site_map.structure, site_map.revisions = structure, rows.revisions
            site_map.generation, site_map.site_rows = generation, rows.site_rows
        if len(_memo) >= _MEMO_SIZE and host not in _memo:
            _memo.clear()
        _memo[host] = site_map
    request._public_site_map = site_map
    if site_map.root_paths is not None and not hasattr(request, "_wagtail_cached_site_root_paths"):
        request._wagtail_cached_site_root_paths = site_map.root_paths  # what Page._get_site_root_paths reads
    return site_map


def _known_live_revision(request, translation_key, language):
    site_map = site_map_for(request) if request is not None else None
    entry = site_map.by_key.get((str(translation_key), language)) if site_map else None
    return (entry.pk, site_map.revisions.get(entry.pk)) if entry is not None else None


live_revision_finders.append(_known_live_revision)
