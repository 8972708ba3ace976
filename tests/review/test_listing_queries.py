"""The queue costs the same number of queries for 10 rows as for 100 (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forms_app.review import operations
from forms_app.review.permissions import display_name
from tests.builders import make_case
from tests.helpers import soup


def listing_queries(client, **params):
    # Warmed first: what a worker keeps for a minute (the sidebar, the scripts' configuration) may
    # have expired while a slow machine made the cases.
    client.get(reverse("forms_app_review:index"), {"per_page": 100} | params)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("forms_app_review:index"), {"per_page": 100} | params)
    assert response.status_code == 200
    return len(captured), len(soup(response).select("table.listing td.title"))


@pytest.mark.django_db
def test_listing_query_count_does_not_grow_with_the_page(client, case_manager, reviewer):
    """10 and 100 rows, with assignees, scores, tags and duplicates, take the same number of queries."""

    def add_cases(count, start):
        for index in range(start, start + count):
            case = make_case(
                ["persecution", "investor"][index % 2],
                ["en", "zh-hans", "zh-hant"][index % 3],
                wechat_id=f"wxid_{index // 2}",
            )
            operations.assign(case, reviewer, case_manager)
            operations.set_score(case, 1 + index % 5, case_manager)
            operations.set_tags(case, f"tag{index % 3}", case_manager)

    client.force_login(case_manager)
    add_cases(10, 0)
    ten, rows_ten = listing_queries(client)
    add_cases(90, 10)
    hundred, rows_hundred = listing_queries(client)
    assert (rows_ten, rows_hundred) == (10, 100)
    assert ten == hundred
    filters = {"q": "summoned", "tag": "tag1", "possible_duplicate": "true"}
    few, rows_few = listing_queries(client, per_page=20, **filters)
    many, rows_many = listing_queries(client, **filters)
    assert (rows_few, rows_many) == (20, 33)
    assert few == many


# Budgets (issue 15): a queue page and a case page stay within a fixed number of queries.
LISTING_QUERY_BUDGET = 16
# The case page: 24 for the case, its triage and duplicates, plus main's "My case" panel (replies and
# their evidence, reviewer questions, consents, contact preferences, the undeliverable
# check, the form's questions).
CASE_PAGE_QUERY_BUDGET = 29


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [
        {},
        {"status": "new"},
        {"q": "summoned"},
        {"q": "微信支付"},
        {"per_page": 100, "p": 2},
        {"possible_duplicate": "true", "tag": "tag1"},
    ],
    ids=["listing", "status", "word", "phrase", "page-2", "duplicates-and-tags"],
)
def test_a_queue_page_stays_within_its_query_budget(
    client, case_manager, reviewer, django_assert_max_num_queries, params
):
    """Listing, filters, searches and later pages each take at most LISTING_QUERY_BUDGET queries."""
    for index in range(6):
        case = make_case(
            "persecution",
            ["en", "zh-hans"][index % 2],
            what_happened="微信支付 summoned",
            wechat_id=f"wxid_{index // 2}",
        )
        operations.set_tags(case, f"tag{index % 2}", case_manager)
    client.force_login(case_manager)
    client.get(reverse("forms_app_review:index"), params)  # warm per-process caches, as for the case page
    with django_assert_max_num_queries(LISTING_QUERY_BUDGET):
        assert client.get(reverse("forms_app_review:index"), params).status_code == 200


@pytest.mark.django_db
def test_a_case_page_stays_within_its_query_budget(client, case_manager, reviewer, django_assert_max_num_queries):
    """A case page with a duplicate, an assignee, a score and tags takes at most CASE_PAGE_QUERY_BUDGET queries."""
    case = make_case("persecution", "en", wechat_id="wxid_same1")
    make_case("investor", "en", wechat_id="wxid_same1")
    operations.assign(case, reviewer, case_manager)
    operations.set_score(case, 4, case_manager)
    operations.set_tags(case, "strong, urgent", case_manager)
    client.force_login(case_manager)
    url = reverse("forms_app_review:detail", args=[case.pk])
    client.get(url)  # warm per-process caches
    with django_assert_max_num_queries(CASE_PAGE_QUERY_BUDGET):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["queue", "case page"])
def test_staff_pages_open_no_server_side_cursor(client, case_manager, reviewer, page):
    """The tag filter's and the assignee field's choices come from one plain query each
    (filters.ReadAtOnceQuerySet, forms.ReadAtOnceChoiceIterator): on PostgreSQL a choice field's
    iterator() would DECLARE a cursor (WITH HOLD outside a transaction) for a handful of rows.
    Meaningful on PostgreSQL, where CI runs the suite too."""
    case = make_case("persecution", "en")
    operations.set_tags(case, "tag-for-the-filter", case_manager)
    client.force_login(case_manager)
    url = reverse("forms_app_review:index") if page == "queue" else reverse("forms_app_review:detail", args=[case.pk])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert "tag-for-the-filter" in response.content.decode()
    if page == "case page":
        assert display_name(reviewer) in response.content.decode()  # offered in "Assign to"
    assert [query["sql"] for query in captured if "DECLARE" in query["sql"]] == []
