"""forms_app.cases.inserts: several models' new rows in one statement (PostgreSQL), all or none."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from forms_app.cases.inserts import insert_new_rows
from forms_app.models import CaseConsent, CaseIdentifier, ClaimantContact, Evidence, ReportedLoss, TradePosition
from tests.builders import make_case

pytestmark = pytest.mark.django_db

ON_POSTGRESQL = connection.vendor == "postgresql"


def new_rows(case):
    contact = ClaimantContact(case=case)
    contact.set({"email": "someone@example.org"})
    return [
        CaseConsent(case=case, use="statistics", granted=True, changed_at=timezone.now()),
        CaseConsent(case=case, use="named_plaintiff", granted=False, changed_at=timezone.now()),
        contact,
        ReportedLoss(case=case, question_key="frozen", currency="CNY", amount=Decimal("12.50"), is_loss=True),
        CaseIdentifier(case=case, kind="wechat_id", value_hash="a" * 64),
        TradePosition(
            case=case,
            instrument="tcehy_adr",
            currency="USD",
            realised_loss=Decimal("1.5"),
            held_quantity=Decimal("2"),
            held_cost=Decimal("3.25"),
        ),
    ]


def without_rows(case):
    """Remove what filing wrote beside the case, so that the test's rows are the only ones."""
    for model in (CaseConsent, ClaimantContact, ReportedLoss, CaseIdentifier, TradePosition):
        model.objects.filter(case=case).delete()
    return case


def test_rows_of_several_models_are_written_with_their_values():
    case = without_rows(make_case("investor"))
    insert_new_rows(new_rows(case))
    assert dict(CaseConsent.objects.filter(case=case).values_list("use", "granted")) == {
        "statistics": True,
        "named_plaintiff": False,
    }
    assert ClaimantContact.objects.get(case=case).values["email"] == "someone@example.org"
    assert list(ReportedLoss.objects.filter(case=case).values_list("currency", "amount", "is_loss")) == [
        ("CNY", Decimal("12.50"), True)
    ]
    identifiers = CaseIdentifier.objects.filter(case=case).values_list("kind", "value_hash")
    assert list(identifiers) == [("wechat_id", "a" * 64)]
    position = TradePosition.objects.get(case=case)
    assert (position.instrument, position.held_cost) == ("tcehy_adr", Decimal("3.25"))


def test_on_postgresql_all_the_rows_are_one_statement_elsewhere_one_per_model():
    case = without_rows(make_case("investor"))
    with CaptureQueriesContext(connection) as queries:
        insert_new_rows(new_rows(case))
    inserts = [query["sql"] for query in queries.captured_queries if "INSERT" in query["sql"]]
    assert len(inserts) == (1 if ON_POSTGRESQL else 5)


def test_one_bad_row_leaves_none_of_the_others():
    case = without_rows(make_case("investor"))
    rows = new_rows(case)
    duplicate = CaseConsent(case=case, use="statistics", granted=False, changed_at=timezone.now())
    with pytest.raises(IntegrityError), transaction.atomic():
        insert_new_rows([*rows, duplicate])
    for model in (CaseConsent, ClaimantContact, ReportedLoss, CaseIdentifier, TradePosition):
        assert not model.objects.filter(case=case).exists(), model.__name__


def test_saved_rows_and_rows_mixing_given_and_missing_keys_are_refused():
    case = without_rows(make_case("investor"))
    saved = CaseConsent.objects.create(case=case, use="statistics", granted=True, changed_at=timezone.now())
    with pytest.raises(ValueError, match="new rows only"):
        insert_new_rows([saved])
    given_key = CaseConsent(pk=10_000_000, case=case, use="named_plaintiff", granted=True, changed_at=timezone.now())
    numbered = CaseConsent(case=case, use="share_counsel", granted=True, changed_at=timezone.now())
    with pytest.raises(ValueError, match="with and without a primary key"):
        insert_new_rows([given_key, numbered, ClaimantContact(case=case, sealed=b"x")])


def test_nothing_to_insert_sends_nothing():
    with CaptureQueriesContext(connection) as queries:
        insert_new_rows([])
    assert queries.captured_queries == []


def test_filing_writes_the_rows_beside_the_case_in_one_statement_on_postgresql():
    """Evidence, consents, contact, losses and identifiers go in one statement on PostgreSQL."""
    from django.test import Client

    from tests.builders import intake_form
    from tests.intake.builders import complete_answers

    page = intake_form("account_closure", "en")
    with CaptureQueriesContext(connection) as queries:
        assert Client().post(page.url, complete_answers(page)).status_code == 302
    writes = [query["sql"] for query in queries.captured_queries if query["sql"].startswith(("INSERT", "WITH"))]
    names = ("evidence", "caseconsent", "claimantcontact", "reportedloss", "caseidentifier")
    tables = [f'"forms_app_{name}"' for name in names]
    beside = [sql for sql in writes if any(table in sql for table in tables)]
    if ON_POSTGRESQL:
        assert len(beside) == 1
        assert all(table in beside[0] for table in tables)
    else:
        assert len(beside) == len(tables)
    assert Evidence.objects.filter(case__isnull=False).count() == 2
