"""A reviewer who uses the admin in Chinese sees no English from Wagtail's own interface.

Wagtail's zh_Hans and zh_Hant catalogs leave many of its strings untranslated; the project supplies
them in locale/wagtail/ (see README, "Languages and translation"). These tests render the pages
reviewers use every day in both Chinese languages and look for any text that is exactly one of
Wagtail's English msgids (or a msgid with its placeholders filled in).
"""

import json
import re
from functools import cache
from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from tests.builders import make_case_with_evidence
from tests.helpers import soup, visible_text

CHINESE = ["zh-hans", "zh-hant"]
SUPPLEMENTS = Path(__file__).resolve().parents[2] / "locale" / "wagtail"
# Attributes whose text a reviewer sees (tooltips, placeholders) or hears (labels read aloud).
SEEN_ATTRIBUTES = ("placeholder", "title", "aria-label", "data-w-tooltip-content-value")
# Msgids that are the same word in Chinese interfaces, or names.
NOT_ENGLISH = {"Wagtail", "Esc", "Ctrl", "Alt", "Shift", "Cmd", "Option", "Return", "Enter", "OK", "ID", "URL"}
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")


def wagtail_catalogs(domain="django"):
    """Wagtail's and wagtail-localize's English catalogs of that domain."""
    for package in (wagtail, wagtail_localize):
        yield from Path(package.__file__).parent.glob(f"**/locale/en/LC_MESSAGES/{domain}.po")


def normal(text):
    return " ".join(text.split())


@cache
def wagtail_english():
    """(exact msgids, patterns for msgids with placeholders) of Wagtail's English catalogs."""
    exact, patterns = set(), []
    for path in wagtail_catalogs():
        for entry in polib.pofile(str(path)):
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                text = normal(msgid)
                if len(re.findall(r"[A-Za-z]", PLACEHOLDER.sub("", text))) < 3 or text in NOT_ENGLISH:
                    continue
                if PLACEHOLDER.search(text):
                    parts = PLACEHOLDER.split(text)
                    if sum(len(part.strip()) for part in parts) >= 6:
                        patterns.append(re.compile(r"\S.*?".join(map(re.escape, parts)) + r"\Z"))
                else:
                    exact.add(text)
    return exact, patterns


def seen_texts(response):
    """Every text node, seen attribute and admin-sidebar label of an HTML page, whitespace-normalised."""
    document = soup(response)
    texts = []
    props = document.find(id="wagtail-sidebar-props")
    if props:
        texts += sidebar_labels(json.loads(props.string))
    for hidden in document(["script", "style"]):
        hidden.decompose()
    texts += [str(text) for text in document.find_all(string=True)]
    texts += [element[name] for element in document.find_all(True) for name in SEEN_ATTRIBUTES if element.get(name)]
    return {normal(text) for text in texts} - {""}


def sidebar_labels(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if key in ("label", "help_text") and isinstance(item, str):
                yield item
            else:
                yield from sidebar_labels(item)
    elif isinstance(value, list):
        for item in value:
            yield from sidebar_labels(item)


def english_in(response):
    exact, patterns = wagtail_english()

    def is_english(text):
        # Model names are msgids in lower case, shown with a capital first letter or after a count.
        uncounted = re.sub(r"\A\d[\d,]* ", "", text)
        candidates = {text, text[:1].lower() + text[1:], uncounted}
        return candidates & exact or any(p.match(text) for p in patterns)

    return sorted(filter(is_english, seen_texts(response)))


def chinese_admin(client, user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def assert_no_english(pages):
    found = {url: english_in(response) for url, response in pages.items()}
    for url, response in pages.items():
        assert response.status_code == 200, url
    leftovers = [f"{url}: {text}" for url, texts in found.items() for text in texts]
    assert not leftovers, "English from Wagtail's catalogs:\n" + "\n".join(leftovers)


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_the_case_queue_shows_no_english_in_chinese(client, superuser, filed_cases, language):
    """The case listing, its search, filters, bulk actions and result pages are all in Chinese."""
    chinese_admin(client, superuser, language)
    index = reverse("forms_app_review:index")
    urls = [index, f"{index}?q=nothing-matches", f"{index}?ordering=submitted_at", f"{index}?status=new"]
    urls += [reverse("forms_app_review:index_results"), reverse("forms_app_review:statistics")]
    assert_no_english({url: client.get(url) for url in urls})


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "five_or_more"), [("zh-hans", "5 分及以上"), ("zh-hant", "5 分或以上")])
def test_the_merit_filter_is_in_the_reviewers_language(client, superuser, language, five_or_more):
    """The score filter's choices are translated when shown, not once in English when the module loads."""
    chinese_admin(client, superuser, language)
    text = visible_text(soup(client.get(reverse("forms_app_review:index"))))
    assert five_or_more in text and "5 or more" not in text


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_the_admin_shows_no_english_in_chinese(client, superuser, language):
    """The dashboard, menus, keyboard shortcuts, a case, its history, account settings and reports are in Chinese."""
    case = make_case_with_evidence()
    chinese_admin(client, superuser, language)
    urls = [
        "/admin/",
        reverse("forms_app_review:detail", args=[case.pk]),
        reverse("forms_app_review:history", args=[case.pk]),
        reverse("wagtailadmin_account"),
        reverse("wagtailadmin_reports:site_history"),
        reverse("staff_auth_recovery_codes"),
    ]
    assert_no_english({url: client.get(url) for url in urls})


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_signing_in_shows_no_english_in_chinese(superuser, settings, language):
    """The sign-in page, with and without its validation messages, and the second-factor step are in Chinese."""
    settings.STAFF_2FA_REQUIRED = True
    TOTPDevice.objects.create(user=superuser, name="phone", confirmed=True)
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    login, verify = reverse("wagtailadmin_login"), reverse("staff_auth_verify")
    pages = {login: client.get(login), f"{login} (refused)": client.post(login, {"username": "x"})}
    client.force_login(superuser)
    pages |= {verify: client.get(verify), f"{verify} (refused)": client.post(verify, {"token": "x"})}
    assert_no_english(pages)


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_the_admin_scripts_have_every_wagtail_string_in_chinese(client, superuser, language):
    """The catalog Wagtail's admin serves its scripts (/admin/jsi18n/) translates every msgid of its
    English djangojs catalog: the scripts' buttons, tooltips and messages are never English."""
    chinese_admin(client, superuser, language)
    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()
    served = json.loads(re.search(r"const newcatalog = (\{.*?\});", script, re.DOTALL).group(1))
    english = polib.pofile(str(Path(wagtail.__file__).parent / "admin/locale/en/LC_MESSAGES/djangojs.po"))
    wanted = {e.msgid for e in english if re.search(r"[A-Za-z]", PLACEHOLDER.sub("", e.msgid))}
    assert not sorted(wanted - set(served))


@pytest.mark.parametrize("domain", ["django", "djangojs"])
@pytest.mark.parametrize("language", ["zh_Hans", "zh_Hant"])
def test_the_wagtail_supplements_only_add_what_wagtail_lacks(language, domain):
    """Each supplementary entry is a Wagtail msgid that Wagtail's own catalog leaves untranslated in that
    language, translated into Chinese with the same placeholders."""
    own = {}
    for path in wagtail_catalogs(domain):
        translated = path.parents[2] / language / "LC_MESSAGES" / path.name
        if translated.exists():
            own.update({e.msgid: e for e in polib.pofile(str(translated)) if e.translated() and not e.obsolete})
    english = {e.msgid for path in wagtail_catalogs(domain) for e in polib.pofile(str(path))}
    supplement = polib.pofile(str(SUPPLEMENTS / language / "LC_MESSAGES" / f"{domain}.po"))
    assert supplement.metadata["Plural-Forms"].replace(" ", "") == "nplurals=1;plural=0;"
    assert len(supplement) > 10
    for entry in supplement:
        assert entry.msgid in english and entry.msgid not in own, entry.msgid
        assert entry.translated() and not entry.obsolete, entry.msgid
        translations = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        for translation in translations:
            assert re.search(r"[\u4e00-\u9fff]", translation), entry.msgid
            # One form for every count (nplurals=1): the plural's placeholders.
            source = entry.msgid_plural or entry.msgid
            assert sorted(PLACEHOLDER.findall(translation)) == sorted(PLACEHOLDER.findall(source)), entry.msgid


@pytest.fixture
def menus_first_built_in_english():
    """Wagtail builds each admin menu's items once per process, in the language of that moment (a
    worker's first admin page may be an English-speaking reviewer's)."""
    from django.utils.translation import override
    from wagtail.admin.menu import admin_menu, help_menu, reports_menu, settings_menu

    menus = (admin_menu, help_menu, reports_menu, settings_menu)
    for menu in menus:
        menu.__dict__.pop("registered_menu_items", None)
    with override("en"):
        for menu in menus:
            menu.registered_menu_items  # noqa: B018 - builds and keeps them
    yield
    for menu in menus:
        menu.__dict__.pop("registered_menu_items", None)


@pytest.mark.django_db
@pytest.mark.parametrize("language", CHINESE)
def test_menus_built_in_english_are_shown_in_chinese(client, superuser, menus_first_built_in_english, language):
    """wagtail-localize labels its "Translations" report with gettext, not gettext_lazy, and Wagtail
    formats its "What's new in Wagtail 8.0" label at once: both stayed in the language the menu was
    first built in, for every later reviewer of that worker."""
    chinese_admin(client, superuser, language)
    labels = set(sidebar_labels(json.loads(soup(client.get("/admin/")).find(id="wagtail-sidebar-props").string)))
    exact, patterns = wagtail_english()
    assert not sorted(label for label in labels if label in exact or any(p.match(label) for p in patterns))
