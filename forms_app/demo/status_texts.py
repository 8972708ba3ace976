"""Demo explanations of each case status for "My case", in English, Simplified and Traditional
Chinese (forms_app.intake.status_texts). Self-contained: seeded by seed_demo, left alone once an
editor has written their own."""

from wagtail.models import Locale

from forms_app.cases.models import CaseStatus
from forms_app.intake.status_texts import CaseStatusText

S = CaseStatus

# status: {language: (what it means, what happens next)}
TEXTS = {
    S.NEW: {
        "en": ("We have received your case. Nobody has read it yet.", "A reviewer will read it. This can take weeks."),
        "zh-hans": ("我们已收到您的案件，尚未有人阅读。", "审核人员将会阅读您的案件，这可能需要几周时间。"),
        "zh-hant": ("我們已收到您的案件，尚未有人閱讀。", "審核人員將會閱讀您的案件，這可能需要幾週時間。"),
    },
    S.IN_REVIEW: {
        "en": ("A reviewer is reading your case.", "If we need anything, our question will appear on this page."),
        "zh-hans": ("审核人员正在阅读您的案件。", "如果我们需要更多资料，问题会显示在本页。"),
        "zh-hant": ("審核人員正在閱讀您的案件。", "如果我們需要更多資料，問題會顯示在本頁。"),
    },
    S.NEEDS_INFORMATION: {
        "en": ("We have a question for you.", "Please read it below and reply when it is safe for you."),
        "zh-hans": ("我们有问题想请教您。", "请阅读下方的问题，并在安全时回复。"),
        "zh-hant": ("我們有問題想請教您。", "請閱讀下方的問題，並在安全時回覆。"),
    },
    S.INFORMATION_RECEIVED: {
        "en": ("Thank you: we have received what you sent.", "A reviewer will read it and continue the review."),
        "zh-hans": ("谢谢，我们已收到您发送的资料。", "审核人员将会阅读并继续审核。"),
        "zh-hant": ("謝謝，我們已收到您傳送的資料。", "審核人員將會閱讀並繼續審核。"),
    },
    S.MERIT: {
        "en": ("Your case may be part of the class action.", "Our lawyers may contact you through a safe channel."),
        "zh-hans": ("您的案件可能纳入集体诉讼。", "我们的律师可能会通过安全的渠道联系您。"),
        "zh-hant": ("您的案件可能納入集體訴訟。", "我們的律師可能會透過安全的管道聯絡您。"),
    },
    S.NO_MERIT: {
        "en": ("We cannot include your case in the class action at present.", "You may withdraw it, or keep it here."),
        "zh-hans": ("我们目前无法将您的案件纳入集体诉讼。", "您可以撤回案件，也可以保留在此。"),
        "zh-hant": ("我們目前無法將您的案件納入集體訴訟。", "您可以撤回案件，也可以保留在此。"),
    },
    S.CONTACTED: {
        "en": ("Our lawyers have contacted you or are about to.", "Follow what they told you."),
        "zh-hans": ("我们的律师已经或即将与您联系。", "请按照律师的说明进行。"),
        "zh-hant": ("我們的律師已經或即將與您聯絡。", "請按照律師的說明進行。"),
    },
    S.PLAINTIFF: {
        "en": ("You are a plaintiff in the class action.", "Our lawyers will keep you informed."),
        "zh-hans": ("您是集体诉讼的原告。", "我们的律师会随时告知您进展。"),
        "zh-hant": ("您是集體訴訟的原告。", "我們的律師會隨時告知您進展。"),
    },
    S.CLOSED: {
        "en": ("Your case is closed.", "Nothing more will happen unless we reopen it."),
        "zh-hans": ("您的案件已结案。", "除非我们重新开启，否则不会再有进展。"),
        "zh-hant": ("您的案件已結案。", "除非我們重新開啟，否則不會再有進展。"),
    },
}


def seed_status_texts():
    """One explanation per status in English, translated into both Chinese locales."""
    english = Locale.objects.get(language_code="en")
    for status, texts in TEXTS.items():
        source = CaseStatusText.objects.filter(locale=english, status=status).first()
        if source is None:
            meaning, next_steps = texts["en"]
            source = CaseStatusText.objects.create(
                locale=english, status=status, meaning=meaning, next_steps=next_steps
            )
        for code in ("zh-hans", "zh-hant"):
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None or source.has_translation(locale):
                continue
            translation = source.copy_for_translation(locale)
            translation.meaning, translation.next_steps = texts[code]
            translation.save()
