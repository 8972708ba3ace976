"""Template tags for the chrome of every public page: language switcher, organisation details."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import OrganisationDetails

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per language, pointing at *this* page in that language.

    For a Wagtail page that is its live translation (absent when not translated yet); for any
    other view it is the same path under the other language prefix.
    """
    request = context.get("request")
    page = context.get("page")
    current = translation.get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        for other in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[other.locale.language_code] = other.get_url(request=request)
    links = []
    for code, name in settings.LANGUAGES:
        if page is not None and hasattr(page, "get_translations"):
            url = translations.get(code)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        if url:
            links.append({"code": code, "name": name, "url": url, "is_current": code == current})
    return links


def localized_home(request):
    """The site's home page in the active language, looked up once per request."""
    if request is None:
        return None
    if not hasattr(request, "_localized_home"):
        site = Site.find_for_request(request)
        request._localized_home = site.root_page.localized.specific if site else None
    return request._localized_home


@register.simple_tag(takes_context=True)
def organisation_details(context):
    request = context.get("request")
    home = localized_home(request)
    locale = home.locale if home is not None else Locale.get_active()
    return OrganisationDetails.for_locale(locale)


@register.simple_tag(takes_context=True)
def localized_home_url(context):
    request = context.get("request")
    home = localized_home(request)
    return (home.get_url(request=request) if home else None) or "/"


@register.inclusion_tag("components/main_nav.html", takes_context=True)
def main_nav(context):
    """The home page of this language and its children marked "show in menus"."""
    request = context.get("request")
    home = localized_home(request)
    if home is None:
        return {"home": None, "items": [], "request": request}
    items = home.get_children().live().public().in_menu().filter(locale=home.locale)
    current = context.get("page")
    return {"home": home, "items": items, "request": request, "current": current}


@register.simple_tag(takes_context=True)
def footer_links(context, details):
    """The footer's links as (label, url), each page in the visitor's language, in one query.

    wagtail-localize keeps page choosers pointing at the source page, so they are localised here.
    """
    request = context.get("request")
    home = localized_home(request)
    links = [link.value for link in details.footer_links if link.value["page"] is not None]
    if home is None:
        return [(link["label"], link["page"].url) for link in links]
    keys = [link["page"].translation_key for link in links]
    localized = {
        page.translation_key: page
        for page in Page.objects.live().filter(translation_key__in=keys, locale_id=home.locale_id)
    }
    return [
        (link["label"], localized.get(link["page"].translation_key, link["page"]).get_url(request=request))
        for link in links
    ]
