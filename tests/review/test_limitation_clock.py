"""The limitation clock: a date per case from its incident dates and its case type's rule, kept in a
plain column, recomputed when a rule changes, sorted and filtered in the queue."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from forms_app.cases.models import Case, CountedFrom, LimitationRule
from tests.builders import make_case
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def period(start, end=None):
    """POST values of the builders' incident_period question (date range)."""
    return {"incident_period_0": start, "incident_period_1": end or ""}


def persecution_case(start, end=None):
    return make_case("persecution", "en", **period(start, end))


@pytest.mark.parametrize(
    ("counted_from", "years", "start", "end", "expected"),
    [
        (CountedFrom.START, 3, "2022-05-10", "2023-01-31", datetime.date(2025, 5, 10)),
        (CountedFrom.END, 3, "2022-05-10", "2023-01-31", datetime.date(2026, 1, 31)),
        (CountedFrom.START, 1, "2024-02-29", "2024-03-01", datetime.date(2025, 2, 28)),
        (CountedFrom.END, 2, "2022-05-10", None, None),  # still going on: the period has not begun
        (CountedFrom.START, 2, "2022-05-10", None, datetime.date(2024, 5, 10)),
    ],
)
def test_the_limitation_date_follows_the_rule(counted_from, years, start, end, expected):
    """A period in years from the incident's start, or from its end (none while it goes on); 29
    February falls on 28 February in a common year."""
    LimitationRule.objects.create(case_type="persecution", years=years, counted_from=counted_from)
    case = persecution_case(start, end)
    assert Case.objects.get(pk=case.pk).limitation_date == expected


def test_a_single_incident_date_counts_as_start_and_end():
    """A date question marked as incident date (account closure's ban date) starts the clock."""
    LimitationRule.objects.create(case_type="account_closure", years=2, counted_from=CountedFrom.END)
    case = make_case("account_closure", "zh-hans", ban_date="2023-07-01")
    assert Case.objects.get(pk=case.pk).limitation_date == datetime.date(2025, 7, 1)


def test_without_a_rule_there_is_no_date():
    """A case type without a rule gives its cases no date."""
    assert persecution_case("2022-05-10").limitation_date is None


def test_changing_a_rule_recomputes_the_dates_of_its_case_type(django_capture_on_commit_callbacks):
    """Saving a rule recomputes its type's cases after the commit; other types are untouched."""
    case = persecution_case("2022-05-10", "2023-01-31")
    other = make_case("account_closure", "en", ban_date="2023-07-01")
    with django_capture_on_commit_callbacks(execute=True):
        rule = LimitationRule.objects.create(case_type="persecution", years=3, counted_from=CountedFrom.START)
    assert Case.objects.get(pk=case.pk).limitation_date == datetime.date(2025, 5, 10)
    with django_capture_on_commit_callbacks(execute=True):
        rule.counted_from = CountedFrom.END
        rule.save()
    assert Case.objects.get(pk=case.pk).limitation_date == datetime.date(2026, 1, 31)
    assert Case.objects.get(pk=other.pk).limitation_date is None
    with django_capture_on_commit_callbacks(execute=True):
        rule.delete()
    assert Case.objects.get(pk=case.pk).limitation_date is None


def test_a_changed_rule_reaches_every_worker_through_the_content_generation(
    django_capture_on_commit_callbacks, django_assert_num_queries
):
    """Each worker reads the rules once per content generation (filing needs no query for them); a
    saved rule bumps the generation when it commits, and every worker reads the rules again."""
    from cms.content_generation import bump_generation, current_generation
    from forms_app.intake import counsel_data

    LimitationRule.objects.create(case_type="persecution", years=3, counted_from=CountedFrom.START)
    generation = current_generation()
    assert counsel_data.limitation_rules(generation)["persecution"].years == 3
    # Changed behind this worker's back (no signal here): it keeps what it read for this generation...
    LimitationRule.objects.filter(case_type="persecution").update(years=5)
    with django_assert_num_queries(0):
        assert counsel_data.limitation_rules(generation)["persecution"].years == 3
    # ...until the generation moves on, as the saving worker's commit makes it do.
    bump_generation()
    assert counsel_data.limitation_rules(current_generation())["persecution"].years == 5
    case = persecution_case("2022-05-10", "2023-01-31")
    assert Case.objects.get(pk=case.pk).limitation_date == datetime.date(2027, 5, 10)
    generation = current_generation()
    with django_capture_on_commit_callbacks(execute=True):
        LimitationRule.objects.create(case_type="account_closure", years=2, counted_from=CountedFrom.END)
    assert current_generation() != generation


def test_the_management_command_recomputes_every_case():
    """manage.py recompute_limitation_dates puts right a date set by hand."""
    LimitationRule.objects.create(case_type="persecution", years=3, counted_from=CountedFrom.START)
    case = persecution_case("2022-05-10")
    Case.objects.filter(pk=case.pk).update(limitation_date=datetime.date(2000, 1, 1))
    call_command("recompute_limitation_dates", verbosity=0)
    assert Case.objects.get(pk=case.pk).limitation_date == datetime.date(2025, 5, 10)


@pytest.fixture
def clocked():
    """Overdue, due in 30 days, due in 200 days, and no date (no incident given)."""
    today = timezone.localdate()
    cases = {
        "overdue": persecution_case("2020-01-01"),
        "soon": persecution_case("2020-01-01"),
        "later": persecution_case("2020-01-01"),
        "none": make_case("persecution", "en", **period("", "")),
    }
    dates = {"overdue": today - datetime.timedelta(days=1), "soon": today + datetime.timedelta(days=30)}
    dates["later"] = today + datetime.timedelta(days=200)
    for key, date in dates.items():
        Case.objects.filter(pk=cases[key].pk).update(limitation_date=date)
    return {key: case.reference for key, case in cases.items()}


def listed(client, **params):
    response = client.get(reverse("forms_app_review:index"), params)
    assert response.status_code == 200
    return [link.get_text(strip=True) for link in soup(response).select("table.listing td.title a")]


def test_the_queue_sorts_by_limitation_date_with_undated_cases_last(client, reviewer, clocked):
    """Sorting by "Act by" puts the most urgent first, either way round cases without a date last."""
    client.force_login(reviewer)
    assert listed(client, ordering="limitation_date") == [
        clocked["overdue"],
        clocked["soon"],
        clocked["later"],
        clocked["none"],
    ]
    assert listed(client, ordering="-limitation_date") == [
        clocked["later"],
        clocked["soon"],
        clocked["overdue"],
        clocked["none"],
    ]


def test_the_queue_column_shows_the_date_and_whether_it_has_passed(client, reviewer, clocked):
    """The "Act by" column shows the date itself (not "just now"), marked when overdue."""
    client.force_login(reviewer)
    response = client.get(reverse("forms_app_review:index"), {"ordering": "limitation_date"})
    rows = soup(response).select("table.listing tbody tr")
    texts = [row.get_text(" ", strip=True) for row in rows]
    overdue = Case.objects.get(reference=clocked["overdue"]).limitation_date.isoformat()
    soon = Case.objects.get(reference=clocked["soon"]).limitation_date.isoformat()
    assert f"{overdue} (overdue)" in texts[0]
    assert soon in texts[1] and "overdue" not in texts[1]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("overdue", {"overdue"}), ("due_90", {"soon"}), ("due_365", {"soon", "later"}), ("none", {"none"})],
)
def test_the_queue_filters_by_limitation_date(client, reviewer, clocked, value, expected):
    """ "Overdue", "Due within 90 days", "Due within a year" and "No date"."""
    client.force_login(reviewer)
    assert set(listed(client, limitation=value)) == {clocked[key] for key in expected}


def test_the_case_page_shows_the_date_and_whether_it_is_overdue(client, reviewer, clocked):
    """The case page states the date by which counsel would need to act, and "Overdue" once passed."""
    client.force_login(reviewer)
    case = Case.objects.get(reference=clocked["overdue"])
    text = soup(client.get(reverse("forms_app_review:detail", args=[case.pk]))).select_one(".case-summary").get_text()
    assert case.limitation_date.isoformat() in text and "Overdue" in text


def test_the_rule_editor_says_it_is_not_legal_advice(client, case_manager):
    """Case managers edit rules in the admin, under a statement that the date is a triage aid."""
    client.force_login(case_manager)
    response = client.get(reverse("wagtailsnippets_forms_app_limitationrule:add"))
    assert response.status_code == 200
    assert "triage aid for ordering the queue, not legal advice" in response.content.decode()
