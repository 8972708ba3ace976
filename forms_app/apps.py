from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FormsAppConfig(AppConfig):
    name = "forms_app"
    verbose_name = _("Cases")

    def ready(self):
        from .cases import checks  # noqa: F401 - registers the start-up key checks
        from .intake import counsel_data  # noqa: F401 - recomputes limitation dates when a rule changes
