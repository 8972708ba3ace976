"""The mail provider's tracking webhook (anymail): a bounce, complaint or rejection marks the
address undeliverable, so nothing is sent to it again and staff see it on the case page.

anymail checks the request: HTTP basic auth against ANYMAIL_WEBHOOK_SECRET ("user:password", also
set in the provider's webhook URL), plus the provider's own signature where it has one (e.g.
ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY). Without ANYMAIL_WEBHOOK_SECRET the webhook URLs answer 403.
"""

from django.conf import settings
from django.http import HttpResponseForbidden
from django.urls import URLPattern

from ..models import UndeliverableReason
from .addresses import mark_undeliverable

UNDELIVERABLE_EVENTS = {
    "bounced": UndeliverableReason.BOUNCED,
    "complained": UndeliverableReason.COMPLAINED,
    "rejected": UndeliverableReason.REJECTED,
}


def on_tracking_event(sender, event, esp_name, **kwargs):
    reason = UNDELIVERABLE_EVENTS.get(event.event_type)
    if reason and event.recipient:
        mark_undeliverable(event.recipient, reason)


def guarded(view):
    def webhook(request, *args, **kwargs):
        if not settings.ANYMAIL.get("WEBHOOK_SECRET"):
            return HttpResponseForbidden()
        return view(request, *args, **kwargs)

    webhook.csrf_exempt = True
    return webhook


def urlpatterns():
    """anymail's tracking webhook URLs (``<provider>/tracking/``), each refused without a secret."""
    from anymail import urls as anymail_urls

    return [
        URLPattern(pattern.pattern, guarded(pattern.callback), pattern.default_args, pattern.name)
        for pattern in anymail_urls.urlpatterns
        if "tracking" in str(pattern.pattern)
    ]
