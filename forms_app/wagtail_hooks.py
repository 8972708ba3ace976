"""Registration only: the review queue, its report pages, bulk actions and audit wording."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from cms import admin_menu_labels

from .intake import translation_report
from .intake.status_texts import CaseStatusTextViewSet
from .reports import statistics
from .reports.urls import ROUTES as REPORT_ROUTES
from .review import audit, form_submissions, notifications
from .review.actions import BULK_ACTIONS
from .review.counsel_settings import LimitationRuleViewSet, ReferencePriceViewSet
from .review.viewsets import CaseViewSet

case_viewset = CaseViewSet("cases", report_routes=REPORT_ROUTES)


hooks.register("construct_reports_menu", admin_menu_labels.translate_reports_menu)
hooks.register("construct_help_menu", admin_menu_labels.translate_help_menu)


@hooks.register("construct_main_menu")
def hide_stock_form_submissions(request, menu_items):
    """Cases are never stored as Wagtail form submissions; the stock "Forms" menu would be empty
    and misleading, so it is removed (the review queue is the place to see cases)."""
    menu_items[:] = [item for item in menu_items if item.name != "forms"]


@hooks.register("register_admin_urls", order=-1)
def take_over_stock_form_submissions():
    """Ahead of wagtail.contrib.forms' own URLs (order -1), so an intake form's submissions list
    leads to the case queue and its bulk delete is a 404, instead of stock screens that cannot
    read cases (see review/form_submissions.py)."""
    return form_submissions.urlpatterns()


@hooks.register("register_admin_viewset")
def register_case_queue():
    return case_viewset


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    audit.register_log_actions(actions)


for bulk_action in BULK_ACTIONS:
    hooks.register("register_bulk_action", bulk_action)

hooks.register("construct_homepage_panels", statistics.add_statistics_panel)
hooks.register("register_admin_menu_item", statistics.register_statistics_menu_item)

register_snippet(CaseStatusTextViewSet)
register_snippet(notifications.ClaimantMailTextViewSet)
register_snippet(LimitationRuleViewSet)
register_snippet(ReferencePriceViewSet)


@hooks.register("register_admin_viewset")
def register_notification_rules():
    return notifications.StaffNotificationRuleViewSet("case_notifications")


@hooks.register("register_admin_viewset")
def register_mail_failures():
    return notifications.MailFailureViewSet("mail_failures")


@hooks.register("register_account_settings_panel")
def register_case_mail_preference(request, user, profile):
    return notifications.StaffMailSettingsPanel(request, user, profile)


@hooks.register("register_admin_urls")
def register_untranslated_report():
    return translation_report.urlpatterns()


@hooks.register("register_reports_menu_item")
def register_untranslated_report_menu_item():
    return translation_report.menu_item()
