"""The queue's filters return exactly the cases they describe."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from forms_app.models import Case
from forms_app.review import operations
from tests.builders import make_case, make_case_with_evidence
from tests.helpers import soup


def listed(client, **params):
    response = client.get(reverse("forms_app_review:index"), params)
    assert response.status_code == 200
    return {link.get_text(strip=True) for link in soup(response).select("table.listing td.title a")}


@pytest.fixture
def queue(db, reviewer, case_manager):
    cases = {
        "en_persecution": make_case_with_evidence("persecution", "en"),
        "hans_closure": make_case("account_closure", "zh-hans"),
        "hant_privacy": make_case("privacy_censorship", "zh-hant"),
        "en_investor": make_case("investor", "en"),
    }
    operations.change_status(cases["hans_closure"], "in_review", case_manager)
    operations.change_status(cases["hant_privacy"], "closed", case_manager)
    operations.assign(cases["hans_closure"], reviewer, case_manager)
    operations.assign(cases["en_investor"], case_manager, case_manager)
    operations.set_tags(cases["hant_privacy"], "urgent, strong", case_manager)
    operations.set_tags(cases["en_investor"], "strong", case_manager)
    operations.set_score(cases["en_investor"], 4, case_manager)
    operations.set_score(cases["hans_closure"], 2, case_manager)
    Case.objects.filter(pk=cases["en_investor"].pk).update(submitted_at=timezone.now() - datetime.timedelta(days=40))
    return {key: case.reference for key, case in cases.items()}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"en_persecution", "hans_closure", "hant_privacy", "en_investor"}),
        ({"case_type": "persecution"}, {"en_persecution"}),
        ({"case_type": ["investor", "account_closure"]}, {"hans_closure", "en_investor"}),
        ({"status": "new"}, {"en_persecution", "en_investor"}),
        ({"status": ["in_review", "closed"]}, {"hans_closure", "hant_privacy"}),
        ({"language": "zh-hant"}, {"hant_privacy"}),
        ({"language": ["zh-hans", "zh-hant"]}, {"hans_closure", "hant_privacy"}),
        ({"assigned": "me"}, {"hans_closure"}),
        ({"assigned": "anyone"}, {"hans_closure", "en_investor"}),
        ({"assigned": "nobody"}, {"en_persecution", "hant_privacy"}),
        ({"has_evidence": "true"}, {"en_persecution"}),
        ({"has_evidence": "false"}, {"hans_closure", "hant_privacy", "en_investor"}),
        ({"tag": "strong"}, {"hant_privacy", "en_investor"}),
        ({"tag": ["urgent", "strong"]}, {"hant_privacy", "en_investor"}),
        ({"merit": "3"}, {"en_investor"}),
        ({"merit": "none"}, {"en_persecution", "hant_privacy"}),
        ({"submitted_to": (timezone.now() - datetime.timedelta(days=30)).date().isoformat()}, {"en_investor"}),
        (
            {"submitted_from": (timezone.now() - datetime.timedelta(days=30)).date().isoformat()},
            {"en_persecution", "hans_closure", "hant_privacy"},
        ),
        ({"case_type": "account_closure", "status": "new"}, set()),
    ],
)
def test_filters_return_the_right_cases(client, reviewer, queue, params, expected):
    """Each filter, alone or combined, lists exactly the matching cases ("me" is the reviewer)."""
    client.force_login(reviewer)
    assert listed(client, **params) == {queue[key] for key in expected}


@pytest.mark.django_db
def test_sorting_by_a_column_and_pagination(client, reviewer, queue):
    """Columns sort the queue; pages hold the chosen number of cases."""
    client.force_login(reviewer)
    response = client.get(reverse("forms_app_review:index"), {"ordering": "submitted_at"})
    first = soup(response).select_one("table.listing td.title a").get_text(strip=True)
    assert first == queue["en_investor"]
    for _ in range(18):
        make_case("investor", "en")
    page_one = listed(client)
    page_two = listed(client, p=2)
    assert len(page_one) == 20 and len(page_two) == 2 and not page_one & page_two
    assert len(listed(client, per_page=50)) == 22
