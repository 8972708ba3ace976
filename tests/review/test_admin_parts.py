"""The admin's keyboard shortcuts dialog is rendered once per worker for each way it can look
(cms/admin_parts.py): the same HTML as Wagtail's own tag, in the user's language, following
their settings and their platform."""

import json

import pytest
from django.template import Context
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import override
from wagtail.users.models import UserProfile

from cms import admin_parts
from cms.kept import Kept
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def dialog(client, **headers):
    response = client.get(reverse("forms_app_review:index"), headers=headers)
    assert response.status_code == 200
    return str(soup(response).find(id="keyboard-shortcuts-dialog"))


def test_the_dialog_is_what_wagtail_renders(reviewer):
    request = RequestFactory().get("/admin/", headers={"User-Agent": "Mozilla/5.0 (Macintosh)"})
    request.user = reviewer
    context = Context({"request": request})
    with override("zh-hant"):
        ours = admin_parts.kept_keyboard_shortcuts_dialog(context)
        wagtails = admin_parts.render_to_string(admin_parts.TEMPLATE, admin_parts.wagtail_dialog_context(context))
    assert ours == wagtails
    assert "⌘" in ours  # the Mac's keys, as the browser said


def test_rendered_once_then_kept_per_language_setting_and_platform(client, reviewer, monkeypatch):
    rendered = []
    real = admin_parts.render_to_string
    monkeypatch.setattr(admin_parts, "_rendered", Kept(64))
    monkeypatch.setattr(admin_parts, "render_to_string", lambda *args: rendered.append(1) or real(*args))
    client.force_login(reviewer)
    english = dialog(client)
    assert dialog(client) == english
    assert len(rendered) == 1
    assert "Keyboard shortcuts" in english

    mac = dialog(client, User_Agent="Mozilla/5.0 (iPhone)")
    assert len(rendered) == 2 and "⌘" in mac and "⌘" not in english

    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "zh-hans"
    profile.save()
    chinese = dialog(client)
    assert len(rendered) == 3 and "键盘快捷键" in chinese

    profile.keyboard_shortcuts = False
    profile.save()
    disabled = dialog(client)
    assert len(rendered) == 4 and disabled != chinese


@pytest.mark.parametrize(
    "arguments",
    [
        {"name": "arrow-right"},
        {"name": "warning", "classname": "messages-icon"},
        {"name": "lock", "title": "Locked <by> someone", "wrapped": True},
    ],
)
def test_icons_are_what_wagtails_template_writes(arguments):
    wagtails = admin_parts.get_template(admin_parts.ICON_TEMPLATE).render(
        admin_parts.wagtail_icon_context(**arguments)
    )
    assert admin_parts.kept_icon(Context({}), **arguments) == wagtails
    assert admin_parts.kept_icon(Context({}), **arguments) == wagtails  # kept


def test_an_icons_title_is_kept_per_language():
    from django.utils.translation import gettext_lazy

    title = gettext_lazy("Search")
    with override("en"):
        english = admin_parts.kept_icon(Context({}), name="search", title=title)
    with override("zh-hans"):
        chinese = admin_parts.kept_icon(Context({}), name="search", title=title)
    assert "Search" in english and "搜索" in chinese


def config(client):
    response = client.get(reverse("forms_app_review:index"))
    assert response.status_code == 200
    return json.loads(soup(response).find(id="wagtail-config").string)


def test_the_scripts_config_is_wagtails_with_the_csrf_token_of_each_page(client, reviewer, monkeypatch, demo_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    monkeypatch.setattr(admin_parts, "_configs", {})
    client.force_login(reviewer)
    first = config(client)
    request = RequestFactory().get("/admin/")
    request.user = reviewer
    wagtails = admin_parts.wagtail_config(Context({"request": request}))
    assert {k: v for k, v in first.items() if k != "CSRF_TOKEN"} == {
        k: v for k, v in json.loads(json.dumps(wagtails, default=str)).items() if k != "CSRF_TOKEN"
    }
    assert [locale["code"] for locale in first["LOCALES"]] == ["en", "zh-hans", "zh-hant"]
    with CaptureQueriesContext(connection) as queries:
        second = config(client)
    assert not [query for query in queries if "wagtailcore_locale" in query["sql"]]
    assert first["CSRF_TOKEN"] and second["CSRF_TOKEN"] != first["CSRF_TOKEN"]  # masked afresh
