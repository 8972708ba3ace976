"""Who may see and do what in the review queue.

Groups (created by migration 0005): *Reviewers* view and triage cases and download evidence;
*Case managers* also assign, export and delete, place legal holds and verify receipt codes (0008).
Anyone else, Communications staff included, sees no case at all.
"""

from functools import wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.views.defaults import permission_denied

from ..cases.models import Case

VIEW = "forms_app.view_case"
TRIAGE = "forms_app.change_case"
DOWNLOAD_EVIDENCE = "forms_app.download_evidence"
ASSIGN = "forms_app.assign_case"
EXPORT = "forms_app.export_case"
DELETE = "forms_app.delete_case"
HOLD = "forms_app.hold_case"
VERIFY_RECEIPT = "forms_app.verify_receipt"


def can_view(user):
    return user.is_active and user.has_perm(VIEW)


def can_triage(user):
    """Change status, write notes, tag and score (needs view too)."""
    return can_view(user) and user.has_perm(TRIAGE)


def can_download_evidence(user):
    return can_view(user) and user.has_perm(DOWNLOAD_EVIDENCE)


def can_assign(user):
    return can_view(user) and user.has_perm(ASSIGN)


def can_export(user):
    return can_view(user) and user.has_perm(EXPORT)


def can_delete(user):
    return can_view(user) and user.has_perm(DELETE)


def can_hold(user):
    """Place and lift legal holds (case managers)."""
    return can_view(user) and user.has_perm(HOLD)


def can_verify_receipt(user):
    """Check a receipt code a claimant quoted by another channel (case managers)."""
    return can_view(user) and user.has_perm(VERIFY_RECEIPT)


def forbidden(request):
    """A plain 403 response. Wagtail turns PermissionDenied into a redirect to the dashboard; a
    case URL opened without permission should fail visibly instead."""
    return permission_denied(request, PermissionDenied())


def may(user, permission):
    """Whether ``user`` may do what ``permission`` allows on cases (viewing them comes first)."""
    return can_view(user) and (permission == VIEW or user.has_perm(permission))


def gate(view, permission=VIEW):
    """The one gate in front of every case URL (queue, case page, actions, evidence, export,
    statistics): staff without ``permission`` get a 403, never Wagtail's redirect to the dashboard.
    Views then load cases only through ``cases_visible_to``, so another case's id is a 404."""

    @wraps(view)
    def gated(request, *args, **kwargs):
        if not may(request.user, permission):
            return forbidden(request)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied:
            return forbidden(request)

    gated.case_permission = permission
    return gated


def cases_visible_to(user):
    """Every case for staff who may view cases; no case for anyone else."""
    if user is None or not user.is_authenticated or not can_view(user):
        return Case.objects.none()
    return Case.objects.all()


def assignable_reviewers():
    """Active users who can view and triage cases, by name: the choices for "assign to"."""
    User = get_user_model()
    case_permissions = Permission.objects.filter(content_type__app_label="forms_app", content_type__model="case")
    view = case_permissions.filter(codename="view_case")
    change = case_permissions.filter(codename="change_case")
    triagers = (
        User.objects.filter(Q(groups__permissions__in=view) | Q(user_permissions__in=view))
        .filter(Q(groups__permissions__in=change) | Q(user_permissions__in=change))
        .values("pk")
    )
    return (
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(pk__in=triagers))
        .order_by("first_name", "last_name", User.USERNAME_FIELD)
    )


def display_name(user):
    if user is None:
        return ""
    return (user.get_full_name() or "").strip() or user.get_username()
