"""Two admin menu labels that Wagtail and wagtail-localize fix in one language for a whole process.

Wagtail builds each admin menu's items once per process (``Menu.registered_menu_items`` is cached),
in the language of that moment: a worker's first admin page may be an English-speaking reviewer's.
Labels are lazy strings, so that does not matter, except for two: wagtail-localize's
"Translations" report (labelled with ``gettext``) and Wagtail's "What's new in Wagtail X" (a lazy
string formatted at once). Each request's menu gets copies of those two items labelled in the
reviewer's language; the shared items are left as they are.

The msgids are Wagtail's own, passed as names so that ``make messages`` does not copy them into the
project's catalogs: Wagtail's catalogs and locale/wagtail/ translate them.
"""

import copy

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext
from wagtail.utils.version import get_main_version

TRANSLATIONS_REPORT = "Translations"
WHATS_NEW = "What's new in Wagtail %(version)s"
WHATS_NEW_NAME_PREFIX = "whats-new-in-wagtail-"


def _labelled(item, label):
    item = copy.copy(item)
    item.label = label
    return item


def translate_reports_menu(request, menu_items):
    """The construct_reports_menu hook."""
    try:
        report_url = reverse("wagtail_localize:translations_report")
    except NoReverseMatch:  # wagtail-localize's report is not installed
        return
    menu_items[:] = [
        _labelled(item, gettext(TRANSLATIONS_REPORT)) if item.url == report_url else item for item in menu_items
    ]


def translate_help_menu(request, menu_items):
    """The construct_help_menu hook."""
    label = gettext(WHATS_NEW) % {"version": get_main_version(include_patch=False)}
    menu_items[:] = [
        _labelled(item, label) if item.name.startswith(WHATS_NEW_NAME_PREFIX) else item for item in menu_items
    ]
