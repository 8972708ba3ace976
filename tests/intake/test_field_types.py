"""The field-type registry: each question type is declared once and every part of the code agrees."""

import random

import pytest
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict

from forms_app.cases.models import CaseIdentifier, ReportedLoss
from forms_app.demo.fake_cases import FakeClaimant
from forms_app.intake.field_types import ANSWERED_FIELD_TYPES, FIELD_TYPES, Role, field_type
from forms_app.intake.form_builder import IntakeFormBuilder
from forms_app.models import IntakeFormField
from tests.builders import intake_form as form_page
from tests.builders import make_case
from tests.intake.builders import SAMPLE


def question(kind, required=True, **extra):
    choices = [("choice", {"key": "a", "label": "A"}), ("choice", {"key": "b", "label": "B"})]
    return IntakeFormField(
        clean_name="q", label="Q", field_type=kind, required=required, choice_options=choices, **extra
    )


def clean_through_form(field, data):
    form_class = IntakeFormBuilder([field]).get_form_class()
    posted = MultiValueDict({key: value if isinstance(value, list) else [value] for key, value in data.items()})
    form = form_class(posted)
    assert form.is_valid(), form.errors
    return form.cleaned_data["q"]


@pytest.mark.parametrize("kind", sorted(ANSWERED_FIELD_TYPES - {"evidence"}))
@pytest.mark.django_db
def test_a_fake_answer_posted_through_the_form_is_stored_as_it_was_faked(kind):
    """fake -> post -> the real form field -> stored gives back the fake answer, for every type."""
    field = question(kind)
    faked = FIELD_TYPES[kind].fake(SAMPLE, field)
    stored = FIELD_TYPES[kind].stored(clean_through_form(field, FIELD_TYPES[kind].post("q", faked)))
    expected = faked.isoformat() if hasattr(faked, "isoformat") else faked
    if kind == "number":
        assert float(stored) == float(expected)
    else:
        assert stored == expected


@pytest.mark.parametrize("kind", sorted(ANSWERED_FIELD_TYPES))
def test_every_type_shows_and_exports_its_random_fake_answers(kind):
    """The demo's random answers can be shown to a reviewer and written to a cell for every type."""
    source = FakeClaimant(random.Random(7), "zh-hans", {}, evidence_count=2)
    field = question(kind)
    for _ in range(20):
        value = field_type(kind).fake(source, field)
        if value in (None, "", []):
            continue
        shown = field_type(kind).show(value, str)
        assert shown.text or shown.items or shown.never
        assert field_type(kind).cell(value) not in (None, "")


def test_a_role_must_suit_the_question_type():
    """An editor cannot make a date question "the claimant's WeChat ID" or a text question a consent."""
    with pytest.raises(ValidationError):
        question("date", role=Role.WECHAT_ID).clean()
    with pytest.raises(ValidationError):
        question("singleline", role=Role.CONSENT_STATISTICS).clean()
    question("singleline", role=Role.WECHAT_ID).clean()
    question("consent", role=Role.CONSENT_STATISTICS).clean()


@pytest.mark.django_db
def test_duplicates_are_linked_by_role_whatever_the_answer_key():
    """Editors own answer keys: a WeChat ID question under another key still links duplicates."""
    page = form_page("persecution", "en")
    page.form_fields.filter(role=Role.WECHAT_ID).update(clean_name="weixin_account")
    first = make_case("persecution", "en", weixin_account="wxid_shared_1")
    second = make_case("persecution", "en", weixin_account="WXID_shared_1")
    assert CaseIdentifier.objects.filter(case=first).exists()
    assert set(CaseIdentifier.objects.filter(case=second).values_list("value_hash", flat=True)) == set(
        CaseIdentifier.objects.filter(case=first).values_list("value_hash", flat=True)
    )


@pytest.mark.django_db
def test_a_transaction_question_is_recorded_but_not_as_a_loss():
    """An investor's purchase amount (role "transaction") is kept for the table, never summed as a loss."""
    case = make_case("investor", "en")
    roles = dict(form_page("investor", "en").form_fields.values_list("clean_name", "role"))
    losses = {row.question_key: row.is_loss for row in ReportedLoss.objects.filter(case=case)}
    assert losses
    for key, is_loss in losses.items():
        assert is_loss == (roles[key] != Role.TRANSACTION)
    assert False in losses.values()


@pytest.mark.django_db
def test_no_plain_loss_figures_without_consent_to_statistics():
    """A claimant who did not tick the statistics consent leaves no ReportedLoss row behind."""
    case = make_case("account_closure", "en", consent_statistics=None)
    assert not ReportedLoss.objects.filter(case=case).exists()
    counted = make_case("account_closure", "en")
    assert ReportedLoss.objects.filter(case=counted).exists()


@pytest.mark.parametrize("language", ["en", "zh-hans", "zh-hant"])
def test_an_amount_without_its_currency_is_refused(language):
    """ "1000" with no currency is not a loss anyone can count: the claimant is asked for both."""
    from django.utils import translation

    field = question("money", required=False)
    form_class = IntakeFormBuilder([field]).get_form_class()
    with translation.override(language):
        form = form_class(MultiValueDict({"q_0": ["1000"], "q_1": [""]}))
        assert not form.is_valid()
        message = form.errors["q"][0]
    assert (
        message
        == {
            "en": "Enter both the amount and its currency.",
            "zh-hans": "请同时填写金额和币种。",
            "zh-hant": "請同時填寫金額和幣別。",
        }[language]
    )
