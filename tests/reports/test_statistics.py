"""Statistics page and dashboard panel: server-drawn SVG charts of aggregate numbers, for case staff."""

from decimal import Decimal
from urllib.parse import urlparse

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

from forms_app.models import Case, CaseType, ReportedLoss
from forms_app.reports import charts
from tests.builders import copy_case, file_case
from tests.helpers import soup, visible_text

pytestmark = pytest.mark.django_db

CHART_IDS = ["chart-case-types", "chart-statuses", "chart-weekly", "chart-losses-cny"]


def statistics_page(client):
    response = client.get(reverse("forms_app_review:statistics"))
    assert response.status_code == 200
    return soup(response)


def number(text):
    return Decimal(text.strip().replace(",", ""))


def test_each_chart_is_an_accessible_inline_svg(login, reviewer, filed_cases):
    """Every chart is an <svg role=img> named by its own <title> and <desc>, drawn on the server."""
    document = statistics_page(login(reviewer))
    for chart_id in CHART_IDS:
        svg = document.find("svg", id=chart_id)
        assert svg is not None, chart_id
        assert svg["role"] == "img"
        title_id, desc_id = svg["aria-labelledby"].split()
        assert svg.find("title", id=title_id).get_text(strip=True)
        assert svg.find("desc", id=desc_id).get_text(strip=True)
        assert svg.find(["rect", "polyline"]) is not None


def test_loss_totals_match_the_reported_losses(login, reviewer, filed_cases):
    """The CNY total for account closure is the sum of its reported losses, in the table and the chart."""
    expected = ReportedLoss.objects.filter(case__case_type="account_closure", currency="CNY").aggregate(
        total=Sum("amount")
    )["total"]
    # Each filed account-closure case reports its frozen balance plus the builder's 1234.50 lost revenue.
    assert expected == Decimal("1000.50") + Decimal("250.25") + 2 * Decimal("1234.50")
    document = statistics_page(login(reviewer))
    row = document.select_one('[aria-labelledby="stats-losses-cny"] tr[data-case-type="account_closure"]')
    cells = row.find_all("td")
    assert number(cells[0].get_text()) == expected
    assert number(cells[1].get_text()) == 2
    chart = document.find("svg", id="chart-losses-cny")
    assert f"{expected:,} CNY" in chart.find("desc").get_text()


def test_investor_purchases_and_sales_are_not_counted_as_losses(login, reviewer):
    """Money an investor paid or received is listed by question but left out of the loss total."""
    file_case("investor", "en", purchase_amount_0="9000", sale_amount_0="4000", loss_estimate_0="5000")
    document = statistics_page(login(reviewer))
    row = document.select_one('[aria-labelledby="stats-losses-cny"] tr[data-case-type="investor"]')
    assert number(row.find("td").get_text()) == Decimal("5000")
    assert "9,000.00" in visible_text(document)  # still shown, under its question


def test_counts_by_type_status_and_week_cover_every_case(login, reviewer, filed_cases):
    """Case-type and status tables each add up to the number of cases; this week holds all new ones."""
    document = statistics_page(login(reviewer))
    type_table = document.select_one('[aria-labelledby="stats-case-types"] table')
    counts = {row.th.get_text(strip=True): number(row.td.get_text()) for row in type_table.tbody.find_all("tr")}
    assert counts["Financial loss from account closure"] == 2
    assert counts["Investor loss"] == 1
    assert sum(counts.values()) == 3
    status_rows = document.select('[aria-labelledby="stats-statuses"] tbody tr')
    assert sum(number(row.td.get_text()) for row in status_rows) == 3
    week_rows = document.select('[aria-labelledby="stats-weekly"] tbody tr')
    assert 12 <= len(week_rows) <= 26
    assert number(week_rows[0].td.get_text()) == 3  # most recent week first


def test_a_chinese_speaking_reviewer_gets_chinese_labels_in_charts_and_tables(login, reviewer, filed_cases):
    """Chart labels, table headings and table rows follow the reviewer's admin language."""
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "zh-hans"
    profile.save()
    with translation.override("zh-hans"):
        label = str(CaseType.ACCOUNT_CLOSURE.label)
        heading = translation.gettext("Case type")
    document = statistics_page(login(reviewer))
    assert document.html["lang"] == "zh-hans"
    chart = document.find("svg", id="chart-case-types")
    assert label in [text.get_text() for text in chart.find_all("text")]
    assert label in document.select_one('[aria-labelledby="stats-case-types"] tbody').get_text()
    assert heading != "Case type"
    assert heading in document.select_one('[aria-labelledby="stats-case-types"] thead').get_text()


def test_chart_text_is_escaped():
    """Labels reach the SVG as text, never as markup, whoever wrote them."""
    hostile = '<script>alert(1)</script>" onload="alert(2)'
    data = [charts.Datum(hostile, 3, "3 <b>")]
    for markup in (
        charts.bar_chart("c1", hostile, hostile, data),
        charts.column_chart("c2", hostile, hostile, [charts.Datum(hostile, 1, "1", tick=hostile)], hostile),
        charts.sparkline("c3", hostile, hostile, [1, 2]),
    ):
        assert "<script>" not in markup
        assert 'onload="' not in markup
        assert "&lt;script&gt;" in markup


def test_page_loads_no_script_from_another_origin(login, reviewer, filed_cases):
    """Charts need no JavaScript library: every script on the page is the admin's own, from this origin."""
    document = statistics_page(login(reviewer))
    for script in document.find_all("script", src=True):
        source = urlparse(script["src"])
        assert not source.scheme and not source.netloc, script["src"]
    for svg in document.find_all("svg", role="img"):
        assert svg.find("script") is None
        assert svg.find("foreignobject") is None


def test_query_count_does_not_depend_on_the_number_of_cases(login, reviewer):
    """The page is built from aggregate queries: 3 cases or 30 take the same number of queries."""
    client = login(reviewer)
    original = file_case()
    copy_case(original, 2)
    client.get(reverse("forms_app_review:statistics"))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            statistics_page(client)
        return len(captured)

    few = queries()
    copy_case(original, 27)
    assert Case.objects.count() == 30
    assert queries() == few


def test_only_case_staff_see_the_statistics(client, login, reviewer, case_manager, communications):
    """Reviewers and case managers see the page; Communications staff and visitors do not."""
    url = reverse("forms_app_review:statistics")
    assert login(case_manager).get(url).status_code == 200
    assert login(reviewer).get(url).status_code == 200
    response = login(communications).get(url)
    assert response.status_code == 403
    assert "<svg" not in response.content.decode()
    client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_dashboard_panel_shows_counts_and_trend_to_reviewers(login, reviewer, filed_cases):
    """A reviewer's admin home shows new / needs-information / assigned-to-me counts, a sparkline and a link."""
    filed_cases[0].assigned_to = reviewer
    filed_cases[0].status = "needs_information"
    filed_cases[0].save()
    document = soup(login(reviewer).get(reverse("wagtailadmin_home")))
    panel = document.find(id="case-statistics-section")
    assert panel is not None
    counts = {
        item.select("span")[1].get_text(strip=True): number(item.select("span")[0].get_text())
        for item in panel.select("li")
    }
    assert counts == {
        "New cases": 2,
        "Waiting for information from the claimant": 1,
        "Assigned to you and not closed": 1,
    }
    sparkline = panel.find("svg", role="img")
    assert sparkline.find("title").get_text(strip=True)
    assert panel.find("a", href=reverse("forms_app_review:statistics"))


def test_dashboard_panel_is_hidden_from_communications_staff(login, communications, filed_cases):
    """Communications staff see no case numbers on their admin home."""
    response = login(communications).get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    document = soup(response)
    assert document.find(id="case-statistics-section") is None
    assert reverse("forms_app_review:statistics") not in response.content.decode()
