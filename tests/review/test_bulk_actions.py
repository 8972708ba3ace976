"""Bulk actions: assign, change status and tag many cases at once; export hands over to the export."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms_app.models import Case, CaseEvent
from tests.builders import make_case


def bulk_url(action, *cases, **params):
    query = "&".join([f"id={case.pk}" for case in cases] + [f"{key}={value}" for key, value in params.items()])
    return reverse("wagtail_bulk_action", args=["forms_app", "case", action]) + "?" + query


@pytest.mark.django_db
def test_bulk_assign_each_case_is_logged(client, case_manager, reviewer):
    """Assigning three cases at once gives each its own event and audit entry."""
    cases = [make_case("persecution", "en") for _ in range(3)]
    client.force_login(case_manager)
    response = client.post(bulk_url("assign", *cases), {"assignee": reviewer.pk})
    assert response.status_code == 302
    assert set(Case.objects.values_list("assigned_to", flat=True)) == {reviewer.pk}
    assert ModelLogEntry.objects.filter(action="forms_app.case.assign").count() == 3


@pytest.mark.django_db
def test_bulk_status_skips_cases_that_cannot_make_the_change(client, reviewer, case_manager):
    """Moving New and Closed cases to In review... only where the workflow allows; others stay."""
    from forms_app.review import operations

    new, other_new, closed_from_merit = (make_case("investor", "en") for _ in range(3))
    operations.change_status(closed_from_merit, "in_review", case_manager)
    operations.change_status(closed_from_merit, "merit", case_manager)
    client.force_login(reviewer)
    response = client.post(bulk_url("status", new, other_new, closed_from_merit), {"status": "needs_information"})
    assert response.status_code == 302
    statuses = dict(Case.objects.values_list("pk", "status"))
    assert statuses[new.pk] == statuses[other_new.pk] == "new"  # New -> Needs information is not allowed
    assert statuses[closed_from_merit.pk] == "merit"
    client.post(bulk_url("status", new, other_new, closed_from_merit), {"status": "in_review", "reason": "batch"})
    statuses = dict(Case.objects.values_list("pk", "status"))
    assert statuses == {new.pk: "in_review", other_new.pk: "in_review", closed_from_merit.pk: "in_review"}
    assert CaseEvent.objects.filter(kind="status", actor=reviewer).count() == 3


@pytest.mark.django_db
def test_bulk_tag_with_select_all_applies_the_queue_filters(client, reviewer):
    """ "Select all in listing" tags exactly the cases the filtered queue shows."""
    english = [make_case("persecution", "en") for _ in range(2)]
    chinese = make_case("persecution", "zh-hans")
    client.force_login(reviewer)
    client.post(bulk_url("tag", language="en") + "&id=all", {"tags": "batch one"})
    tagged = set(Case.objects.filter(tags__name="batch one").values_list("pk", flat=True))
    assert tagged == {case.pk for case in english}
    assert chinese.pk not in tagged


@pytest.mark.django_db
def test_bulk_export_hands_the_selection_to_the_export(client, case_manager):
    """The export bulk action redirects to forms_app_review:export with the chosen case ids."""
    cases = [make_case("investor", "en") for _ in range(2)]
    client.force_login(case_manager)
    response = client.get(bulk_url("export", *cases))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("forms_app_review:export"))
    assert f"ids={cases[0].pk}%2C{cases[1].pk}" in response["Location"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Export 2 cases" in page.content.decode()


@pytest.mark.django_db
def test_export_page_and_its_files_hold_exactly_the_queues_selection(client, case_manager):
    """Whatever the queue filters on (here a tag and a status, no cap on their number), the export page
    counts the same cases and its CSV holds exactly them: one selection for queue, actions and export."""
    import csv
    import html as html_module
    import io

    from forms_app.review import operations

    tagged = make_case("investor", "en")
    make_case("investor", "en")  # untagged: must not be exported
    operations.set_tags(tagged, "strong", case_manager)
    client.force_login(case_manager)
    page = client.get(reverse("forms_app_review:export"), {"tag": "strong", "status": "new"})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Export 1 case." in html
    csv_url = next(
        html_module.unescape(part.split('"')[0])
        for part in html.split('action="')[1:]
        if part.startswith(reverse("forms_app_review:export_csv"))
    )
    assert "tag=strong" in csv_url and "status=new" in csv_url
    response = client.post(csv_url)
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == [tagged.reference, "complete: 1 cases"]
