"""The kinds of question editors can add. Code defines types; editors define the questions."""

from django.utils.translation import gettext_lazy as _

FIELD_TYPE_CHOICES = [
    ("singleline", _("Single line text")),
    ("multiline", _("Multi-line text")),
    ("email", _("E-mail address")),
    ("number", _("Number")),
    ("date", _("Date")),
    ("date_range", _("Date range (from - to)")),
    ("money", _("Money amount with currency")),
    ("dropdown", _("Drop down")),
    ("radio", _("Radio buttons")),
    ("checkboxes", _("Checkboxes (several answers)")),
    ("checkbox", _("Single tick box")),
    ("evidence", _("Evidence files")),
    ("contact_preference", _("Safe and unsafe contact channels")),
    ("consent", _("Consent")),
    ("attestation", _("Attestation with full name")),
]
CHOICE_FIELD_TYPES = {"dropdown", "radio", "checkboxes"}

# Consents with a meaning in code, recognised by their answer key.
CONSENT_PROCESSING = "consent_processing"
CONSENT_SHARE_COUNSEL = "consent_share_counsel"
CONSENT_NAMED_PLAINTIFF = "consent_named_plaintiff"
CONSENT_STATISTICS = "consent_statistics"
CONSENT_KEEP_ORIGINAL = "consent_keep_original"
# The phone-number question, recognised by its answer key (see CONTACT_CONFLICTS).
CONTACT_PHONE = "contact_phone"

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
