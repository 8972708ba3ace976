"""Parts of Wagtail's admin pages rendered once per worker for each way they can look.

The keyboard shortcuts dialog: Wagtail's ``{% keyboard_shortcuts_dialog %}`` renders the same
dialog (a table of translated shortcuts inside nested dialog, icon and help-block templates) on
every admin page: about a twelfth of the review queue's time. Its content is the tag's own context
(the shortcuts, which depend on the platform the browser says it is on, and whether the user
turned shortcuts off) in the active language; the HTML is kept in this process under exactly
that, so a change to any of it renders it afresh. Nothing about a user or a case is in it.

Icons: ``{% icon %}`` renders a template for each of the thirty-odd icons of a page; its HTML is a
function of the tag's arguments (the title in the active language) and kept under them.

The admin's JavaScript configuration: ``{% wagtail_config %}`` reads every locale from the database
and translates the scripts' strings on each page; all of it but the CSRF token (fresh on every
page, as Wagtail gives it) is kept per language, locale and shortcut setting for
CONFIG_SECONDS, so a new locale reaches the admin's scripts within that time.

Installed by replacing the tags in Wagtail's tag library (``install()``, from the app's ``ready``),
as cms/admin_sidebar.py does: Wagtail offers no hook for it.
"""

import time

from django.middleware.csrf import get_token
from django.template import Context
from django.template.loader import get_template, render_to_string
from django.utils.translation import get_language
from wagtail.admin.templatetags import wagtailadmin_tags

from .kept import Kept

TEMPLATE = "wagtailadmin/shared/keyboard_shortcuts_dialog.html"
ICON_TEMPLATE = "wagtailadmin/shared/icon.html"
# The inclusion tag's function: it returns the template's context.
wagtail_dialog_context = wagtailadmin_tags.keyboard_shortcuts_dialog
wagtail_icon_context = wagtailadmin_tags.icon
wagtail_config = wagtailadmin_tags.wagtail_config
CONFIG_SECONDS = 60
_configs = {}
_rendered = Kept(64)
_icons = Kept(256)


def _plain(value):
    """The value with its lazy translations as text (in the active language), hashable."""
    if isinstance(value, dict):
        return tuple((_plain(key), _plain(item)) for key, item in value.items())
    if isinstance(value, list | tuple):
        return tuple(_plain(item) for item in value)
    return value if value is None or isinstance(value, bool | int) else str(value)


def kept_keyboard_shortcuts_dialog(context):
    data = wagtail_dialog_context(context)
    return _rendered.get_or_make((get_language(), _plain(data)), lambda: render_to_string(TEMPLATE, data))


def kept_icon(context, name=None, classname=None, title=None, wrapped=False):
    data = wagtail_icon_context(name=name, classname=classname, title=title, wrapped=wrapped)
    return _icons.get_or_make(
        (get_language(), context.autoescape, _plain(data)),
        lambda: get_template(ICON_TEMPLATE).template.render(Context(data, autoescape=context.autoescape)),
    )


def kept_wagtail_config(context):
    request = context["request"]
    locale = context.get("locale")
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
    key = (get_language(), getattr(locale, "language_code", None), getattr(profile, "keyboard_shortcuts", True))
    kept = _configs.get(key)
    if kept is None or kept[0] < time.monotonic():
        kept = _configs[key] = (time.monotonic() + CONFIG_SECONDS, wagtail_config(context))
    return kept[1] | {"CSRF_TOKEN": get_token(request)}


def forget_local_copies():
    """Drop what this worker kept (tests start each with none)."""
    _configs.clear()
    _rendered.clear()
    _icons.clear()


def install():
    wagtailadmin_tags.register.simple_tag(takes_context=True, name="keyboard_shortcuts_dialog")(
        kept_keyboard_shortcuts_dialog
    )
    wagtailadmin_tags.register.simple_tag(takes_context=True, name="icon")(kept_icon)
    wagtailadmin_tags.register.simple_tag(takes_context=True, name="wagtail_config")(kept_wagtail_config)
