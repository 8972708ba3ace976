from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    name = "forms_app"
    verbose_name = _("Cases")

    def ready(self):
        from anymail.signals import tracking

        from .cases import checks  # noqa: F401 - registers the start-up key checks
        from .cases.mail.bounces import on_tracking_event

        tracking.connect(on_tracking_event, dispatch_uid="forms_app.undeliverable")
        from cms import admin_parts, admin_sidebar

        from .intake import checks as intake_checks  # noqa: F401 - the client-address check
        from .intake import (
            counsel_data,  # noqa: F401 - recomputes limitation dates when a rule changes
            live_questions,
        )

        live_questions.connect()  # a question saved outside a publish empties the memo
        admin_sidebar.install()  # the admin's menu built once a minute, not on every page
        admin_parts.install()  # the keyboard shortcuts dialog, icons and scripts config kept
