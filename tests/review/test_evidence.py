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
    hashes = first.working_sha256, first.original_sha256
    first.metadata_removed = False  # as a recording that could not be stripped is filed
    first.seal_manifest(*hashes)
    first.save()
    client.force_login(reviewer)
    table = soup(client.get(reverse("forms_app_review:detail", args=[case.pk]))).select_one("#evidence")
    text = table.get_text(" ")
    assert "截图" in text and "notice.png" in text
    assert first.working_sha256 in text and first.original_sha256 in text
    assert "Metadata NOT removed" in text
    assert len(table.select("img")) == 2


@pytest.mark.django_db
def test_no_file_hash_is_stored_in_clear(reviewer):
    """A database dump cannot confirm that a file from a seized phone was submitted: neither the
    SHA-256 of the upload nor of the working copy appears in any column of the evidence table."""
    import hashlib

    from django.db import connection

    from tests.intake.builders import jpeg_bytes

    case = make_case_with_evidence("persecution", "en")
    evidence = case.evidence.order_by("pk").first()
    uploaded = hashlib.sha256(jpeg_bytes()).hexdigest()
    assert evidence.original_sha256 == uploaded  # readable after decryption
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM forms_app_evidence")
        dump = repr(cursor.fetchall())
    assert uploaded not in dump and evidence.working_sha256 not in dump


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["metadata_removed", "working_mime", "manifest", "file"])
def test_tampering_with_an_evidence_record_or_file_is_detected(client, reviewer, change):
    """A database or storage writer who changes a file's record, its sealed manifest or the file
    itself is caught: the case page flags it and the download is refused (409), never served."""
    from forms_app.cases import evidence_store
    from forms_app.cases.models import Evidence

    case = make_case_with_evidence("persecution", "en")
    evidence = case.evidence.order_by("pk").first()
    if change == "metadata_removed":
        Evidence.objects.filter(pk=evidence.pk).update(metadata_removed=False)
    elif change == "working_mime":
        Evidence.objects.filter(pk=evidence.pk).update(working_mime="text/html")
    elif change == "manifest":
        other = case.evidence.order_by("pk").last()
        Evidence.objects.filter(pk=evidence.pk).update(sealed_manifest=bytes(other.sealed_manifest))
    else:  # the same case key seals a different picture under this file's name
        evidence.case = case
        forged = case.seal(evidence.purpose("working"), b"\xff\xd8 not the original picture")
        evidence_store.storage().delete(evidence.working_file)
        evidence_store.save_sealed(evidence.working_file, forged)
    client.force_login(reviewer)
    page = client.get(reverse("forms_app_review:detail", args=[case.pk]))
    if change != "file":
        assert "failed its integrity check" in page.content.decode()
    response = client.get(download_url(case, evidence))
    assert response.status_code == 409
    assert "Content-Disposition" not in response
