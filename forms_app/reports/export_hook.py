"""``forms_app_review:export``: the queue's "Export" button and bulk action land here.

The CSV/XLSX files themselves come from ``forms_app.reports.export`` (its ``urlpatterns``, mounted
by the viewset under ``export/``: ``forms_app_review:export_csv`` and ``:export_xlsx``). That module
understands the plain column filters and ``ids=1,2,3``. This page translates the queue's selection
into those terms: filters it does not know (search, tags, assignment...) become the list of matching
case ids, so an export never holds more cases than the queue showed.
"""

from django.core.exceptions import PermissionDenied
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from ..review import permissions
from ..review.filters import filtered_cases

# Parameters the export module filters on by itself, and listing ones that select nothing.
EXPORT_FILTERS = {"case_type", "status", "language", "submitted_from", "submitted_to", "ids"}
IGNORED = {"ordering", "p", "per_page", "_w_filter_fragment", "export", "next"}
MAX_LISTED_IDS = 2000


def export_query(request):
    """(query string for the export views, number of cases or None, too many?)."""
    params = request.GET.copy()
    for key in IGNORED:
        params.pop(key, None)
    ids = [value for value in params.pop("id", []) if value.isdigit()]
    if ids:
        params = QueryDict(mutable=True)
        params["ids"] = ",".join(ids)
        return params.urlencode(), len(ids), False
    if set(params) <= EXPORT_FILTERS:
        chosen = [part for part in params.get("ids", "").split(",") if part.strip().isdigit()]
        count = permissions.cases_visible_to(request.user).filter(pk__in=chosen).count() if chosen else None
        return params.urlencode(), count, False
    matching = list(
        filtered_cases(request, permissions.cases_visible_to(request.user)).values_list("pk", flat=True)[
            : MAX_LISTED_IDS + 1
        ]
    )
    if len(matching) > MAX_LISTED_IDS:
        return "", len(matching), True
    query = QueryDict(mutable=True)
    query["ids"] = ",".join(str(pk) for pk in matching) or "0"
    return query.urlencode(), len(matching), False


class ExportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "forms_app/review/export.html"
    page_title = _("Export cases")
    header_icon = "download"

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_export(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query, count, too_many = export_query(self.request)
        links = []
        for name, label in (("export_csv", "CSV"), ("export_xlsx", "Excel (XLSX)")):
            url = reverse(f"forms_app_review:{name}")
            links.append({"label": label, "url": f"{url}?{query}" if query else url})
        context.update(
            {
                "links": links,
                "count": count,
                "too_many": too_many,
                "max_ids": MAX_LISTED_IDS,
                "index_url": reverse("forms_app_review:index"),
            }
        )
        return context

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("forms_app_review:index"), "label": _("Cases")},
            {"url": "", "label": self.page_title},
        ]
