"""The "Cases" area of the admin: one viewset, URL namespace ``forms_app_review``, under /admin/cases/.

Cases are never created or edited through a form: the only writes are the workflow, assignment,
notes, tags, merit score, questions to the claimant, legal hold and deletion views. The menu item
shows only to users who may view cases.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.views.generic import history
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton

from ..cases.models import Case
from . import detail, evidence, permissions
from .listing import CaseIndexView

URL_NAMESPACE = "forms_app_review"


class CaseHistoryView(history.HistoryView):
    """Wagtail's per-object audit log, for anyone who may view the case."""

    any_permission_required = ["view", "change", "delete"]

    def get_base_object_queryset(self):
        return permissions.cases_visible_to(self.request.user)

    @cached_property
    def header_buttons(self):
        return [HeaderButton(label=_("Back to the case"), url=self.get_edit_url(self.object), icon_name="arrow-left")]


class CaseURLFinder(ModelAdminURLFinder):
    """Links from Reports > Site history to the case page, for staff who may view cases."""

    edit_url_name = f"{URL_NAMESPACE}:detail"

    def get_edit_url(self, instance):
        if self.user and not permissions.can_view(self.user):
            return None
        return self.construct_edit_url(instance)


class CaseViewSet(ModelViewSet):
    model = Case
    icon = "folder-open-inverse"
    menu_label = _("Cases")
    menu_order = 150
    add_to_admin_menu = True
    url_prefix = "cases"
    url_namespace = URL_NAMESPACE
    index_view_class = CaseIndexView
    delete_view_class = detail.CaseDeleteView
    history_view_class = CaseHistoryView
    copy_view_enabled = False
    inspect_view_enabled = False
    add_to_reference_index = False
    list_per_page = 20
    ordering = "-submitted_at"

    def get_common_view_kwargs(self, **kwargs):
        view_kwargs = super().get_common_view_kwargs(**kwargs)
        view_kwargs.update(
            {
                "add_url_name": None,
                "usage_url_name": None,
                # The case page stands in for an edit view in breadcrumbs and log links.
                "edit_url_name": self.get_url_name("detail"),
            }
        )
        return view_kwargs

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            detail_url_name=self.get_url_name("detail"), export_url_name=self.get_url_name("export"), **kwargs
        )

    def case_view(self, view_class, **kwargs):
        return view_class.as_view(url_namespace=self.url_namespace, **kwargs)

    def __init__(self, name=None, report_routes=(), **kwargs):
        """``report_routes``: (route, view, name, permission) of the layer above (forms_app.reports:
        export, statistics), mounted here so they share the case URLs' namespace and gate."""
        self.report_routes = list(report_routes)
        super().__init__(name, **kwargs)

    def get_urlpatterns(self):
        # Every case view answers a refused permission with a 403 (Wagtail would redirect).
        routes = [*self.case_routes(), *self.report_routes]
        return [path(route, permissions.gate(view, needed), name=name) for route, view, name, needed in routes]

    def case_routes(self):
        """(route, view, URL name, permission the gate requires)."""
        case, p = self.case_view, permissions
        return [
            ("", self.index_view, "index", p.VIEW),
            ("results/", self.index_results_view, "index_results", p.VIEW),
            ("<int:pk>/", case(detail.CaseDetailView), "detail", p.VIEW),
            ("<int:pk>/status/", case(detail.StatusView), "status", p.TRIAGE),
            ("<int:pk>/assign/", case(detail.AssignView), "assign", p.ASSIGN),
            ("<int:pk>/note/", case(detail.NoteView), "note", p.TRIAGE),
            ("<int:pk>/tags/", case(detail.TagsView), "tags", p.TRIAGE),
            ("<int:pk>/score/", case(detail.ScoreView), "score", p.TRIAGE),
            ("<int:pk>/ask/", case(detail.AskView), "ask", p.TRIAGE),
            ("<int:pk>/hold/", case(detail.HoldView), "hold", p.HOLD),
            ("<int:pk>/verify-receipt/", case(detail.VerifyReceiptView), "verify_receipt", p.VERIFY_RECEIPT),
            ("<int:pk>/delete/", self.delete_view, "delete", p.DELETE),
            ("<int:pk>/history/", self.history_view, "history", p.VIEW),
            ("<int:pk>/history/results/", self.history_results_view, "history_results", p.VIEW),
            (
                "<int:pk>/evidence/<int:evidence_id>/preview/",
                evidence.EvidencePreviewView.as_view(),
                "evidence_preview",
                p.DOWNLOAD_EVIDENCE,
            ),
            (
                "<int:pk>/evidence/<int:evidence_id>/delete/",
                evidence.EvidenceDeleteView.as_view(),
                "evidence_delete",
                p.DELETE,
            ),
            (
                "<int:pk>/evidence/<int:evidence_id>/<str:copy>/",
                evidence.EvidenceDownloadView.as_view(),
                "evidence_download",
                p.DOWNLOAD_EVIDENCE,
            ),
        ]

    @property
    def url_finder_class(self):
        return CaseURLFinder

    def get_permissions_to_register(self):
        """All case permissions, view included, in the group editor."""
        return Permission.objects.filter(content_type=ContentType.objects.get_for_model(Case))
