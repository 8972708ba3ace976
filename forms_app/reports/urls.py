"""Report pages, mounted by the review layer's case viewset under /admin/cases/ (see
forms_app.wagtail_hooks), so they share its URL namespace and its 403 gate."""

from . import export, export_hook, statistics

ROUTES = [
    ("export/", export_hook.ExportView.as_view(), "export"),
    ("export/csv/", export.export_csv, "export_csv"),
    ("export/xlsx/", export.export_xlsx, "export_xlsx"),
    ("statistics/", statistics.StatisticsView.as_view(), "statistics"),
]
