"""Evidence downloads and previews: permission-checked, decrypted in the view, safe headers, logged."""

import hashlib
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms_app.models import CaseEvent
from tests.builders import make_case_with_evidence, staff
from tests.helpers import soup


def download_url(case, evidence, copy="working"):
    return reverse("forms_app_review:evidence_download", args=[case.pk, evidence.pk, copy])


@pytest.mark.django_db
def test_working_copy_download_is_an_attachment_with_a_generated_name(client, reviewer):
    """The working copy comes decrypted, hash-identical, as <reference>-<n>.<ext>, never under the
    claimant's filename, with nosniff and no-store; the download is logged and on the timeline."""
    case = make_case_with_evidence("persecution", "en")
    first = case.evidence.order_by("pk").first()
    client.force_login(reviewer)
    response = client.get(download_url(case, first))
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{case.reference}-1.{first.working_extension}"'
    assert "截图" not in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"].split(", ")
    assert response["Content-Type"] == first.working_mime
    assert hashlib.sha256(response.content).hexdigest() == first.working_sha256
    entry = ModelLogEntry.objects.get(object_id=str(case.pk), action="forms_app.case.evidence_download")
    assert entry.user == reviewer and entry.data["number"] == 1 and entry.data["copy"] == "working"
    assert CaseEvent.objects.filter(case=case, kind="evidence_download").count() == 1


@pytest.mark.django_db
def test_original_download_matches_the_recorded_hash(client, case_manager):
    """The original, kept with consent, downloads byte for byte as uploaded."""
    case = make_case_with_evidence("account_closure", "zh-hans")
    second = list(case.evidence.order_by("pk"))[1]
    assert second.has_original
    client.force_login(case_manager)
    response = client.get(download_url(case, second, "original"))
    assert response.status_code == 200
    assert re.fullmatch(rf'attachment; filename="{case.reference}-2-original\.png"', response["Content-Disposition"])
    assert hashlib.sha256(response.content).hexdigest() == second.original_sha256


@pytest.mark.django_db
def test_image_preview_is_inline_and_sandboxed(client, reviewer):
    """Previews are the working copy, inline for an <img>, under a sandboxing CSP."""
    case = make_case_with_evidence("persecution", "en")
    first = case.evidence.order_by("pk").first()
    client.force_login(reviewer)
    response = client.get(reverse("forms_app_review:evidence_preview", args=[case.pk, first.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] in ("image/jpeg", "image/png")
    assert response["Content-Disposition"] == "inline"
    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff" and "no-store" in response["Cache-Control"]
    assert ModelLogEntry.objects.filter(object_id=str(case.pk), action="forms_app.case.evidence_preview").exists()


@pytest.mark.django_db
def test_evidence_needs_the_download_permission(client):
    """Staff who may view cases but not download evidence get 403 and see no preview."""
    case = make_case_with_evidence("persecution", "en")
    viewer = staff("viewer")
    viewer.user_permissions.add(
        Permission.objects.get(codename="access_admin"), Permission.objects.get(codename="view_case")
    )
    client.force_login(viewer)
    first = case.evidence.first()
    assert client.get(download_url(case, first)).status_code == 403
    assert client.get(reverse("forms_app_review:evidence_preview", args=[case.pk, first.pk])).status_code == 403
    page = soup(client.get(reverse("forms_app_review:detail", args=[case.pk])))
    assert page.select("#evidence img") == []
    assert not ModelLogEntry.objects.filter(action="forms_app.case.evidence_download").exists()


@pytest.mark.django_db
def test_evidence_of_another_case_is_not_found(client, reviewer):
    """An evidence id only opens under its own case."""
    case, other = make_case_with_evidence("persecution", "en"), make_case_with_evidence("investor", "en")
    client.force_login(reviewer)
    # (An admin 404 is redirected by LocaleMiddleware to the language-prefixed URL, which 404s too.)
    for url in (download_url(case, other.evidence.first()), download_url(case, case.evidence.first(), "secret")):
        response = client.get(url, follow=True)
        assert response.status_code == 404
        assert "Content-Disposition" not in response


@pytest.mark.django_db
def test_case_page_shows_hashes_names_and_a_metadata_warning(client, reviewer):
    """The evidence table shows the display name, both SHA-256 hashes, and warns when metadata stayed."""
    case = make_case_with_evidence("persecution", "en")
    first = case.evidence.order_by("pk").first()
    first.metadata_removed = False
    first.save()
    client.force_login(reviewer)
    table = soup(client.get(reverse("forms_app_review:detail", args=[case.pk]))).select_one("#evidence")
    text = table.get_text(" ")
    assert "截图" in text and "notice.png" in text
    assert first.working_sha256 in text and first.original_sha256 in text
    assert "Metadata NOT removed" in text
    assert len(table.select("img")) == 2
