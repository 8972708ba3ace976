"""Wagtail's own form-submission screens (/admin/forms/submissions/<page id>/...), for intake forms.

Intake forms file their submissions as cases (``IntakeFormPage.get_submission_class``), which have
their own queue, permissions and audit log. Wagtail's generic screens know none of these and cannot
read a case (listing them raised ``FieldError: 'page'``), so for an intake form they hand over to
the queue: the list redirects to the case queue filtered by the form's case type, where the queue's
own gate decides who sees what; the bulk delete screen answers 404, since cases are deleted one at a
time from the case page, by case managers, with an audit entry. A form page of any other kind keeps
Wagtail's stock screens.

These routes are registered ahead of ``wagtail.contrib.forms``' own (see ``forms_app.wagtail_hooks``),
at the same paths, so every link Wagtail builds with ``wagtailforms:*`` names lands here.
"""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from wagtail.contrib.forms.views import DeleteSubmissionsView, get_submissions_list_view

from ..intake.models import IntakeFormPage
from .viewsets import URL_NAMESPACE


def _intake_case_type(page_id):
    """The case type of the intake form with this page id, or None if it is no intake form."""
    return IntakeFormPage.objects.filter(pk=page_id).values_list("case_type", flat=True).first()


def submissions_list(request, page_id, **kwargs):
    """An intake form's "submissions" are the cases of its type, in the queue."""
    case_type = _intake_case_type(page_id)
    if case_type is None:
        return get_submissions_list_view(request, page_id=page_id, **kwargs)
    return redirect(reverse(f"{URL_NAMESPACE}:index") + "?" + urlencode({"case_type": case_type}))


def delete_submissions(request, page_id):
    """No bulk deletion of an intake form's cases behind the queue's back."""
    if _intake_case_type(page_id) is not None:
        raise Http404("Intake forms have no Wagtail form submissions to delete.")
    return DeleteSubmissionsView.as_view()(request, page_id=page_id)


def urlpatterns():
    """The stock paths of wagtail.contrib.forms' submission screens (see its urls.py)."""
    return [
        path("forms/submissions/<int:page_id>/", submissions_list),
        path("forms/submissions/<int:page_id>/results/", submissions_list, {"results_only": True}),
        path("forms/submissions/<int:page_id>/delete/", delete_submissions),
    ]
