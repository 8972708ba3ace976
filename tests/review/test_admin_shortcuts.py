"""The admin's keyboard shortcuts dialog is rendered once per worker for each way it can look
(cms/admin_shortcuts.py): the same HTML as Wagtail's own tag, in the user's language, following
their settings and their platform."""

import pytest
from django.template import Context
from django.test import RequestFactory
from django.urls import reverse
from django.utils.translation import override
from wagtail.users.models import UserProfile

from cms import admin_shortcuts
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
        ours = admin_shortcuts.kept_keyboard_shortcuts_dialog(context)
        wagtails = admin_shortcuts.render_to_string(
            admin_shortcuts.TEMPLATE, admin_shortcuts.wagtail_dialog_context(context)
        )
    assert ours == wagtails
    assert "⌘" in ours  # the Mac's keys, as the browser said


def test_rendered_once_then_kept_per_language_setting_and_platform(client, reviewer, monkeypatch):
    rendered = []
    real = admin_shortcuts.render_to_string
    monkeypatch.setattr(admin_shortcuts, "_rendered", {})
    monkeypatch.setattr(admin_shortcuts, "render_to_string", lambda *args: rendered.append(1) or real(*args))
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
