"""Building and sending one message: UTF-8, plain text (and HTML without images or remote
content for claimants), open and click tracking off whatever the provider's account defaults."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def message(to, subject, text, html_context=None):
    """One message to one address. ``html_context`` (optional) renders the HTML alternative."""
    mail = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to])
    mail.encoding = "utf-8"
    if html_context is not None:
        mail.attach_alternative(render_to_string("forms_app/mail/message.html", html_context), "text/html")
    # anymail's per-message options; ignored by Django's own backends (SMTP, console, locmem).
    mail.track_opens = False
    mail.track_clicks = False
    return mail


def paragraphs(text):
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
