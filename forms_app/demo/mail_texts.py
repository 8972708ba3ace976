"""Demo wording of the claimant e-mails (forms_app.cases.models.ClaimantMailText) in English,
Simplified and Traditional Chinese. Self-contained: seeded by seed_demo, left alone once an editor
has written their own."""

from wagtail.models import Locale

from forms_app.cases.models import ClaimantMail, ClaimantMailText

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

# kind: {language: (subject, text)}
TEXTS = {
    ClaimantMail.ACKNOWLEDGEMENT: {
        "en": ACK_EN,
        "zh-hans": (
            "我们已收到您的案件 {reference}",
            "我们已收到您的案件 {reference}。感谢您的信任。\n\n"
            "为了您的安全，本邮件不包含您告诉我们的任何内容，我们也绝不会通过电子邮件发送您的回执码。\n\n"
            "如需查看案件进度、回答我们的问题或更改联系方式，请打开“我的案件”页面，"
            "并输入您提交案件时看到的回执码：\n\n"
            "{my_case_url}\n\n"
            "如果您没有向我们提交过案件，请忽略本邮件。",
        ),
        "zh-hant": (
            "我們已收到您的案件 {reference}",
            "我們已收到您的案件 {reference}。感謝您的信任。\n\n"
            "為了您的安全，本郵件不包含您告訴我們的任何內容，我們也絕不會透過電子郵件傳送您的回執碼。\n\n"
            "如需查看案件進度、回答我們的問題或更改聯絡方式，請開啟「我的案件」頁面，"
            "並輸入您提交案件時看到的回執碼：\n\n"
            "{my_case_url}\n\n"
            "如果您沒有向我們提交過案件，請忽略本郵件。",
        ),
    },
    ClaimantMail.NEWS: {
        "en": NEWS_EN,
        "zh-hans": (
            "您的案件 {reference} 有新进展",
            "您的案件 {reference} 有新进展。\n\n"
            "请打开“我的案件”页面并输入您的回执码查看：\n\n"
            "{my_case_url}\n\n"
            "为了您的安全，本邮件不会透露更多内容。",
        ),
        "zh-hant": (
            "您的案件 {reference} 有新進展",
            "您的案件 {reference} 有新進展。\n\n"
            "請開啟「我的案件」頁面並輸入您的回執碼查看：\n\n"
            "{my_case_url}\n\n"
            "為了您的安全，本郵件不會透露更多內容。",
        ),
    },
}


def seed_mail_texts():
    """One text per kind in English, translated into both Chinese locales."""
    english = Locale.objects.get(language_code="en")
    for kind, texts in TEXTS.items():
        source = ClaimantMailText.objects.filter(locale=english, kind=kind).first()
        if source is None:
            subject, body = texts["en"]
            source = ClaimantMailText.objects.create(locale=english, kind=kind, subject=subject, body=body)
        for code in ("zh-hans", "zh-hant"):
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None or source.has_translation(locale):
                continue
            translation = source.copy_for_translation(locale)
            translation.subject, translation.body = texts[code]
            translation.save()
