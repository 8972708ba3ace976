"""What a claimant does on My case: reply, add evidence, change consents and contact, withdraw."""

import io

import pytest
from django.core.files.storage import storages
from PIL import ExifTags, Image

from forms_app.cases import activity
from forms_app.cases.erasure import LegalHoldActive, erase_case
from forms_app.models import (
    Case,
    CaseConsent,
    CaseEvent,
    CaseIdentifier,
    CaseStatus,
    ClaimantContact,
    ClaimantReply,
    Evidence,
    ReportedLoss,
)
from tests.builders import staff
from tests.helpers import soup, visible_text
from tests.intake.builders import human_check

from .builders import enter, filed_case
from .photos import gps_photo

pytestmark = pytest.mark.django_db


def open_case(client, language, **options):
    case, code = filed_case(language=language, **options)
    assert enter(client, code, language).status_code == 302
    return case


def stored_files(folder):
    return sorted(path for path in folder.rglob("*") if path.is_file())


def working_copy(evidence):
    sealed = storages["evidence"].open(evidence.working_file).read()
    return evidence.case.open(evidence.purpose("working"), sealed)


@pytest.mark.parametrize(("language", "answer"), [("zh-hans", "我在五月被约谈。"), ("zh-hant", "我在五月被約談。")])
def test_a_reply_with_a_gps_photo_reaches_the_case_without_metadata(client, language, answer):
    """A reply to a reviewer's question, with a GPS-tagged photo, in Chinese: the case becomes
    Information received and unread, the reply is sealed, the stored photo has no EXIF at all."""
    case = open_case(client, language)
    reviewer = staff("r1", "Reviewers")
    question = activity.ask(case, {language: "请说明日期。"}, reviewer)
    page = client.get(f"/{language}/cases/my-case/case/")
    assert "请说明日期。" in visible_text(soup(page))

    prefix = f"q{question.pk}"
    response = client.post(
        f"/{language}/cases/my-case/case/questions/{question.uuid}/reply/",
        {f"{prefix}-text": answer, f"{prefix}-files": [gps_photo()], **human_check()},
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.INFORMATION_RECEIVED
    assert case.claimant_activity_unread
    reply = ClaimantReply.objects.get(case=case)
    assert answer.encode() not in bytes(reply.sealed_text)
    assert reply.text == answer and reply.evidence_count == 1
    evidence = Evidence.objects.get(case=case, reply=reply)
    photo = Image.open(io.BytesIO(working_copy(evidence)))
    assert len(photo.getexif()) == 0
    assert not photo.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert "comment" not in photo.info
    assert case.evidence_count == Evidence.objects.filter(case=case).count()
    page = visible_text(soup(client.get(f"/{language}/cases/my-case/case/")))
    assert answer in page


@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_evidence_can_be_added_at_any_time_with_a_note(client, language, evidence_dir):
    """More evidence with a note, without any question: stored sealed, listed by date and size
    (never by name, never downloadable)."""
    case = open_case(client, language)
    before = stored_files(evidence_dir)
    response = client.post(
        f"/{language}/cases/my-case/case/evidence/",
        {"evidence-files": [gps_photo("微信截图.jpg")], "evidence-note": "这是通知的照片", **human_check()},
    )
    assert response.status_code == 302
    assert len(stored_files(evidence_dir)) > len(before)
    reply = ClaimantReply.objects.get(case=case, question=None)
    assert reply.text == "这是通知的照片"
    page = client.get(f"/{language}/cases/my-case/case/")
    text = visible_text(soup(page))
    assert "微信截图" not in page.content.decode()
    assert "KB" in text or "字节" in text or "位元組" in text
    assert not soup(page).select("a[href*='evidence/']")
    assert CaseEvent.objects.filter(case=case, kind="evidence_added", by_claimant=True).exists()


def test_a_refused_file_keeps_nothing_and_says_why(client, evidence_dir):
    """An executable is refused with a translated message; no row and no file are written."""
    case = open_case(client, "zh-hans")
    response = client.post(
        "/zh-hans/cases/my-case/case/evidence/",
        {"evidence-files": [io.BytesIO(b"MZ\x90\x00" + b"\x00" * 200)], "evidence-note": "x", **human_check()},
    )
    assert response.status_code == 400
    assert soup(response).select_one(".form-error-summary") is not None
    assert not ClaimantReply.objects.filter(case=case).exists()
    assert stored_files(evidence_dir) == []


def test_revoking_keep_originals_deletes_the_originals_only(client, evidence_dir, django_capture_on_commit_callbacks):
    """Revoking "keep originals" deletes every stored original; the working copies stay."""
    from tests.intake.builders import evidence_files

    case = open_case(client, "en", files=evidence_files())
    originals = [item.original_file for item in Evidence.objects.filter(case=case)]
    assert all(originals)
    data = {"share_counsel": "on", "named_plaintiff": "on", "statistics": "on"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/cases/my-case/case/consents/", data)
    assert response.status_code == 302
    assert not CaseConsent.objects.get(case=case, use="keep_originals").granted
    assert not any(Evidence.objects.filter(case=case).values_list("original_file", flat=True))
    names = {str(path.relative_to(evidence_dir)) for path in stored_files(evidence_dir)}
    assert not names & set(originals)
    assert {item.working_file for item in Evidence.objects.filter(case=case)} <= names


def test_contact_preferences_change_without_showing_the_old_details(client):
    """New safe channels and a new e-mail are sealed; the page never shows the stored e-mail."""
    case = open_case(client, "en")
    page = client.get("/en/cases/my-case/case/contact/")
    assert "claimant@example.org" not in page.content.decode()
    response = client.post(
        "/en/cases/my-case/case/contact/", {"safe": ["signal"], "never": ["wechat", "email"], "signal": "@safe.01"}
    )
    assert response.status_code == 302
    contact = ClaimantContact.objects.get(case=case)
    assert b"@safe.01" not in bytes(contact.sealed)
    assert contact.values["signal"] == "@safe.01"
    assert contact.values["email"] == "claimant@example.org"  # left empty: kept
    assert contact.values["safe"] == ["signal"] and contact.changed_at is not None


def test_withdrawal_erases_the_case_and_leaves_a_tombstone(client, evidence_dir, django_capture_on_commit_callbacks):
    """After confirming, answers, files, contact, hashes, tokens, losses and the data key are gone;
    reference, type, language and dates stay, with status Withdrawn; the session ends."""
    from tests.intake.builders import evidence_files

    case = open_case(client, "zh-hant", case_type="account_closure", files=evidence_files())
    assert stored_files(evidence_dir)
    assert ReportedLoss.objects.filter(case=case).exists()
    assert client.post("/zh-hant/cases/my-case/case/withdraw/", {}).status_code == 400  # no confirmation
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/zh-hant/cases/my-case/case/withdraw/", {"confirm": "on"})
    assert response.status_code == 200
    assert case.reference in visible_text(soup(response))
    tomb = Case.objects.get(pk=case.pk)
    assert tomb.status == CaseStatus.WITHDRAWN and tomb.withdrawn_at
    assert (tomb.reference, tomb.case_type, tomb.language, tomb.submitted_at) == (
        case.reference,
        "account_closure",
        "zh-hant",
        case.submitted_at,
    )
    assert bytes(tomb.wrapped_key) == b"" and bytes(tomb.sealed_answers) == b""
    for model in (Evidence, ClaimantContact, CaseConsent, CaseIdentifier, ReportedLoss):
        assert not model.objects.filter(case=case).exists(), model.__name__
    # The blind index goes too: no buckets, no sealed confirmation index, no link to the wording.
    assert tomb.search_buckets == [] and bytes(tomb.sealed_index) == b"" and tomb.wording_id is None
    assert stored_files(evidence_dir) == []
    assert client.get("/zh-hant/cases/my-case/case/").status_code == 302


def test_legal_hold_blocks_erasure_and_records_the_request(client, evidence_dir):
    """Under legal hold nothing is erased: the request is recorded, the claimant told that counsel
    will contact them, and the case page shows the pending request."""
    from tests.intake.builders import evidence_files

    case = open_case(client, "zh-hans", files=evidence_files())
    manager = staff("m1", "Case managers")
    activity.place_hold(case, "Court order 2026/17", manager)
    with pytest.raises(LegalHoldActive):
        erase_case(case)
    response = client.post("/zh-hans/cases/my-case/case/withdraw/", {"confirm": "on"}, follow=True)
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.withdrawal_requested_at and not case.is_erased
    assert Evidence.objects.filter(case=case).exists() and stored_files(evidence_dir)
    document = soup(response)
    assert document.select_one(".notice--warning") is not None
    assert not document.select('a[href="/zh-hans/cases/my-case/case/withdraw/"]')
    assert CaseEvent.objects.filter(case=case, kind="withdrawal_requested", by_claimant=True).exists()
