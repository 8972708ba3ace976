"""The queue's filter widgets are kept once rendered (forms_app/review/filters.py): what they show
still follows the query, the choices in the database and the language."""

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile

from cms.kept import Kept
from forms_app.models import CaseTag
from forms_app.review import filters
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def drilldown(client, **query):
    response = client.get(reverse("forms_app_review:index"), query)
    assert response.status_code == 200
    return soup(response)


def test_filters_follow_the_query_the_tags_and_the_language(client, reviewer, monkeypatch):
    monkeypatch.setattr(filters, "_kept_widgets", Kept(512))
    client.force_login(reviewer)
    page = drilldown(client)
    assert not page.select("input[name=status][value=new][checked]")

    page = drilldown(client, status="new")
    assert page.select("input[name=status][value=new][checked]")
    assert not drilldown(client).select("input[name=status][value=new][checked]")  # kept, not stuck

    assert not page.select("input[name=tag][value=urgent]")
    CaseTag.objects.create(name="urgent")
    assert drilldown(client).select("input[name=tag][value=urgent]")

    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "zh-hant"
    profile.save()
    labels = drilldown(client).select_one("#drilldown-id_has_evidence").get_text()
    assert "是" in labels and "Yes" not in labels


def test_a_kept_widget_is_what_the_form_renders_afresh(client, reviewer, monkeypatch):
    monkeypatch.setattr(filters, "_kept_widgets", Kept(512))
    client.force_login(reviewer)
    kept_first = str(drilldown(client, status="closed", merit="3").select_one(".w-drilldown__contents"))
    kept_again = str(drilldown(client, status="closed", merit="3").select_one(".w-drilldown__contents"))
    monkeypatch.setattr(filters.KeptWidgetBoundField, "as_widget", filters.BoundField.as_widget)
    afresh = str(drilldown(client, status="closed", merit="3").select_one(".w-drilldown__contents"))
    assert kept_first == kept_again == afresh
