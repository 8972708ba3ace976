"""The admin sidebar is built once a minute per staff member and language (cms/admin_sidebar.py),
never shared between people whose menus differ."""

import json

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms import admin_sidebar
from tests.helpers import soup


def sidebar(client, url="/admin/"):
    response = client.get(url)
    assert response.status_code == 200
    return json.loads(soup(response).find(id="wagtail-sidebar-props").string)


def menu_urls(props):
    return set(_urls(props))


def _urls(value):
    if isinstance(value, dict):
        if isinstance(value.get("url"), str):
            yield value["url"]
        for item in value.values():
            yield from _urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _urls(item)


@pytest.mark.django_db
def test_each_staff_member_gets_the_menu_of_their_own_permissions(reviewer, communications, superuser):
    menus = {}
    for user in (superuser, reviewer, communications, reviewer, superuser):
        client = Client()
        client.force_login(user)
        menus.setdefault(user.username, []).append(menu_urls(sidebar(client)))
    assert menus["root"][0] == menus["root"][1] and menus["reviewer"][0] == menus["reviewer"][1]
    assert "/admin/users/" in menus["root"][0]
    assert "/admin/users/" not in menus["reviewer"][0] | menus["comms"][0]
    assert reverse("forms_app_review:index") in menus["reviewer"][0]
    assert reverse("forms_app_review:index") not in menus["comms"][0]


@pytest.mark.django_db
def test_the_menu_is_built_once_per_person_and_language_then_read_from_the_cache(client, reviewer, monkeypatch):
    built = []
    real = admin_sidebar.wagtail_sidebar_props

    def counting(context):
        built.append(context["request"].path)
        return real(context)

    monkeypatch.setattr(admin_sidebar, "wagtail_sidebar_props", counting)
    client.force_login(reviewer)
    english = sidebar(client, reverse("forms_app_review:index"))
    assert sidebar(client, "/admin/") == english
    assert len(built) == 1
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "zh-hans"
    profile.save()
    chinese = sidebar(client)
    assert len(built) == 2
    assert chinese != english


@pytest.mark.django_db
def test_a_workers_copy_ends_when_the_shared_entry_does(client, reviewer, monkeypatch):
    built = []
    real = admin_sidebar.wagtail_sidebar_props
    monkeypatch.setattr(admin_sidebar, "wagtail_sidebar_props", lambda context: built.append(1) or real(context))
    client.force_login(reviewer)
    first = sidebar(client)
    admin_sidebar.forget_local_copies()  # another worker: it reads the shared cache
    assert sidebar(client) == first and len(built) == 1
    later = admin_sidebar.time.time() + admin_sidebar.SIDEBAR_SECONDS + 1
    monkeypatch.setattr(admin_sidebar.time, "time", lambda: later)
    sidebar(client)
    assert len(built) == 2
