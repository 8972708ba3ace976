"""Each worker keeps a live form's questions per live revision (forms_app/intake/live_questions.py):
a publish is served at once, a translation sees its source re-published, and nothing one claimant
sent reaches the next one through the kept form classes."""

import pytest
from django.test import Client

from forms_app.intake import live_questions
from forms_app.intake.live_questions import live_key
from forms_app.intake.stepping import ACTION_FIELD, STEP_FIELD
from forms_app.models import IntakeFormPage
from tests.builders import intake_form
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def republish_with_first_label(page, label):
    page = IntakeFormPage.objects.get(pk=page.pk)
    questions = list(page.form_fields.all())
    questions[0].label = label
    page.form_fields = questions
    page.save_revision().publish()
    return IntakeFormPage.objects.get(pk=page.pk)


def first_step_labels(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return [label.get_text(" ", strip=True) for label in soup(response).select("form.intake-form label")]


def test_a_published_change_to_the_questions_is_served_at_once():
    page = intake_form("persecution", "en")
    client = Client()
    assert not any("Reworded first question" in label for label in first_step_labels(client, page))
    page = republish_with_first_label(page, "Reworded first question")
    assert any("Reworded first question" in label for label in first_step_labels(Client(), page))


def test_the_kept_questions_are_keyed_by_the_live_revision_even_when_no_signal_reaches_this_worker():
    """Another worker published: this one hears no signal, yet the key it computes has changed."""
    page = intake_form("persecution", "en")
    before = live_key(IntakeFormPage.objects.get(pk=page.pk))
    republish_with_first_label(page, "Published by another worker")
    assert live_key(IntakeFormPage.objects.get(pk=page.pk)) != before


def test_a_translation_sees_its_english_source_republished():
    """Held-back (untranslated) questions are found by comparing with the source: its new revision
    changes the translation's key too."""
    english = intake_form("persecution", "en")
    chinese = intake_form("persecution", "zh-hans")
    before = live_key(IntakeFormPage.objects.get(pk=chinese.pk))
    republish_with_first_label(english, "New English wording")
    assert live_key(IntakeFormPage.objects.get(pk=chinese.pk)) != before


def test_a_question_saved_outside_a_publish_empties_the_memo():
    page = intake_form("persecution", "en")
    first_step_labels(Client(), page)
    assert live_questions._memo
    question = page.form_fields.first()
    question.label = "Saved directly"
    question.save()
    assert not live_questions._memo
    assert any("Saved directly" in label for label in first_step_labels(Client(), page))


def test_what_one_claimant_sent_never_reaches_the_next_through_the_kept_form():
    page = intake_form("persecution", "en")
    first = Client()
    response = first.get(page.url)
    names = [control["name"] for control in soup(response).select("form.intake-form input[type=text]")]
    assert names, "the first step has a text question"
    sent = first.post(page.url, {STEP_FIELD: "1", ACTION_FIELD: "next", names[0]: "TYPED-BY-THE-FIRST-CLAIMANT"})
    assert sent.status_code in (200, 302)
    second = Client()
    # A query string keeps the page cache out of it: the page is rendered from the kept form class.
    response = second.get(page.url, QUERY_STRING="next=1")
    assert response.get("X-Page-Cache") is None
    page_for_next = response.content.decode()
    assert "TYPED-BY-THE-FIRST-CLAIMANT" not in page_for_next
    assert "errorlist" not in page_for_next


def test_a_new_visitors_first_step_is_rendered_once_and_a_claimant_with_a_draft_still_gets_their_answers():
    page = intake_form("persecution", "en")
    first = Client()
    response = first.get(page.url, QUERY_STRING="a=1")  # past the page cache: rendered here
    names = [control["name"] for control in soup(response).select("form.intake-form input[type=text]")]
    assert live_questions._memo and any(live.new_visitors_steps for live in live_questions._memo.values())
    assert Client().get(page.url, QUERY_STRING="b=1").content.decode().count('name="' + names[0] + '"') == 1
    first.post(page.url, {STEP_FIELD: "1", ACTION_FIELD: "next", names[0]: "TYPED-BY-THIS-CLAIMANT"})
    back = first.post(page.url, {STEP_FIELD: "2", ACTION_FIELD: "back"})
    assert back.status_code in (200, 302)
    if back.status_code == 302:
        back = first.get(back["Location"])
    assert "TYPED-BY-THIS-CLAIMANT" in back.content.decode()


def test_a_new_visitor_served_the_kept_questions_gets_the_same_step_without_copying_its_fields():
    """Once a step's questions are kept as rendered, a new visitor's page is built with an empty form
    (the step's fields are not copied for it), and is the same page as the first one."""
    page = intake_form("persecution", "en")
    first = Client().get(page.url, QUERY_STRING="a=1")
    again = Client().get(page.url, QUERY_STRING="b=1")
    assert set(again.context["form"].fields) == {"website"}
    assert len(first.context["form"].fields) > 1
    step = soup(again).select_one("form.intake-form")
    step.select_one("input[name=csrfmiddlewaretoken]").decompose()
    first_step = soup(first).select_one("form.intake-form")
    first_step.select_one("input[name=csrfmiddlewaretoken]").decompose()
    assert step.decode() == first_step.decode()
