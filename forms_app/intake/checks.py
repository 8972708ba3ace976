"""Start-up checks of the anti-automation settings (``manage.py check --deploy``)."""

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def check_client_address_header(app_configs, **kwargs):
    """Behind a proxy, REMOTE_ADDR is the proxy: without CLIENT_IP_HEADER everyone shares one bucket."""
    if getattr(settings, "BEHIND_PROXY", False) and not settings.CLIENT_IP_HEADER:
        return [
            Error(
                "BEHIND_PROXY is on but CLIENT_IP_HEADER is not set, so every client would share one "
                "rate-limit bucket.",
                hint="Set CLIENT_IP_HEADER to the META key of your proxy's client-address header "
                "(e.g. HTTP_X_REAL_IP), or BEHIND_PROXY=false if no proxy is in front of the app.",
                id="forms_app.E010",
            )
        ]
    return []
