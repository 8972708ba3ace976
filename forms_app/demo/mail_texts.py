"""Demo wording of the claimant e-mails (forms_app.cases.models.ClaimantMailText): English here,
Chinese in the demo catalogs (forms_app/demo/locale), brought in through wagtail-localize like the
rest of the demo. Seeded by seed_demo, left alone once an editor has written their own."""

from wagtail.models import Locale

from forms_app.cases.models import ClaimantMail, ClaimantMailText

from .localize import target_locales, translate_with_localize

ACK_EN = (
    "We have received your case {reference}",
    "We have received your case {reference}. Thank you for trusting us.\n\n"
    "For your safety this e-mail contains nothing you told us, and we will never send your receipt "
    "code by e-mail.\n\n"
    "To see the status of your case, answer our questions or change how we may contact you, open the "
    "My case page and enter the receipt code you were shown when you sent the case:\n\n"
    "{my_case_url}\n\n"
    "If you did not send a case to us, you can ignore this e-mail.",
)
NEWS_EN = (
    "News about your case {reference}",
    "There is news about your case {reference}.\n\n"
    "To read it, open the My case page and enter your receipt code:\n\n"
    "{my_case_url}\n\n"
    "For your safety this e-mail says nothing more.",
)

# kind: (subject, text), in English
TEXTS = {ClaimantMail.ACKNOWLEDGEMENT: ACK_EN, ClaimantMail.NEWS: NEWS_EN}


def seed_mail_texts():
    """One text per kind in English, translated into both Chinese locales."""
    english = Locale.objects.get(language_code="en")
    for kind, texts in TEXTS.items():
        source = ClaimantMailText.objects.filter(locale=english, kind=kind).first()
        if source is None:
            subject, body = texts
            source = ClaimantMailText.objects.create(locale=english, kind=kind, subject=subject, body=body)
        missing = [locale for locale in target_locales(english) if not source.has_translation(locale)]
        if missing:
            translate_with_localize(source, missing)
