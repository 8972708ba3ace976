"""Who may do what in the review queue: every view and action, for each kind of staff."""

import pytest
from django.urls import reverse

from forms_app.models import Case
from tests.builders import make_case_with_evidence
from tests.helpers import soup

LOGIN = "login"


def case_urls(case):
    evidence = case.evidence.first()
    return {
        "index": ("get", reverse("forms_app_review:index"), {}),
        "index_results": ("get", reverse("forms_app_review:index_results"), {}),
        "detail": ("get", reverse("forms_app_review:detail", args=[case.pk]), {}),
        "history": ("get", reverse("forms_app_review:history", args=[case.pk]), {}),
        "status": ("post", reverse("forms_app_review:status", args=[case.pk]), {"status-status": "in_review"}),
        "note": ("post", reverse("forms_app_review:note", args=[case.pk]), {"note-text": "Call back."}),
        "tags": ("post", reverse("forms_app_review:tags", args=[case.pk]), {"tags-tags": "strong"}),
        "score": ("post", reverse("forms_app_review:score", args=[case.pk]), {"score-score": "4"}),
        "assign": ("post", reverse("forms_app_review:assign", args=[case.pk]), {"assign-assignee": ""}),
        "delete_page": ("get", reverse("forms_app_review:delete", args=[case.pk]), {}),
        "delete": ("post", reverse("forms_app_review:delete", args=[case.pk]), {}),
        "evidence_delete": (
            "post",
            reverse("forms_app_review:evidence_delete", args=[case.pk, case.evidence.last().pk]),
            {},
        ),
        "preview": ("get", reverse("forms_app_review:evidence_preview", args=[case.pk, evidence.pk]), {}),
        "download": ("get", reverse("forms_app_review:evidence_download", args=[case.pk, evidence.pk, "working"]), {}),
        "export": ("get", reverse("forms_app_review:export") + f"?id={case.pk}", {}),
        "export_csv": ("post", reverse("forms_app_review:export_csv") + f"?id={case.pk}", {}),
        "export_xlsx": ("post", reverse("forms_app_review:export_xlsx") + f"?id={case.pk}", {}),
        "export_transactions": ("post", reverse("forms_app_review:export_transactions") + f"?id={case.pk}", {}),
        "statistics": ("get", reverse("forms_app_review:statistics"), {}),
        "bulk_assign": (
            "get",
            reverse("wagtail_bulk_action", args=["forms_app", "case", "assign"]) + f"?id={case.pk}",
            {},
        ),
        "bulk_status": (
            "get",
            reverse("wagtail_bulk_action", args=["forms_app", "case", "status"]) + f"?id={case.pk}",
            {},
        ),
        "bulk_tag": ("get", reverse("wagtail_bulk_action", args=["forms_app", "case", "tag"]) + f"?id={case.pk}", {}),
        "bulk_export": (
            "get",
            reverse("wagtail_bulk_action", args=["forms_app", "case", "export"]) + f"?id={case.pk}",
            {},
        ),
        # Last: a legal hold stops the deletion pages above.
        "ask": ("post", reverse("forms_app_review:ask", args=[case.pk]), {"ask-text_en": "When did it start?"}),
        "hold": ("post", reverse("forms_app_review:hold", args=[case.pk]), {"hold-reason": "Litigation"}),
        "verify_receipt": (
            "post",
            reverse("forms_app_review:verify_receipt", args=[case.pk]),
            {"verify-code": "1234 5678 9012 3456 7890"},
        ),
    }


# view: (anonymous, communications, reviewer, case manager)
MATRIX = {
    "index": (LOGIN, 403, 200, 200),
    "index_results": (LOGIN, 403, 200, 200),
    "detail": (LOGIN, 403, 200, 200),
    "history": (LOGIN, 403, 200, 200),
    "status": (LOGIN, 403, 302, 302),
    "note": (LOGIN, 403, 302, 302),
    "tags": (LOGIN, 403, 302, 302),
    "score": (LOGIN, 403, 302, 302),
    "assign": (LOGIN, 403, 403, 302),
    "ask": (LOGIN, 403, 302, 302),
    "hold": (LOGIN, 403, 403, 302),
    "verify_receipt": (LOGIN, 403, 403, 302),
    "delete_page": (LOGIN, 403, 403, 200),
    "delete": (LOGIN, 403, 403, 302),
    "evidence_delete": (LOGIN, 403, 403, 302),
    "preview": (LOGIN, 403, 200, 200),
    "download": (LOGIN, 403, 200, 200),
    "export": (LOGIN, 403, 403, 200),
    "export_csv": (LOGIN, 403, 403, 200),
    "export_xlsx": (LOGIN, 403, 403, 200),
    "export_transactions": (LOGIN, 403, 403, 200),
    "statistics": (LOGIN, 403, 200, 200),
    "bulk_assign": (LOGIN, 403, 403, 200),
    "bulk_status": (LOGIN, 403, 200, 200),
    "bulk_tag": (LOGIN, 403, 200, 200),
    "bulk_export": (LOGIN, 403, 403, 302),
}
ROLES = ["anonymous", "communications", "reviewer", "case_manager"]


@pytest.mark.django_db
@pytest.mark.parametrize("view", list(MATRIX))
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, request, view, role):
    """Anonymous users are sent to log in; Communications get 403; Reviewers view and triage and
    download evidence and ask the claimant; only Case managers also assign, export, delete (cases
    and single evidence files), place legal holds and verify receipt codes."""
    case = make_case_with_evidence("persecution", "en")
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    method, url, data = case_urls(case)[view]
    response = getattr(client, method)(url, data)
    expected = MATRIX[view][ROLES.index(role)]
    if expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
    else:
        assert response.status_code == expected, response.content.decode()[:500]
    if view == "delete":
        assert Case.objects.filter(pk=case.pk).exists() == (expected != 302)
    if view == "evidence_delete":
        assert case.evidence.count() == (case.evidence_count if expected != 302 else case.evidence_count - 1)


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "shown"), [("communications", False), ("reviewer", True), ("case_manager", True)])
def test_cases_menu_item_only_for_case_staff(client, request, role, shown):
    """The "Cases" menu item appears for reviewers and case managers, never for Communications."""
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert (reverse("forms_app_review:index") in response.content.decode()) == shown


@pytest.mark.django_db
def test_communications_can_still_edit_pages_images_and_documents(client, communications):
    """Communications staff keep the admin for content: pages, images and documents open."""
    client.force_login(communications)
    for name in ("wagtailadmin_explore_root", "wagtailimages:index", "wagtaildocs:index"):
        assert client.get(reverse(name)).status_code == 200, name


@pytest.mark.django_db
def test_reviewer_sees_no_assign_export_or_delete_controls(client, reviewer):
    """A reviewer's pages offer only what they may do: no assignment, export or delete."""
    case = make_case_with_evidence("persecution", "en")
    client.force_login(reviewer)
    page = soup(client.get(reverse("forms_app_review:detail", args=[case.pk])))
    actions = {form["action"] for form in page.select("form[method=post]")}
    assert reverse("forms_app_review:status", args=[case.pk]) in actions
    assert reverse("forms_app_review:assign", args=[case.pk]) not in actions
    assert not page.find("a", href=reverse("forms_app_review:delete", args=[case.pk]))
    listing = client.get(reverse("forms_app_review:index")).content.decode()
    assert reverse("forms_app_review:export") not in listing
    assert "/bulk/forms_app/case/assign/" not in listing
    assert "/bulk/forms_app/case/status/" in listing


@pytest.mark.django_db
def test_superuser_can_do_everything(client, superuser):
    """Superusers are not limited by the groups: every view answers as it does for a case manager."""
    case = make_case_with_evidence("investor", "zh-hant")
    client.force_login(superuser)
    for view, (method, url, data) in case_urls(case).items():
        if view in ("delete",):
            continue
        assert getattr(client, method)(url, data).status_code == MATRIX[view][ROLES.index("case_manager")], view


def test_every_case_url_goes_through_the_one_gate():
    """Each URL under /admin/cases/ (queue, case page, actions, evidence, export, statistics) is
    wrapped by review.permissions.gate with the permission it needs."""
    from forms_app.review import permissions
    from forms_app.wagtail_hooks import case_viewset

    case_patterns = case_viewset.get_urlpatterns()
    assert {"index", "detail", "evidence_download", "export", "export_csv", "statistics"} <= {
        pattern.name for pattern in case_patterns
    }
    for pattern in case_patterns:
        assert getattr(pattern.callback, "case_permission", None) in {
            permissions.VIEW,
            permissions.TRIAGE,
            permissions.ASSIGN,
            permissions.DELETE,
            permissions.DOWNLOAD_EVIDENCE,
            permissions.EXPORT,
            permissions.HOLD,
            permissions.VERIFY_RECEIPT,
        }, pattern.name


@pytest.mark.django_db
def test_cases_visible_to_is_empty_without_view_permission(communications, reviewer):
    """cases_visible_to(user) gives every case to case staff and none to anyone else."""
    from django.contrib.auth.models import AnonymousUser

    from forms_app.review.permissions import cases_visible_to

    make_case_with_evidence("persecution", "en")
    assert cases_visible_to(reviewer).count() == 1
    assert cases_visible_to(communications).count() == 0
    assert cases_visible_to(AnonymousUser()).count() == 0
