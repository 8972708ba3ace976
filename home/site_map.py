"""What the public site's chrome and routing need to know about the live pages, built once per
content generation and kept in Django's default cache (Redis in production), so that a public page
does not look up its site, its home page in this language, the menu, the footer and the language
switcher again on every request.

The generation (cms/content_generation.py) is one number in the shared cache. Publishing,
unpublishing, moving or deleting a page, syncing a translation, or saving the organisation details,
a question, a site, a locale or a view restriction bumps it (home/signals.py): every worker then
builds a fresh map and the public page cache (home/page_cache.py) stops serving the pages it stored
under the old number.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction, Site

# The generation lives in cms (the case app's intake reads it too); imported from here by the public site.
from cms.content_generation import GENERATION_KEY, bump_generation, bump_listeners, current_generation

__all__ = ["GENERATION_KEY", "bump_generation", "bump_listeners", "current_generation", "site_map_for"]

MAP_KEY = "public-site:map:{generation}:{host}"
# A worker keeps the last few maps it unpickled, keyed by generation and host.
_memo: dict[tuple, "SiteMap"] = {}
_MEMO_SIZE = 8


def _forget_maps():
    _memo.clear()


bump_listeners.append(_forget_maps)


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
        "show_in_menus", "alias_of_id",
    )  # fmt: skip

    def __init__(self, pk, content_type_id, translation_key, language, url_path, title, path, depth, menus, alias):
        self.pk, self.content_type_id = pk, content_type_id
        self.translation_key, self.language = translation_key, language
        self.url_path, self.title, self.path, self.depth = url_path, title, path, depth
        self.show_in_menus, self.alias_of_id = menus, alias

    _get_site_root_paths = Page._get_site_root_paths
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths
    get_url_parts = Page.get_url_parts
    get_url = Page.get_url


def _build(request):
    from home.models import OrganisationDetails

    site = Site.find_for_request(request)
    if site is None:
        return SiteMap(site=None)
    site.root_page  # noqa: B018 -- fetched now so that it is pickled with the site
    site_map = SiteMap(site=site, home_key=str(site.root_page.translation_key))
    restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    by_pk = {}
    rows = Page.objects.live().filter(depth__gte=2).order_by("path").values_list(*_Row.FIELDS)
    for values in rows:
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
            restricted=row.alias_of_id is not None or any(row.path.startswith(p) for p in restricted_paths),
        )
        site_map.by_url[url] = entry
        site_map.by_key[(entry.translation_key, entry.language)] = entry
        by_pk[entry.pk] = entry
    details = {d.locale.language_code: d for d in OrganisationDetails.objects.select_related("locale").order_by("pk")}
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
    """The map of the request's site for the current generation (built on a miss)."""
    if request is None:
        return None
    if hasattr(request, "_public_site_map"):
        return request._public_site_map
    generation = current_generation(request)
    key = MAP_KEY.format(generation=generation, host=request.get_host())
    site_map = _memo.get(key)
    if site_map is None:
        site_map = cache.get(key)
        if site_map is None:
            site_map = _build(request)
            cache.set(key, site_map, timeout=60 * 60 * 24)
        if len(_memo) >= _MEMO_SIZE:
            _memo.clear()
        _memo[key] = site_map
    request._public_site_map = site_map
    return site_map
