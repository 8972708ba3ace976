"""Demo explanations of each case status for "My case" (forms_app.intake.status_texts): English
here, Chinese in the demo catalogs (forms_app/demo/locale), brought in through wagtail-localize
like the rest of the demo. Seeded by seed_demo, left alone once an editor has written their own."""

from wagtail.models import Locale

from forms_app.cases.models import CaseStatus
from forms_app.intake.status_texts import CaseStatusText

from .localize import target_locales, translate_with_localize

S = CaseStatus

# status: (what it means, what happens next), in English
TEXTS = {
    S.NEW: ("We have received your case. Nobody has read it yet.", "A reviewer will read it. This can take weeks."),
    S.IN_REVIEW: ("A reviewer is reading your case.", "If we need anything, our question will appear on this page."),
    S.NEEDS_INFORMATION: ("We have a question for you.", "Please read it below and reply when it is safe for you."),
    S.INFORMATION_RECEIVED: (
        "Thank you: we have received what you sent.",
        "A reviewer will read it and continue the review.",
    ),
    S.MERIT: ("Your case may be part of the class action.", "Our lawyers may contact you through a safe channel."),
    S.NO_MERIT: (
        "We cannot include your case in the class action at present.",
        "You may withdraw it, or keep it here.",
    ),
    S.CONTACTED: ("Our lawyers have contacted you or are about to.", "Follow what they told you."),
    S.PLAINTIFF: ("You are a plaintiff in the class action.", "Our lawyers will keep you informed."),
    S.CLOSED: ("Your case is closed.", "Nothing more will happen unless we reopen it."),
}


def seed_status_texts():
    """One explanation per status in English, translated into both Chinese locales."""
    english = Locale.objects.get(language_code="en")
    for status, texts in TEXTS.items():
        source = CaseStatusText.objects.filter(locale=english, status=status).first()
        if source is None:
            meaning, next_steps = texts
            source = CaseStatusText.objects.create(
                locale=english, status=status, meaning=meaning, next_steps=next_steps
            )
        missing = [locale for locale in target_locales(english) if not source.has_translation(locale)]
        if missing:
            translate_with_localize(source, missing)
