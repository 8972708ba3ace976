"""Filing a case: real multipart POSTs of intake forms, real database, real files."""

import re

import pytest
from django.core import mail
from django.core.files.storage import FileSystemStorage
from django.db import connection

from forms_app.cases.receipts import receipt_code_hash
from forms_app.intake.field_types import CHOICE_FIELD_TYPES
from forms_app.models import Case, Evidence, IntakeFormPage
from tests.builders import CASE_TYPES, LANGUAGES, intake_form
from tests.helpers import soup, visible_text
from tests.intake.builders import complete_answers, evidence_files, jpeg_bytes


def demo_form(case_type, language):
    return IntakeFormPage.objects.live().get(case_type=case_type, locale__language_code=language)


def submit(client, page, **kwargs):
    data = complete_answers(page, **kwargs)
    return client.post(page.url, data)


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case_type", CASE_TYPES)
def test_every_seeded_form_files_a_case_in_each_language(client, demo_site, case_type, language, evidence_dir):
    """Each of the four demo forms, in each language, files exactly one case and shows its receipt."""
    page = demo_form(case_type, language)
    response = submit(client, page)
    assert response.status_code == 302, visible_text(soup(response))[:600]
    case = Case.objects.get()
    assert case.case_type == case_type
    assert case.language == language
    assert case.status == "new"
    assert re.fullmatch(r"WC-[2-9A-Z]{4}-[2-9A-Z]{4}", case.reference)
    assert case.evidence_count == 2 == case.evidence.count()
    assert len(stored_files(evidence_dir)) == 4  # working copies and, with consent, the originals

    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    document = soup(receipt)
    assert document.html["lang"] == language
    assert case.reference in visible_text(document)
    code = document.select_one(".receipt__code").get_text(strip=True)
    assert len(code.replace(" ", "")) >= 16
    assert receipt_code_hash(code) == case.receipt_code_hash


@pytest.mark.django_db
@pytest.mark.parametrize("case_type", CASE_TYPES)
def test_english_and_chinese_submissions_store_the_same_keys(client, case_type):
    """The same form in English and Chinese yields the same case type, answer keys and choice keys."""
    cases = []
    for language in LANGUAGES:
        submit(client, intake_form(case_type, language))
        cases.append(Case.objects.get(language=language))
    english, *chinese = cases
    for other in chinese:
        assert other.case_type == english.case_type
        assert other.form_translation_key == english.form_translation_key
        assert other.answers.keys() == english.answers.keys()
        for key, question in english.questions_as_seen.items():
            if question["field_type"] in CHOICE_FIELD_TYPES:
                assert other.answers[key] == english.answers[key]
                assert other.questions_as_seen[key]["choices"].keys() == question["choices"].keys()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["zh-hans", "zh-hant"])
def test_question_as_seen_is_kept_in_the_claimants_language(client, language):
    """Each answer keeps the wording of the question the claimant actually read."""
    page = intake_form("persecution", language)
    submit(client, page)
    case = Case.objects.get()
    for field in page.get_form_fields():
        seen = case.questions_as_seen[field.clean_name]
        assert seen["label"] == field.label
        assert re.search(r"[\u4e00-\u9fff]", seen["label"]), seen["label"]


@pytest.mark.django_db
def test_missing_required_answer_rerenders_the_form_with_answers_kept(client):
    """An invalid submission files nothing and shows the form again with what was typed."""
    page = intake_form("account_closure", "zh-hans")
    data = complete_answers(page, skip={"attestation"})
    response = client.post(page.url, data)
    assert response.status_code == 200
    assert Case.objects.count() == 0
    document = soup(response)
    assert document.select_one(".form-error-summary") is not None
    assert document.find("textarea", attrs={"name": "what_happened"}).get_text().strip().startswith("They summoned")


class FailingEvidenceStorage(FileSystemStorage):
    """Storage that accepts one file and then fails, as a full disk or a lost bucket would."""

    saves = 0

    def _save(self, name, content):
        FailingEvidenceStorage.saves += 1
        if FailingEvidenceStorage.saves > 1:
            raise OSError("No space left on device")
        return super()._save(name, content)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_failure_while_storing_evidence_leaves_no_case_and_no_file(client, settings, evidence_dir, language):
    """If storing evidence fails half-way, nothing is kept and the form comes back filled in."""
    FailingEvidenceStorage.saves = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "tests.intake.test_intake.FailingEvidenceStorage",
            "OPTIONS": {"location": str(evidence_dir)},
        },
    }
    page = intake_form("privacy_censorship", language)
    response = submit(client, page)
    assert response.status_code == 422
    assert Case.objects.count() == 0
    assert Evidence.objects.count() == 0
    assert stored_files(evidence_dir) == []
    document = soup(response)
    assert document.html["lang"] == language
    assert document.select_one(".form-error-summary") is not None
    assert "They summoned me" in document.find("textarea", attrs={"name": "what_happened"}).get_text()


@pytest.mark.django_db
def test_database_rows_and_stored_files_hold_no_plaintext(client, evidence_dir):
    """Neither the database row nor the evidence folder reveals answers, names or file content."""
    page = intake_form("persecution", "en")
    image = jpeg_bytes(colour=(1, 2, 3))
    from django.core.files.uploadedfile import SimpleUploadedFile

    files = [SimpleUploadedFile("secret-name-photo.jpg", image, content_type="image/jpeg")]
    submit(client, page, files=files)
    case = Case.objects.get()
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM forms_app_case WHERE id = %s", [case.pk])
        row = repr(cursor.fetchone())
        cursor.execute("SELECT * FROM forms_app_evidence WHERE case_id = %s", [case.pk])
        evidence_row = repr(cursor.fetchall())
    for secret in ["They summoned", "张三", "wxid_test123", "claimant@example.org"]:
        assert secret not in row
        assert secret.encode("unicode_escape").decode() not in row
    assert "secret-name-photo" not in evidence_row
    for path in stored_files(evidence_dir):
        data = path.read_bytes()
        assert not data.startswith(b"\xff\xd8")
        assert b"JFIF" not in data and b"Exif" not in data
    assert case.answers["wechat_id"] == "wxid_test123"
    assert case.evidence.get().display_name == "secret-name-photo.jpg"


@pytest.mark.django_db
def test_original_evidence_is_kept_only_with_consent(client, evidence_dir):
    """Without consent only the working copy is stored; with it, the sealed original too."""
    page = intake_form("account_closure", "en")
    data = complete_answers(page, skip={"consent_keep_original"})
    client.post(page.url, data)
    first = Case.objects.get()
    assert not any(item.has_original for item in first.evidence.all())
    client.post(page.url, complete_answers(page))
    second = Case.objects.exclude(pk=first.pk).get()
    assert all(item.has_original for item in second.evidence.all())
    assert len(stored_files(evidence_dir)) == 2 + 4


@pytest.mark.django_db
def test_receipt_is_shown_once_and_a_refresh_does_not_resubmit(client):
    """The receipt page is reached by redirect; reloading it neither files again nor shows the code."""
    page = intake_form("investor", "zh-hant")
    response = submit(client, page)
    first = client.get(response["Location"])
    again = client.get(response["Location"])
    assert first.status_code == 200 and again.status_code == 410
    assert Case.objects.count() == 1
    assert soup(again).select_one(".receipt__code") is None


@pytest.mark.django_db
def test_the_receipt_travels_sealed_in_a_cookie_that_ends_with_the_browser_and_no_session_is_written(client):
    """Filing writes no session row: the reference and code go to the receipt page in a sealed,
    HttpOnly cookie with no expiry date, sent only to that page, and removed by it."""
    from django.contrib.sessions.models import Session

    from forms_app.cases.receipts import COOKIE_NAME

    page = intake_form("account_closure", "zh-hans")
    response = submit(client, page, files=[])
    cookie = response.cookies[COOKIE_NAME]
    case = Case.objects.get()
    assert not Session.objects.exists()
    assert (cookie["path"], cookie["httponly"], cookie["samesite"]) == (response["Location"], True, "Lax")
    assert not cookie["expires"] and not cookie["max-age"]
    assert case.reference not in cookie.value and case.reference.encode().hex() not in cookie.value
    shown = client.get(response["Location"])
    code = soup(shown).select_one(".receipt__code").get_text(strip=True).replace(" ", "")
    assert code not in cookie.value
    assert shown.cookies[COOKIE_NAME].value == "" and shown.cookies[COOKIE_NAME]["max-age"] == 0


@pytest.mark.django_db
def test_a_copied_tampered_or_stale_receipt_cookie_shows_nothing(client, monkeypatch):
    """A copy of the cookie replayed after the receipt was shown, a changed one, or one older than
    RECEIPT_SHOW_SECONDS gets the "already shown" page (410), never a code or an error."""
    from django.test import Client

    from forms_app.cases import receipts

    page = intake_form("investor", "en")
    response = submit(client, page, files=[])
    sealed = response.cookies[receipts.COOKIE_NAME].value
    assert client.get(response["Location"]).status_code == 200
    replayed = Client()
    replayed.cookies[receipts.COOKIE_NAME] = sealed
    assert replayed.get(response["Location"]).status_code == 410

    stale = submit(Client(), page, files=[])
    tampered = stale.cookies[receipts.COOKIE_NAME].value
    for value in (tampered[:-4] + ("AAAA" if not tampered.endswith("AAAA") else "BBBB"), "%%%", "x" * 5000):
        other = Client()
        other.cookies[receipts.COOKIE_NAME] = value
        answer = other.get(response["Location"])
        assert answer.status_code == 410 and soup(answer).select_one(".receipt__code") is None
    later = receipts.time.time() + receipts.RECEIPT_SHOW_SECONDS + 1
    monkeypatch.setattr(receipts.time, "time", lambda: later)
    other = Client()
    other.cookies[receipts.COOKIE_NAME] = tampered
    assert other.get(response["Location"]).status_code == 410


@pytest.mark.django_db
def test_receipt_code_verifies_only_against_its_own_hash(client):
    """The stored hash matches the shown code and nothing else; the code itself is not stored."""
    page = intake_form("investor", "en")
    receipt = client.get(submit(client, page)["Location"])
    code = soup(receipt).select_one(".receipt__code").get_text(strip=True)
    case = Case.objects.get()
    assert receipt_code_hash(code) == case.receipt_code_hash
    assert receipt_code_hash(code.replace(" ", "")) == case.receipt_code_hash
    wrong = ("1" if code[0] != "1" else "2") + code[1:]
    assert receipt_code_hash(wrong) != case.receipt_code_hash
    assert code.replace(" ", "") not in repr(Case.objects.values().get())


@pytest.mark.django_db
def test_honeypot_rejects_the_submission(client):
    """A filled-in honeypot field is refused and files nothing."""
    page = intake_form("persecution", "zh-hans")
    data = complete_answers(page)
    data["website"] = "http://spam.example"
    response = client.post(page.url, data)
    assert response.status_code == 400
    assert Case.objects.count() == 0


@pytest.mark.django_db
def test_rate_limit_refuses_a_burst_without_storing_the_address(client, settings):
    """Past the limit, a client is refused with a message; no IP address is stored anywhere."""
    settings.INTAKE_RATE_LIMIT = 2
    page = intake_form("persecution", "zh-hans")
    statuses = [client.post(page.url, complete_answers(page), REMOTE_ADDR="203.0.113.9").status_code for _ in range(3)]
    assert statuses == [302, 302, 429]
    assert Case.objects.count() == 2
    rows = repr(list(Case.objects.values()))
    assert "203.0.113.9" not in rows


@pytest.mark.django_db
def test_staff_notification_says_only_that_a_case_arrived(client, settings, django_capture_on_commit_callbacks):
    """After commit, staff get an e-mail with the reference and type, never answers or codes."""
    settings.CASE_NOTIFICATION_EMAIL = "staff@example.org"
    page = intake_form("persecution", "en")
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(client, page)
    receipt = client.get(response["Location"])
    code = soup(receipt).select_one(".receipt__code").get_text(strip=True)
    case = Case.objects.get()
    staff_mail = [message for message in mail.outbox if message.to == ["staff@example.org"]]
    assert len(staff_mail) == 1
    assert case.reference in staff_mail[0].subject
    for message in mail.outbox:  # the staff mail, and the claimant's acknowledgement
        for secret in ["They summoned", "张三", "wxid_test123", "claimant@example.org", code, code.replace(" ", "")]:
            assert secret not in message.subject and secret not in message.body


@pytest.mark.django_db
def test_form_page_renders_in_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    """Showing a form costs a fixed, small number of queries, however many questions it has."""
    counts = {}
    for case_type in ("account_closure", "investor"):  # 15 and 18 questions
        page = intake_form(case_type, "zh-hans")
        client.get(page.url)  # warm per-process caches (site root paths)
        with django_assert_max_num_queries(20) as captured:
            assert client.get(page.url).status_code == 200
        counts[case_type] = len(captured)
    assert counts["account_closure"] == counts["investor"]


@pytest.mark.django_db
def test_wechat_in_app_browser_gets_a_warning_in_the_claimants_language(client):
    """Opened inside WeChat, the form warns (in Chinese) to use a normal browser instead."""
    page = intake_form("persecution", "zh-hans")
    agent = "Mozilla/5.0 (Linux; Android 12) AppleWebKit/537.36 MicroMessenger/8.0.40"
    warning = soup(client.get(page.url, HTTP_USER_AGENT=agent)).select_one(".warning--wechat")
    assert warning is not None
    assert re.search(r"[\u4e00-\u9fff]", warning.get_text())
    assert soup(client.get(page.url)).select_one(".warning--wechat") is None


@pytest.mark.django_db
def test_evidence_files_are_listed_for_the_case(client):
    """Two uploaded files become two evidence records with hashes of original and working copy."""
    submit(client, intake_form("persecution", "en"), files=evidence_files())
    for item in Evidence.objects.all():
        assert len(item.original_sha256) == 64 and len(item.working_sha256) == 64
        assert item.metadata_removed


@pytest.mark.django_db
def test_money_answers_are_recorded_as_plain_losses_for_statistics(client):
    """Each money answer becomes a ReportedLoss row (amount and currency) for the statistics."""
    page = intake_form("account_closure", "zh-hans")
    submit(client, page)
    case = Case.objects.get()
    money_keys = {field.clean_name for field in page.get_form_fields() if field.field_type == "money"}
    losses = list(case.reported_losses.values_list("question_key", "currency", "amount"))
    assert {key for key, _currency, _amount in losses} == money_keys
    assert all(currency == "CNY" and str(amount) == "1234.50" for _key, currency, amount in losses)


@pytest.mark.django_db
def test_rate_limit_counts_the_address_the_proxy_reports(client, settings):
    """Behind a proxy, clients are told apart by the configured header, not the proxy's address."""
    settings.INTAKE_RATE_LIMIT = 1
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    page = intake_form("investor", "en")
    first = client.post(page.url, complete_answers(page), HTTP_X_REAL_IP="198.51.100.1")
    other = client.post(page.url, complete_answers(page), HTTP_X_REAL_IP="198.51.100.2")
    again = client.post(page.url, complete_answers(page), HTTP_X_REAL_IP="198.51.100.1")
    assert [first.status_code, other.status_code, again.status_code] == [302, 302, 429]


@pytest.mark.django_db
def test_notification_goes_through_an_anymail_backend_configured_in_mailers(client, settings):
    """E-mail is sent through Django's MAILERS setting with an anymail backend (its test backend)."""
    settings.CASE_NOTIFICATION_EMAIL = "staff@example.org"
    settings.MAILERS = {"default": {"BACKEND": "anymail.backends.test.EmailBackend"}}
    from forms_app.cases.tasks import notify_staff_of_new_case

    submit(client, intake_form("persecution", "en"))
    case = Case.objects.get()
    notify_staff_of_new_case.call(case.pk)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.anymail_test_params["to"][0].addr_spec == "staff@example.org"
    assert case.reference in sent.subject
