"""E-mails to a claimant, only when they gave an address and chose e-mail as a safe channel (and
the provider has not reported the address undeliverable). In the case's language, plain text and
HTML, the wording from Snippets › Claimant e-mail texts (translated with wagtail-localize), else
the built-in wording below. Never the receipt code, never anything the claimant wrote.

Which events: the acknowledgement of a new case; "there is news" when a reviewer asks a question
or the case moves to one of settings.CLAIMANT_NEWS_STATUSES."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from ..models import ClaimantContact, ClaimantMail, ClaimantMailText
from .addresses import is_undeliverable
from .sending import message, paragraphs

DEFAULT_TEXTS = {
    ClaimantMail.ACKNOWLEDGEMENT: (
        _("We have received your case {reference}"),
        _(
            "We have received your case {reference}. Thank you for trusting us.\n\n"
            "For your safety this e-mail contains nothing you told us, and we will never send your "
            "receipt code by e-mail.\n\n"
            "To see the status of your case, answer our questions or change how we may contact you, "
            "open the My case page and enter the receipt code you were shown when you sent the case:\n\n"
            "{my_case_url}\n\n"
            "If you did not send a case to us, you can ignore this e-mail."
        ),
    ),
    ClaimantMail.NEWS: (
        _("News about your case {reference}"),
        _(
            "There is news about your case {reference}.\n\n"
            "To read it, open the My case page and enter your receipt code:\n\n"
            "{my_case_url}\n\n"
            "For your safety this e-mail says nothing more."
        ),
    ),
}


def address_for(case):
    """The claimant's address if they want e-mail and it can be delivered, else ""."""
    contact = ClaimantContact.objects.filter(case=case).first()
    if contact is None:
        return ""
    contact.case = case
    values = contact.values
    address = (values.get("email") or "").strip()
    if not address or "email" not in values.get("safe", []) or "email" in values.get("never", []):
        return ""
    if is_undeliverable(address):
        return ""
    return address


def texts(kind, language):
    """(subject, body) of ``kind`` in ``language``: the editors' snippet, else the built-in text."""
    snippet = ClaimantMailText.objects.filter(kind=kind, locale__language_code=language).first()
    if snippet is not None:
        return snippet.subject, snippet.body
    with translation.override(language):
        subject, body = DEFAULT_TEXTS[kind]
        return str(subject), str(body)


def my_case_url(language):
    with translation.override(language):
        path = reverse("forms_app:mycase")
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def fill(text, reference, url):
    # Plain replacement, not str.format: an editor's stray brace must not break the message.
    return text.replace("{reference}", reference).replace("{my_case_url}", url)


def claimant_message(case, kind, address):
    language = case.language
    subject, body = texts(kind, language)
    url = my_case_url(language)
    subject = " ".join(fill(subject, case.reference, url).split())
    body = fill(body, case.reference, url)
    context = {"language": language, "subject": subject, "paragraphs": paragraphs(body), "link": url}
    return message(address, subject, body, html_context=context)
