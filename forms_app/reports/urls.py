"""Report pages, mounted by the review layer's case viewset under /admin/cases/ (see
forms_app.wagtail_hooks), so they share its URL namespace and its gate: (route, view, URL name, permission)."""

from ..review.permissions import EXPORT, VIEW
from . import export, export_page, statistics

ROUTES = [
    ("export/", export_page.ExportView.as_view(), "export", EXPORT),
    ("export/csv/", export.export_csv, "export_csv", EXPORT),
    ("export/xlsx/", export.export_xlsx, "export_xlsx", EXPORT),
    ("export/transactions/", export.export_transactions, "export_transactions", EXPORT),
    ("statistics/", statistics.StatisticsView.as_view(), "statistics", VIEW),
]
