"""Template tags for the chrome of every public page: language switcher, menu, organisation details.

They read the site map (home/site_map.py), which each worker checks once per content generation,
so the chrome costs no query on an ordinary request.
"""

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html, format_html_join

from home.blocks import pages_chosen_in
from home.site_map import forget_listeners, site_map_for

register = template.Library()


def _language():
    return translation.get_language() or settings.LANGUAGE_CODE


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language, pointing at *this* page in that language.

    For a Wagtail page that is its live translation (absent when not translated yet); for any
    other view it is the same path under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = _language()
    is_page = page is not None and hasattr(page, "translation_key")
    translations = {}
    if is_page:
        site_map = site_map_for(request)
        translations = site_map.translations(str(page.translation_key)) if site_map else {}
    links = []
    for code, name in settings.LANGUAGES:
        if is_page:
            url = translations.get(code)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        if url:
            links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


def _home(request):
    site_map = site_map_for(request)
    return site_map.home(_language()) if site_map else None


@register.simple_tag(takes_context=True)
def organisation_details(context):
    """The organisation details in the visitor's language, else the first ones, else None."""
    site_map = site_map_for(context.get("request"))
    return site_map.organisation.get(_language()) if site_map else None


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    home = _home(context.get("request"))
    return home.url if home else "/"


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """The URL of this page in the visitor's language (else of the page itself).

    wagtail-localize keeps page choosers pointing at the source page, so links are localised here.
    """
    if page is None:
        return ""
    site_map = site_map_for(context.get("request"))
    entry = site_map.localized(str(page.translation_key), _language()) if site_map else None
    return entry.url if entry else (page.get_url(request=context.get("request")) or "")


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The home page of this language and its children marked "show in menus"."""
    request = context.get("request")
    site_map = site_map_for(request)
    home = site_map.home(_language()) if site_map else None
    if home is None:
        return {"home": None, "items": [], "request": request}
    current = context.get("page")
    return {
        "home": home,
        "items": site_map.menu(home.language),
        "request": request,
        "current_pk": getattr(current, "pk", None),
    }


@register.simple_tag(takes_context=True)
def footer_links(context, details=None):
    """The footer's links as (label, url), each page in the visitor's language."""
    site_map = site_map_for(context.get("request"))
    return site_map.footer.get(_language(), []) if site_map else []


# --- A page's body and the chrome, rendered once per content in each worker ----------------------
# Rendering a StreamField was a third of the home page's time, two queries included (its page
# choosers). What a block shows changes only with the page's live revision and with the titles and
# URLs of the pages it links to (the site map's ``structure``); the case counter is drawn on every
# request, its numbers having a lifetime of their own. Never for a preview or a revision shown in
# the admin, whose page is not the live one.
LIVE_BLOCKS = {"case_counter"}
_rendered_blocks = {}
_RENDERED_BLOCKS_SIZE = 512
_kept_fragments = {}


def _keeps(request, page):
    """Whether what is rendered for this page may be kept: the live page served to a visitor."""
    return (
        request is not None
        and not getattr(request, "is_preview", False)
        and getattr(page, "live", False)
        and getattr(page, "pk", None) is not None
    )


def _forget_rendered_blocks():
    _rendered_blocks.clear()
    _kept_fragments.clear()


forget_listeners.append(_forget_rendered_blocks)


def _content_key(request, page):
    """What a kept part of this live page depends on: the site's structure, the page and its live
    revision, the language."""
    site_map = site_map_for(request)
    return (site_map.structure if site_map else None, page.pk, page.live_revision_id, _language())


@register.simple_tag(takes_context=True)
def page_body(context, page):
    """``{% include_block page.body %}``, each block kept once rendered (see above)."""
    body = page.body
    request = context.get("request")
    flat = context.flatten()
    if not _keeps(request, page):
        return body.render_as_block(context=flat)
    content = _content_key(request, page)
    keys = [(content, index, raw.get("id")) for index, raw in enumerate(body.raw_data)]
    kept = [
        None if raw["type"] in LIVE_BLOCKS else _rendered_blocks.get(key)
        for key, raw in zip(keys, body.raw_data, strict=True)
    ]
    # Wagtail converts every block of a type at its first use: the page choosers of those types are
    # read in one query.
    rendered_types = {raw["type"] for raw, html in zip(body.raw_data, kept, strict=True) if html is None}
    parts = []
    with pages_chosen_in(body.stream_block, [raw for raw in body.raw_data if raw["type"] in rendered_types]):
        for index, (key, raw, html) in enumerate(zip(keys, body.raw_data, kept, strict=True)):
            if html is None:
                html = body[index].render(context=flat)
                if raw["type"] not in LIVE_BLOCKS:
                    if len(_rendered_blocks) >= _RENDERED_BLOCKS_SIZE:
                        _rendered_blocks.clear()
                    _rendered_blocks[key] = html
            parts.append((html, raw["type"]))
    # The markup Wagtail's StreamBlock.render_basic gives.
    return format_html_join("\n", '<div class="w-block-{1} block-{1}">{0}</div>', parts) if parts else format_html("")


class KeptNode(template.Node):
    def __init__(self, name, listed_models, nodelist):
        self.name = name
        self.listed_models = listed_models
        self.nodelist = nodelist

    def render(self, context):
        request, page = context.get("request"), context.get("page")
        if not _keeps(request, page):
            return self.nodelist.render(context)
        key = (_content_key(request, page), self.name, self._listed(request))
        html = _kept_fragments.get(key)
        if html is None:
            html = self.nodelist.render(context)
            if len(_kept_fragments) >= _RENDERED_BLOCKS_SIZE:
                _kept_fragments.clear()
            _kept_fragments[key] = html
        return html

    def _listed(self, request):
        """The live revisions of the pages the part lists (its models), if it names any."""
        if not self.listed_models:
            return ()
        site_map = site_map_for(request)
        types = {ContentType.objects.get_for_model(apps.get_model(label)).pk for label in self.listed_models}
        return site_map.revisions_of(types) if site_map else None


@register.tag
def kept(parser, token):
    """``{% kept "name" ["app.Model" ...] %}...{% endkept %}``: a part of a page rendered once per
    content in each worker (the header, the footer, the latest announcements), kept by the site's
    structure, the page's live revision and the language, and by the live revisions of the pages
    of the models named (a part that lists announcements changes when one of them is published).
    Only for what depends on nothing else: never a form, a token, a message or anything about the
    visitor."""
    bits = token.split_contents()
    quoted = all(len(bit) > 1 and bit[0] in "\"'" and bit[0] == bit[-1] for bit in bits[1:])
    if len(bits) < 2 or not quoted:
        raise template.TemplateSyntaxError('{% kept %} takes a quoted name, then quoted model labels ("app.Model")')
    nodelist = parser.parse(("endkept",))
    parser.delete_first_token()
    return KeptNode(bits[1][1:-1], tuple(bit[1:-1] for bit in bits[2:]), nodelist)
