from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site pages")

    def ready(self):
        from cms import csrf_secrets

        from . import signals

        signals.connect()
        csrf_secrets.install()
