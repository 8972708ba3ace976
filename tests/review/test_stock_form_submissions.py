"""Wagtail's stock form-submission screens never handle an intake form's cases."""

import pytest
from django.urls import reverse

from forms_app.models import Case, IntakeFormPage
from tests.builders import make_case_with_evidence

pytestmark = pytest.mark.usefixtures("demo_site")

STAFF = ["superuser", "reviewer", "case_manager", "communications"]


def intake_form(language="en"):
    return IntakeFormPage.objects.filter(locale__language_code=language).order_by("pk").first()


@pytest.mark.django_db
@pytest.mark.parametrize("kind", STAFF)
@pytest.mark.parametrize("url_name", ["wagtailforms:list_submissions", "wagtailforms:list_submissions_results"])
@pytest.mark.parametrize("language", ["en", "zh-hant"])
def test_an_intake_forms_submissions_list_leads_to_the_case_queue_of_its_type(
    request, login, kind, url_name, language
):
    """Every kind of staff opening an intake form's stock submissions list is sent to the case
    queue filtered by that form's case type (whichever language version), never a 500."""
    form = intake_form(language)
    response = login(request.getfixturevalue(kind)).get(reverse(url_name, args=[form.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("forms_app_review:index") + f"?case_type={form.case_type}"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", STAFF)
def test_the_redirected_queue_shows_the_forms_cases_only_to_case_staff(request, login, kind):
    """Following the redirect, case staff see the queue and Communications the queue's 403."""
    form = intake_form()
    response = login(request.getfixturevalue(kind)).get(
        reverse("wagtailforms:list_submissions", args=[form.pk]), follow=True
    )
    assert response.status_code == (403 if kind == "communications" else 200)


@pytest.mark.django_db
@pytest.mark.parametrize("kind", STAFF)
@pytest.mark.parametrize("method", ["get", "post"])
def test_an_intake_forms_stock_bulk_delete_is_a_404_and_deletes_nothing(request, login, kind, method):
    """The stock "delete submissions" screen answers 404 for an intake form, for every kind of
    staff and even when a case's id is given, and no case is deleted."""
    case = make_case_with_evidence()
    form = IntakeFormPage.objects.get(translation_key=case.form_translation_key, locale__language_code="en")
    url = reverse("wagtailforms:delete_submissions", args=[form.pk]) + f"?selected-submissions={case.pk}"
    response = getattr(login(request.getfixturevalue(kind)), method)(url)
    assert response.status_code == 404
    assert Case.objects.filter(pk=case.pk).exists()


@pytest.mark.django_db
def test_a_page_that_is_no_form_still_gets_wagtails_own_404(login, superuser):
    """Any other page id goes on to Wagtail's stock views, which refuse a page that is no form."""
    from wagtail.models import Page

    home = Page.objects.get(depth=2, locale__language_code="en")
    client = login(superuser)
    assert client.get(reverse("wagtailforms:list_submissions", args=[home.pk])).status_code == 404


def test_signed_out_visitors_are_sent_to_the_admin_login(client, db):
    """The take-over sits inside the admin: without a session it asks for a sign-in first."""
    form = intake_form()
    response = client.get(reverse("wagtailforms:list_submissions", args=[form.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
