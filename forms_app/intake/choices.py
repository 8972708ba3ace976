"""Fixed choice lists inside composite questions (currencies, contact channels). Their keys are
stored in answers, so never change a key; labels are interface text (gettext)."""

from django.utils.translation import gettext_lazy as _

CURRENCY_CHOICES = [
    ("CNY", _("CNY - Chinese yuan")),
    ("HKD", _("HKD - Hong Kong dollar")),
    ("USD", _("USD - US dollar")),
    ("TWD", _("TWD - New Taiwan dollar")),
    ("EUR", _("EUR - Euro")),
    ("GBP", _("GBP - British pound")),
    ("CAD", _("CAD - Canadian dollar")),
    ("AUD", _("AUD - Australian dollar")),
    ("other", _("Other currency")),
]

SAFE_CONTACT_CHANNELS = [
    ("email", _("E-mail")),
    ("phone", _("Phone call or SMS")),
    ("signal", _("Signal")),
    ("none", _("Do not contact me")),
]
UNSAFE_CONTACT_CHANNELS = [
    ("wechat", _("WeChat")),
    ("phone_86", _("A +86 (mainland China) phone number")),
    ("sms", _("SMS text messages")),
    ("email", _("E-mail")),
    ("post", _("Letters to my address")),
]

# A safe channel -> the "never" channels that contradict it. "Phone call or SMS" includes SMS, so
# it cannot be safe while SMS is never to be used; the same channel cannot be both. A +86 number
# marked "never" does not contradict "Phone call or SMS" (the claimant may have another number);
# the form refuses a +86 number in the phone question in that case instead.
CONTACT_CONFLICTS = {
    "email": {"email"},
    "phone": {"sms"},
}
