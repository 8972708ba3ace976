"""``forms_app_review:export``: the queue's "Export" button and bulk action land here.

The page counts the cases of the queue's selection (forms_app.review.selection) and is the
confirmation step: its buttons POST (with the CSRF token) to the CSV and XLSX downloads of exactly
that selection (forms_app.reports.export), passing the queue's parameters on unchanged.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..review.selection import NEUTRAL_PARAMETERS, select_cases


class ExportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms_app/review/export.html"
    page_title = _("Export cases")
    header_icon = "download"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cases, error = select_cases(self.request, strict=True)
        params = self.request.GET.copy()
        for key in NEUTRAL_PARAMETERS:
            params.pop(key, None)
        if "all" in params.getlist("id"):
            params.pop("id")
        query = params.urlencode()
        links = []
        for name, label in (("export_csv", "CSV"), ("export_xlsx", "Excel (XLSX)")):
            url = reverse(f"forms_app_review:{name}")
            links.append({"label": label, "url": f"{url}?{query}" if query else url})
        # The transactions of the investors' trade schedules, one row each (the XLSX has them as a second sheet).
        url = reverse("forms_app_review:export_transactions")
        links.append({"label": _("Transactions (CSV)"), "url": f"{url}?{query}" if query else url})
        context.update(
            {
                "links": links,
                "count": cases.count() if cases is not None else None,
                "error": error,
                "index_url": reverse("forms_app_review:index"),
            }
        )
        return context

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("forms_app_review:index"), "label": _("Cases")},
            {"url": "", "label": self.page_title},
        ]
