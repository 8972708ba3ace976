"""A claimant fills an intake form one step at a time (no JavaScript needed), with questions that
appear only when they apply, and nothing typed or chosen is lost: real database, real templates,
real multipart POSTs, real evidence processing."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import timezone

from forms_app.cases.models import Draft, DraftEvidence
from forms_app.intake.field_types import FIELD_TYPES, field_type, searchable_texts
from forms_app.intake.stepping import ACTION_FIELD, REMOVE_FIELD, STEP_FIELD
from forms_app.intake.steps import condition_problems
from forms_app.models import Case, IntakeFormField, IntakeFormPage
from tests.helpers import soup, visible_text
from tests.intake.builders import complete_answers, evidence_files, jpeg_bytes
from tests.intake.stepper import answers_for, post_step, progress, send, walk_to_review

# The demo's forms carry the steps and conditions these tests walk through.
pytestmark = pytest.mark.usefixtures("demo_site")


def form_page(case_type, language):
    return IntakeFormPage.objects.live().get(case_type=case_type, locale__language_code=language)


def stored_files(folder):
    return [path for path in folder.rglob("*") if path.is_file()]


def go_to_step(client, page, answers, wanted):
    """Answer steps with Next until step ``wanted`` is shown; returns its GET response."""
    response = client.get(page.url)
    while progress(response)[0] < wanted:
        assert post_step(client, page, response, answers).status_code == 302
        response = client.get(page.url)
    return response


def question_names(response):
    return {control["name"] for control in soup(response).select("form.intake-form [name]")}


# --- Steps ------------------------------------------------------------------------------------
def test_a_step_has_no_answer_in_the_registry():
    """The step type says it has no answer, and the registry's helpers for filing skip it."""
    assert FIELD_TYPES["step"].has_answer is False
    assert all(kind.has_answer for key, kind in FIELD_TYPES.items() if key != "step")
    step = IntakeFormField(clean_name="s", label="About you", field_type="step")
    assert list(searchable_texts([step], {"s": "text"})) == []


@pytest.mark.django_db
def test_steps_are_left_out_of_the_form_and_of_the_filed_answers(client):
    """A step question is not a form field and leaves no answer: filing, display and export see none."""
    page = form_page("investor", "en")
    assert any(question.field_type == "step" for question in page.get_all_questions())
    assert all(field_type(question.field_type).has_answer for question in page.get_form_fields())
    client.post(page.url, complete_answers(page))
    case = Case.objects.get()
    steps = {question.clean_name for question in page.get_all_questions() if question.field_type == "step"}
    assert steps and not steps & set(case.answers) and not steps & set(case.questions_as_seen)


@pytest.mark.django_db
def test_a_claimant_files_a_case_step_by_step_in_chinese(client):
    """Step 1 of 6 in Traditional Chinese, Next through every step, a review page listing the
    answers, then exactly one case in the same queue; the draft is erased."""
    page = form_page("persecution", "zh-hant")
    first = client.get(page.url)
    assert progress(first) == (1, 6)
    assert "第 1 步，共 6 步" in visible_text(soup(first))
    review = walk_to_review(client, page)
    text = visible_text(soup(review))
    assert "檢查您的答案" in text
    assert "They summoned me for tea" in text  # the claimant's own answer, listed for checking
    assert Case.objects.count() == 0  # a draft is not a case: never in the queue
    assert Draft.objects.count() == 1
    response = send(client, page, review)
    assert response.status_code == 302
    case = Case.objects.get()
    assert case.language == "zh-hant"
    assert case.answers["what_happened"].startswith("They summoned me")
    assert Draft.objects.count() == 0


@pytest.mark.django_db
def test_back_shows_the_previous_step_with_its_answers(client):
    """Back from step 2 shows step 1 with what was typed there, without judging step 2."""
    page = form_page("investor", "en")
    answers = complete_answers(page)
    step_two = go_to_step(client, page, answers, 2)
    response = client.post(page.url, {STEP_FIELD: "2", ACTION_FIELD: "back"})
    assert response.status_code == 302
    again = client.get(page.url)
    assert progress(again)[0] == 1
    broker = soup(again).find("input", attrs={"name": "broker"})
    assert broker["value"] == answers["broker"]
    assert progress(step_two)[0] == 2


@pytest.mark.django_db
def test_step_errors_are_shown_at_once_and_the_answers_kept(client):
    """A required question left empty keeps the claimant on the step with the error linked."""
    page = form_page("account_closure", "en")
    first = client.get(page.url)
    response = client.post(page.url, {STEP_FIELD: "1", ACTION_FIELD: "next", "wechat_id": "wxid_kept"})
    assert response.status_code == 200
    document = soup(response)
    assert document.select_one(".form-error-summary a[href]") is not None
    assert document.find("input", attrs={"name": "wechat_id"})["value"] == "wxid_kept"
    assert progress(response)[0] == progress(first)[0] == 1


# --- Conditions -------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_conditional_question_is_hidden_and_its_answer_not_stored(client):
    """Shares not sold: the sale questions are not shown on the next step, and a sale amount sent
    anyway is not stored; shares sold: they are shown."""
    page = form_page("investor", "zh-hans")
    answers = complete_answers(page)
    answers["sold"] = "no"
    # Step 1 asks whether they were sold; step 2 is the trade schedule; step 3 the sales.
    sales_step = go_to_step(client, page, answers, 3)
    names = question_names(sales_step)
    assert "sale_amount_0" not in names and "sale_period_0" not in names
    assert "shares_still_held" in names
    # Sent anyway (a tampered or stale form): dropped.
    client.post(
        page.url, {STEP_FIELD: "3", ACTION_FIELD: "next", **answers_for(sales_step, answers), "sale_amount_0": "99"}
    )
    review = walk_to_review(client, page, answers)
    send(client, page, review)
    case = Case.objects.get()
    assert "sale_amount" not in case.answers and "sale_period" not in case.answers
    assert "sale_amount" not in case.questions_as_seen

    other = Client()
    answers["sold"] = "partly"
    names = question_names(go_to_step(other, page, answers, 3))
    assert {"sale_amount_0", "sale_period_0", "shares_still_held"} <= names


@pytest.mark.django_db
def test_a_hidden_question_is_not_required(client):
    """A required question whose condition is not met does not stop the claimant."""
    page = form_page("persecution", "en")
    IntakeFormField.objects.filter(page=page, clean_name="detention_period").update(required=True)
    page = form_page("persecution", "en")
    answers = complete_answers(page)  # consequences: harassment and tea drinking, no detention
    send(client, page, walk_to_review(client, page, answers))
    assert "detention_period" not in Case.objects.get().answers


@pytest.mark.django_db
def test_a_step_can_show_a_condition_live_with_javascript():
    """A condition on the same step is marked for the script (data-show-if), which the page loads
    from our own static files: no inline script."""
    page = form_page("account_closure", "zh-hant")
    client = Client()
    answers = complete_answers(page)
    response = go_to_step(client, page, answers, 2)
    document = soup(response)
    block = document.select_one("[data-show-if=ban_duration]")
    assert block is not None and block["data-show-values"] == "temporary_lifted"
    scripts = document.select("script")
    assert scripts and all(script.get("src", "").startswith("/static/") for script in scripts)
    assert all(not script.string for script in scripts)


def test_conditions_must_refer_to_an_earlier_choice_question_and_its_keys():
    """Editors' conditions are checked: an earlier question, of a choice type, with its keys."""
    choices = [("choice", {"key": "yes", "label": "Yes"}), ("choice", {"key": "no", "label": "No"})]
    sold = IntakeFormField(clean_name="sold", label="Sold?", field_type="radio", choice_options=choices)
    name = IntakeFormField(clean_name="name", label="Name", field_type="singleline")

    def later(key, values):
        return IntakeFormField(
            clean_name="later", label="Later", field_type="number", condition_key=key, condition_values=values
        )

    assert condition_problems([sold, later("sold", "yes")]) == []
    assert condition_problems([sold, later("sold", "yes, no")]) == []
    assert [index for index, _message in condition_problems([later("sold", "yes"), sold])] == [0]
    assert len(condition_problems([sold, name, later("name", "x")])) == 1
    assert "maybe" in condition_problems([sold, later("sold", "maybe")])[0][1]
    assert len(condition_problems([sold, later("sold", "")])) == 1


@pytest.mark.django_db
def test_the_admin_refuses_a_condition_on_an_unknown_question(client, django_user_model):
    """Saving a form in the admin with a condition on a question that does not exist is refused."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    user = django_user_model.objects.create_superuser("editor", "", "a-long-password-123")
    client.force_login(user)
    page = form_page("investor", "en")
    questions = page.get_all_questions()

    def question_data(question, **changes):
        data = {
            "id": question.pk,
            "label": question.label,
            "help_text": question.help_text,
            "field_type": question.field_type,
            "required": "on" if question.required else "",
            "role": question.role,
            "clean_name": question.clean_name,
            "choice_options": streamfield(
                [("choice", {"key": c.value["key"], "label": c.value["label"]}) for c in question.choice_options]
            ),
            "condition_key": question.condition_key,
            "condition_values": question.condition_values,
        }
        data.update(changes)
        if not data["required"]:
            del data["required"]
        return data

    rows = [question_data(question) for question in questions]
    rows[-1] = question_data(questions[-1], condition_key="no_such_question", condition_values="yes")
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "case_type": page.case_type,
            "intro": rich_text(page.intro),
            "evidence_help": rich_text(page.evidence_help),
            "next_steps": rich_text(page.next_steps),
            "thank_you_text": rich_text(page.thank_you_text),
            "submit_label": page.submit_label,
            "form_fields": inline_formset(rows),
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    assert "no_such_question" in response.content.decode()
    assert "not an earlier question" in response.content.decode()
    assert not IntakeFormField.objects.filter(page=page, condition_key="no_such_question").exists()


# --- Nothing lost: drafts and evidence --------------------------------------------------------
@pytest.mark.django_db
def test_a_validation_error_after_the_evidence_step_keeps_the_uploaded_files(
    client, evidence_dir, django_capture_on_commit_callbacks
):
    """Files uploaded on the evidence step are kept (sealed) when the next step has an error: they
    are listed as already attached, not chosen again, and filed with the case."""
    page = form_page("privacy_censorship", "zh-hant")
    answers = complete_answers(page, files=[])
    evidence_step = go_to_step(client, page, answers, 3)
    assert "evidence" in question_names(evidence_step)
    posted = client.post(
        page.url, {STEP_FIELD: "3", ACTION_FIELD: "next", "evidence": evidence_files()}, format="multipart"
    )
    assert posted.status_code == 302
    contact = client.get(page.url)
    assert progress(contact)[0] == 4
    response = client.post(page.url, {STEP_FIELD: "4", ACTION_FIELD: "next", "contact_name": "小明"})
    assert response.status_code == 200  # consent, contact preference and attestation missing
    assert progress(response)[0] == 4 and soup(response).select_one(".form-error-summary") is not None
    assert DraftEvidence.objects.count() == 2
    client.post(page.url, {STEP_FIELD: "4", ACTION_FIELD: "back", "contact_name": "小明"})  # as a browser sends it
    back = client.get(page.url)
    kept = visible_text(soup(back).select_one(".kept-files"))
    assert "截图 1.jpg" in kept and "notice.png" in kept
    # Forward again without choosing any file, fix the contact step, send.
    client.post(page.url, {STEP_FIELD: "3", ACTION_FIELD: "next"})
    contact = client.get(page.url)
    assert soup(contact).find("input", attrs={"name": "contact_name"})["value"] == "小明"
    assert (
        client.post(page.url, {STEP_FIELD: "4", ACTION_FIELD: "next", **answers_for(contact, answers)}).status_code
        == 302
    )
    review = client.get(page.url)
    assert "截图 1.jpg" in visible_text(soup(review))
    with django_capture_on_commit_callbacks(execute=True):
        send(client, page, review)
    case = Case.objects.get()
    assert sorted(item.display_name for item in case.evidence.all()) == ["notice.png", "截图 1.jpg"]
    assert case.answers["evidence"] == 2
    assert Draft.objects.count() == 0 and DraftEvidence.objects.count() == 0
    # Only the case's sealed working copies and originals are left: the draft's files are gone.
    assert len(stored_files(evidence_dir)) == 2 * 2


@pytest.mark.django_db
def test_an_attached_file_can_be_removed(client, evidence_dir):
    """ "remove" takes a file out of the draft, and its sealed copies off the disk."""
    page = form_page("investor", "en")
    answers = complete_answers(page, files=[])
    go_to_step(client, page, answers, 4)  # the evidence step
    client.post(page.url, {STEP_FIELD: "4", ACTION_FIELD: "back", "evidence": evidence_files()})
    assert DraftEvidence.objects.count() == 2
    assert len(stored_files(evidence_dir)) == 4
    row = DraftEvidence.objects.first()
    client.post(page.url, {STEP_FIELD: "4", REMOVE_FIELD: str(row.pk)})
    assert DraftEvidence.objects.count() == 1
    assert len(stored_files(evidence_dir)) == 2


@pytest.mark.django_db
def test_a_draft_is_not_readable_from_the_database_alone(client, evidence_dir):
    """Every table holds the draft sealed: no answer, file name or file content in clear, and the
    key in the session table is sealed too."""
    page = form_page("persecution", "en")
    answers = complete_answers(page, files=[SimpleUploadedFile("secret-name-photo.jpg", jpeg_bytes(colour=(1, 2, 3)))])
    answers["what_happened"] = "Plaintext-marker-4711 was questioned 被约谈"
    go_to_step(client, page, answers, 5)  # through the evidence step (4), file uploaded
    assert DraftEvidence.objects.count() == 1
    dump = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our own table names
            dump.append(repr(cursor.fetchall()))
    dump = "\n".join(dump)
    for secret in ["Plaintext-marker-4711", "被约谈", "wxid_test123", "secret-name-photo"]:
        assert secret not in dump
        assert secret.encode("unicode_escape").decode() not in dump
    for path in stored_files(evidence_dir):
        data = path.read_bytes()
        assert not data.startswith(b"\xff\xd8") and b"JFIF" not in data


@pytest.mark.django_db
def test_a_draft_resumed_on_another_device_with_its_code(client, settings):
    """ "Save and continue later" shows a code once; another browser (another client, in another
    language) opens the same draft with it, sees the answers and files one case."""
    page = form_page("investor", "zh-hant")
    answers = complete_answers(page)
    sales_step = go_to_step(client, page, answers, 3)
    saved = client.post(page.url, {STEP_FIELD: "3", ACTION_FIELD: "save", **answers_for(sales_step, answers)})
    assert saved.status_code == 200
    code = soup(saved).select_one(".draft-code").get_text().strip()
    assert len(code.replace("-", "")) == 16
    draft = Draft.objects.get()
    assert draft.code_hash and code not in repr(Draft.objects.values_list())

    other = Client()
    resumed = other.post("/zh-hans/cases/continue/", {"draft_code": code.lower().replace("-", " ")})
    chinese_form = form_page("investor", "zh-hans")
    assert resumed.status_code == 302 and resumed["Location"] == chinese_form.url
    shown = other.get(chinese_form.url)
    assert progress(shown)[0] == 3
    assert soup(shown).find("input", attrs={"name": "loss_estimate_0"})["value"] == answers["loss_estimate_0"]
    review = walk_to_review(other, chinese_form, answers)
    assert send(other, chinese_form, review).status_code == 302
    case = Case.objects.get()
    assert case.answers["broker"] == answers["broker"]
    assert Draft.objects.count() == 0
    # The code opens nothing once the case is filed.
    assert Client().post("/zh-hans/cases/continue/", {"draft_code": code}).status_code == 400


@pytest.mark.django_db
def test_wrong_draft_codes_are_throttled(client, settings):
    """After DRAFT_CODE_ATTEMPTS wrong codes, a client is refused even the right one for a while."""
    settings.DRAFT_CODE_ATTEMPTS = 3
    page = form_page("investor", "en")
    owner = Client()
    step_one = owner.get(page.url)
    saved = owner.post(
        page.url, {STEP_FIELD: "1", ACTION_FIELD: "save", **answers_for(step_one, complete_answers(page))}
    )
    code = soup(saved).select_one(".draft-code").get_text().strip()
    for _attempt in range(3):
        assert client.post("/en/cases/continue/", {"draft_code": "AAAA-BBBB-CCCC-DDDD"}).status_code == 400
    refused = client.post("/en/cases/continue/", {"draft_code": code})
    assert refused.status_code == 429
    assert Client(REMOTE_ADDR="198.51.100.7").post("/en/cases/continue/", {"draft_code": code}).status_code == 302


@pytest.mark.django_db
def test_a_draft_expires_after_its_period_and_is_erased(
    client, settings, evidence_dir, django_capture_on_commit_callbacks
):
    """Past DRAFT_RETENTION_DAYS the code no longer opens the draft, and purge_drafts erases its
    rows and files; a draft still within its period is left alone."""
    settings.DRAFT_RETENTION_DAYS = 7
    page = form_page("investor", "en")
    answers = complete_answers(page, files=[])
    go_to_step(client, page, answers, 4)  # the evidence step
    saved = client.post(page.url, {STEP_FIELD: "4", ACTION_FIELD: "save", "evidence": evidence_files()})
    code = soup(saved).select_one(".draft-code").get_text().strip()
    old = Draft.objects.get()
    assert old.expires_at - timezone.now() > datetime.timedelta(days=6, hours=23)
    assert DraftEvidence.objects.count() == 2 and len(stored_files(evidence_dir)) == 4
    fresh_client = Client()
    fresh_client.post(
        page.url, {STEP_FIELD: "1", ACTION_FIELD: "next", **answers_for(fresh_client.get(page.url), answers)}
    )
    fresh = Draft.objects.exclude(pk=old.pk).get()

    # Eight days pass for the first draft (the clock is the edge of the world: its expiry is moved).
    Draft.objects.filter(pk=old.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    assert Client().post("/en/cases/continue/", {"draft_code": code}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        call_command("purge_drafts", verbosity=0)
    assert list(Draft.objects.values_list("pk", flat=True)) == [fresh.pk]
    assert DraftEvidence.objects.count() == 0 and stored_files(evidence_dir) == []
    # The first browser starts afresh.
    assert progress(client.get(page.url))[0] == 1


# --- Untranslated questions -------------------------------------------------------------------
def sync_translations(english):
    """What an editor's "Sync translated pages" with publishing does: untranslated text falls back
    to the English source."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.update_or_create_from_instance(english)
    for translation in Translation.objects.filter(source=source):
        translation.save_target(publish=True)


@pytest.mark.django_db
def test_an_untranslated_question_is_never_shown_on_a_chinese_form(client, django_user_model):
    """A new English question synced and published without translating is held back from the
    Chinese forms (shown in English only), and the admin report lists it."""
    english = form_page("investor", "en")
    english.form_fields.add(
        IntakeFormField(
            clean_name="brokerage_country",
            label="In which country is your broker?",
            help_text="For example Hong Kong.",
            field_type="singleline",
            required=True,
            sort_order=2,
        )
    )
    english.save_revision().publish()
    sync_translations(form_page("investor", "en"))
    chinese = form_page("investor", "zh-hant")
    assert "brokerage_country" in {question.clean_name for question in chinese.get_all_questions()}

    first = client.get(chinese.url)
    assert "In which country" not in first.content.decode()
    assert "brokerage_country" not in question_names(first)
    answers = complete_answers(chinese)
    review = walk_to_review(client, chinese, answers)
    assert "In which country" not in review.content.decode()
    send(client, chinese, review)
    assert "brokerage_country" not in Case.objects.get().answers  # required, but held back
    english_form = Client().get(form_page("investor", "en").url)
    assert "In which country is your broker?" in english_form.content.decode()

    user = django_user_model.objects.create_superuser("editor", "", "a-long-password-123")
    client.force_login(user)
    report = client.get("/admin/reports/untranslated-questions/")
    assert report.status_code == 200
    text = visible_text(soup(report))
    assert "In which country is your broker?" in text
    assert "繁體中文" in text or "Traditional" in text


@pytest.mark.django_db
def test_an_untranslated_choice_or_step_title_is_held_back(client):
    """A choice label left in English holds its question back; a step title left in English is not shown."""
    english = form_page("investor", "en")
    sold = english.form_fields.get(clean_name="sold")
    sold.choice_options.append(("choice", {"key": "gifted", "label": "I gave them away"}))
    sold.save()
    step = english.form_fields.get(clean_name="step_shares")
    step.label = "About your shares"
    step.save()
    english.save_revision().publish()
    sync_translations(form_page("investor", "en"))

    chinese = form_page("investor", "zh-hans")
    first = client.get(chinese.url)
    html = first.content.decode()
    assert "About your shares" not in html and "I gave them away" not in html
    assert "sold" not in question_names(first)
    assert chinese.untranslated() == {("sold", "choice:gifted"), ("step_shares", "label")}


@pytest.mark.django_db
def test_the_seeded_forms_are_fully_translated(client):
    """The demo's Chinese forms hold nothing back: every question, choice and step title is translated."""
    for page in IntakeFormPage.objects.live().exclude(locale__language_code="en"):
        assert page.untranslated() == set(), page.url


# --- The page cache --------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_step_page_with_a_draft_is_never_cached(client):
    """A claimant's step page (with their draft) is never stored for, or served to, anyone else."""
    page = form_page("account_closure", "zh-hans")
    answers = complete_answers(page)
    answers["wechat_id"] = "wxid_never_cached_99"
    step = go_to_step(client, page, answers, 1)
    client.post(page.url, {STEP_FIELD: "1", ACTION_FIELD: "back", **answers_for(step, answers)})
    mine = client.get(page.url)
    assert "wxid_never_cached_99" in mine.content.decode()
    assert mine.get("X-Page-Cache") != "hit"
    stranger = Client().get(page.url)
    again = Client().get(page.url)
    for response in (stranger, again):
        assert "wxid_never_cached_99" not in response.content.decode()
    assert "no-store" in mine["Cache-Control"]


@pytest.mark.django_db
def test_a_step_with_the_honeypot_filled_is_refused_and_keeps_nothing(client):
    """A bot filling the hidden field gets a 400 on any step, and no draft is made."""
    page = form_page("investor", "en")
    response = client.post(page.url, {STEP_FIELD: "1", ACTION_FIELD: "next", "website": "http://spam", "broker": "x"})
    assert response.status_code == 400
    assert Draft.objects.count() == 0


@pytest.mark.django_db
def test_starting_drafts_counts_against_the_intake_rate_limit(settings):
    """A client that starts more drafts than INTAKE_RATE_LIMIT in the window is refused a new one."""
    settings.INTAKE_RATE_LIMIT = 2
    page = form_page("investor", "en")
    statuses = []
    for _attempt in range(3):
        visitor = Client(REMOTE_ADDR="203.0.113.50")
        statuses.append(visitor.post(page.url, {STEP_FIELD: "1", ACTION_FIELD: "save"}).status_code)
    assert statuses == [200, 200, 429]
    assert Draft.objects.count() == 2


# --- What one claimant's form holds never reaches another's -----------------------------------
@pytest.mark.django_db
def test_each_form_has_its_own_fields_and_shares_only_what_no_request_changes():
    """Claimant forms copy their class's fields one by one (form_builder.ShallowlyCopiedFields), not
    deeply: what stepping.py sets on a form's field (a draft's kept files, a condition) stays on that
    form, while widgets and choices are shared by every form of the class."""
    page = form_page("privacy_censorship", "en")
    names = [field.clean_name for field in page.get_form_fields()]
    first, second = page.claimant_form(names=names), page.claimant_form(names=names)
    evidence = next(name for name, field in first.fields.items() if field.__class__.__name__ == "EvidenceField")
    first.fields[evidence].kept = ["a file of the first claimant"]
    first.fields[evidence].show_if = "a condition of the first form"
    assert second.fields[evidence].kept == [] and not hasattr(second.fields[evidence], "show_if")
    assert page.claimant_form(names=names).fields[evidence].kept == []
    assert all(first.fields[name] is not second.fields[name] for name in names)
    assert first.fields[evidence].widget is second.fields[evidence].widget


@pytest.mark.django_db
def test_a_claimants_kept_files_never_show_on_another_claimants_evidence_step(client, evidence_dir):
    page = form_page("privacy_censorship", "zh-hant")
    answers = complete_answers(page, files=[])
    go_to_step(client, page, answers, 3)
    posted = client.post(
        page.url, {STEP_FIELD: "3", ACTION_FIELD: "next", "evidence": evidence_files()}, format="multipart"
    )
    assert posted.status_code == 302
    client.post(page.url, {STEP_FIELD: "4", ACTION_FIELD: "back"})
    assert "截图 1.jpg" in visible_text(soup(client.get(page.url)).select_one(".kept-files"))
    other = Client()
    other_step = go_to_step(other, page, answers, 3)  # a draft of their own, without files
    assert "截图 1.jpg" not in other_step.content.decode()
    assert soup(other_step).select_one(".kept-files") is None
