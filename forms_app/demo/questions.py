"""The demo question sets of the four intake forms, in English (their Chinese texts are in the demo catalogs).

Data only: the seeder turns FORMS into Wagtail form pages and translates them through wagtail-localize from
locale/*/LC_MESSAGES/demo.po beside this file (msgid = the English string here). The clean_name of a field
keys its stored answers forever, so never rename one; the same concept uses the same clean_name in every
form. An English string has one translation, so texts used in several forms are module constants.
"""

import copy


def _field(clean_name, field_type, label, help_text=None, required=False, choices=None, show_if=None):
    field = {
        "clean_name": clean_name,
        "field_type": field_type,
        "label": label,
        "help_text": help_text,
        "required": required,
    }
    if choices is not None:
        field["choices"] = choices
    if show_if is not None:  # (answer key of an earlier choice question, [choice keys])
        field["condition_key"], field["condition_values"] = show_if[0], ", ".join(show_if[1])
    return field


def _step(clean_name, title, intro=None):
    """A section break: the claimant sees the form one step at a time."""
    return _field(clean_name, "step", title, intro)


# --- Step titles, shared between forms --------------------------------------------------------------

STEP_WHAT_HAPPENED = "What happened"
STEP_HOW_AFFECTED = "How it affected you"
STEP_EVIDENCE = _step(
    "step_evidence",
    "Evidence",
    "Files are optional. If you have none, or are not sure it is safe to send them, just continue.",
)
STEP_CONTACT = _step(
    "step_contact", "Contact and consent", "How we may reach you safely, and what we may do with your case."
)


# --- Shared choices -------------------------------------------------------------------------------

OTHER = "Other"
UNSURE = "I am not sure"
YES = "Yes"
NO = "No"

# --- Shared intro, evidence and next-step paragraphs ----------------------------------------------

INTRO_TIME_AND_SAFETY = (
    "It takes about 5 to 10 minutes. Only a few questions are required. Answer only what feels safe for you: "
    "you can leave anything else blank, and we can talk more later."
)
INTRO_SAFE_DEVICE = (
    "If you can, fill it in on a phone or computer that nobody else checks, not on a work or shared device."
)
INTRO_ESTIMATES = (
    "Approximate dates and amounts are fine. If your case is selected, we will ask you for exact figures and "
    "documents later."
)

EVIDENCE_KEEP_ORIGINALS = (
    "Never send your only copy of anything. Upload copies or photos, and keep the originals somewhere safe."
)
EVIDENCE_WATERMARKS = (
    "Screenshots from WeChat can carry hidden watermarks that identify the account, and sometimes the phone, they "
    "came from. If you or your family could be at risk, think about this before uploading. You can also simply tell "
    "us what you have, and we will find a safer way later."
)

NEXT_STEPS = [
    (
        "Our staff read every case carefully. We cannot take every case into the class action, so we select those "
        "with the best chance of success."
    ),
    (
        "If your case is selected, we will contact you, only in the ways you said are safe, to ask for more details "
        "and evidence. We will never contact you through WeChat."
    ),
    (
        "If we do not contact you, your information still stays confidential. You can ask us at any time to correct "
        "or delete it."
    ),
]

THANK_YOU = "Thank you for your trust. We have received your case and will review it carefully."

# --- Shared help texts ----------------------------------------------------------------------------

APPROXIMATE_DATE_FINE = "An approximate date is fine."
LEAVE_BLANK_IF_NOT_APPLICABLE = "Leave blank if this does not apply."

# --- Fields used in several forms -----------------------------------------------------------------

COUNTRY_OF_RESIDENCE = _field(
    "country_of_residence",
    "dropdown",
    "Where do you live now?",
    "This helps us work out which laws apply and how to contact you safely.",
    required=True,
    choices=[
        ("cn", "Mainland China"),
        ("hk", "Hong Kong"),
        ("mo", "Macau"),
        ("tw", "Taiwan"),
        ("us", "United States"),
        ("ca", "Canada"),
        ("uk", "United Kingdom"),
        ("au", "Australia"),
        ("eu", "A European Union country"),
        ("other", OTHER),
    ],
)

WECHAT_ID = _field(
    "wechat_id",
    "singleline",
    "WeChat ID",
    (
        "Optional. Used only to link related cases, and stored encrypted. Leave it blank if you are not comfortable "
        "sharing it."
    ),
)

WHAT_EXPERIENCED_LABEL = "What did you experience? Tick all that apply."

WHAT_HAPPENED_LABEL = "What happened? Please describe it in your own words."

TRIGGER_CONTENT = _field(
    "trigger_content",
    "multiline",
    "What content on WeChat do you believe led to this?",
    (
        "For example a Moments post, a message in a group or private chat, or an article you shared. Describe it "
        "briefly; you do not need to repeat anything that could put you or others at risk."
    ),
)

INCIDENT_PERIOD = _field(
    "incident_period",
    "date_range",
    "When did this happen?",
    "When it started and, if it is over, when it ended. Approximate dates are fine.",
)

OTHERS_AFFECTED = _field(
    "others_affected",
    "radio",
    "Do you know of other people affected in the same way?",
    "For example other members of the same group chat. You do not need to name them here.",
    choices=[("yes", YES), ("no", NO), ("unsure", UNSURE)],
)

LOST_CONTACTS = _field(
    "lost_contacts",
    "number",
    "About how many contacts did you lose?",
    "Friends, customers or followers you can no longer reach. An estimate is fine.",
)

EVIDENCE = _field(
    "evidence",
    "evidence",
    "Evidence files",
    (
        "Optional. You can upload several files: images, PDFs, text, audio or video. Please read the advice on this "
        "page before uploading."
    ),
)

# --- Contact, consent and attestation block, identical at the end of every form -----------------

CLOSING_FIELDS = [
    STEP_CONTACT,
    _field(
        "contact_name",
        "singleline",
        "Name or pseudonym we may use",
        "Optional. A pseudonym is fine; we use it only when we write to you.",
    ),
    _field(
        "contact_email",
        "email",
        "Email address",
        "Optional. If you can, use an email service based outside mainland China (not QQ Mail, 163 or similar).",
    ),
    _field(
        "contact_phone",
        "singleline",
        "Phone number",
        (
            "Optional. Please include the country code, for example +852 or +1. Please do not enter a mainland China "
            "(+86) number: we will never call or text one."
        ),
    ),
    _field(
        "contact_signal",
        "singleline",
        "Signal username or phone number",
        "Optional. Signal is end-to-end encrypted and is the safest way for us to reach you.",
    ),
    _field(
        "contact_preference",
        "contact_preference",
        "How may we contact you safely?",
        (
            "Choose only the ways that are safe for you. We will never contact you through WeChat or on a mainland "
            "China phone number."
        ),
        required=True,
    ),
    _field(
        "consent_processing",
        "consent",
        "I agree that you may use the information in this form to assess my case.",
        (
            "This box must be ticked: without it we cannot look at your case. Your answers are stored encrypted and "
            "are read only by our case review staff."
        ),
        required=True,
    ),
    _field(
        "consent_share_counsel",
        "consent",
        "I agree that you may share my case with the lawyers bringing the class action.",
        (
            "Optional. The lawyers are bound by professional confidentiality. If you do not tick this, we will ask "
            "you before sharing anything."
        ),
    ),
    _field(
        "consent_named_plaintiff",
        "consent",
        "I agree that you may contact me about becoming a named plaintiff or a witness.",
        (
            "Optional. A named plaintiff or witness may have to be identified in court. Ticking this only means you "
            "are willing to talk about it; you can still say no later."
        ),
    ),
    _field(
        "consent_statistics",
        "consent",
        "I agree that you may use my answers in anonymised statistics.",
        "Optional. Statistics never include names, account IDs or other details that could identify you.",
    ),
    _field(
        "consent_keep_original",
        "consent",
        "I agree that you may keep my original evidence files, encrypted, for the lawyers.",
        (
            "Optional. Originals can show when, where and on which device they were made: this may help your case "
            "but could identify you. Without this, we keep only copies with that data removed, and cannot accept a "
            "recording we are unable to clean."
        ),
    ),
    _field(
        "attestation",
        "attestation",
        "I confirm that the information I have given is true to the best of my knowledge.",
        (
            "Please type your full real name below. A pseudonym is not acceptable here, because the lawyers may need "
            "to rely on this statement. Your name is stored encrypted and is seen only by the case team."
        ),
        required=True,
    ),
]

# --- Persecution ------------------------------------------------------------------------------------

PERSECUTION = {
    "case_type": "persecution",
    "slug": "persecution",
    "title": "Persecution caused by WeChat censorship or surveillance",
    "intro": [
        (
            "This form is for people who were harassed, questioned, punished, detained or otherwise persecuted "
            "because of something they said, shared or received on WeChat, and for their family members."
        ),
        INTRO_TIME_AND_SAFETY,
        INTRO_SAFE_DEVICE,
    ],
    "evidence_help": [
        (
            "Useful evidence includes screenshots of the WeChat content involved, summons or detention notices, "
            "release papers, court documents, letters of dismissal or discipline, medical records, and receipts for "
            "costs you paid. Photos of paper documents are fine."
        ),
        EVIDENCE_KEEP_ORIGINALS,
        EVIDENCE_WATERMARKS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        _step("step_what_happened", STEP_WHAT_HAPPENED),
        COUNTRY_OF_RESIDENCE,
        _field(
            "what_happened",
            "multiline",
            "What happened to you?",
            (
                "In your own words: what was done, by whom (for example police, state security, your employer or the "
                "neighbourhood committee) and why you think it happened. A few sentences are enough. If you are "
                "filling this in for a family member, please say so."
            ),
            required=True,
        ),
        _field(
            "consequences",
            "checkboxes",
            WHAT_EXPERIENCED_LABEL,
            required=True,
            choices=[
                ("harassment", "Harassment or threats"),
                (
                    "tea_drinking",
                    "Being “invited for tea” (informal questioning by police or state security)",
                ),
                ("police_summons", "Police summons"),
                (
                    "forced_relocation",
                    "Forced to move or leave your home town",
                ),
                ("job_loss", "Loss of job or work"),
                (
                    "party_discipline",
                    "Party or workplace discipline",
                ),
                (
                    "detention",
                    "Detention (including administrative detention or “residential surveillance”)",
                ),
                ("arrest", "Formal arrest"),
                ("sentencing", "Prosecution or criminal sentence"),
                ("torture", "Torture or physical abuse"),
                ("family_pressure", "Pressure on your family"),
                ("other", OTHER),
            ],
        ),
        TRIGGER_CONTENT,
        _field(
            "wechat_involvement",
            "checkboxes",
            "How do you believe WeChat was involved? Tick all that apply.",
            choices=[
                (
                    "content_shown_by_police",
                    "Police or officials showed me or quoted my WeChat content",
                ),
                (
                    "private_content_known",
                    "They knew about private chats that nobody else could have seen",
                ),
                (
                    "message_reported",
                    "Someone in a chat or group reported me",
                ),
                (
                    "account_flagged",
                    "My account was warned, restricted or banned around the same time",
                ),
                ("unsure", UNSURE),
                ("other", OTHER),
            ],
        ),
        _step("step_when_where", "When and where"),
        INCIDENT_PERIOD,
        _field(
            "incident_location",
            "singleline",
            "Where did it happen?",
            "City and province are enough, for example Chengdu, Sichuan.",
        ),
        _field(
            "detention_period",
            "date_range",
            "If you were detained or imprisoned, from when to when?",
            (
                "Leave blank if this does not apply. If it happened more than once, give the longest period and "
                "describe the others above."
            ),
            show_if=("consequences", ["detention", "arrest", "sentencing"]),
        ),
        _field(
            "ongoing_danger",
            "radio",
            "Are you or your family still at risk?",
            "This helps us decide how carefully and how urgently to contact you.",
            choices=[
                ("danger_now", "Yes, we are in danger now"),
                (
                    "still_watched",
                    "Still under pressure or being watched",
                ),
                ("not_any_more", "No, not any more"),
                ("unsure", UNSURE),
            ],
        ),
        _step("step_affected", STEP_HOW_AFFECTED),
        _field(
            "impact",
            "multiline",
            "How has this affected your life?",
            "For example your health, work, family, studies or where you live.",
        ),
        _field(
            "lost_income",
            "money",
            "Income you lost because of this",
            "An estimate is fine. Choose the currency you were paid in.",
        ),
        _field(
            "medical_legal_costs",
            "money",
            "Medical, legal or other costs you had to pay",
            "For example treatment, lawyers' fees, bail, or the cost of moving home. An estimate is fine.",
        ),
        OTHERS_AFFECTED,
        WECHAT_ID,
        STEP_EVIDENCE,
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# --- Account closure ------------------------------------------------------------------------------

ACCOUNT_CLOSURE = {
    "case_type": "account_closure",
    "slug": "account-closure",
    "title": "Financial loss from a closed WeChat account",
    "intro": [
        (
            "This form is for people and businesses who lost money because WeChat closed, banned or restricted an "
            "account for an “improper statement”, “sensitive information” or a similar reason: for example a frozen "
            "WeChat Pay balance, an official account that can no longer receive tips, a mini-program that stopped "
            "doing business, or lost business contacts."
        ),
        INTRO_TIME_AND_SAFETY,
        INTRO_ESTIMATES,
    ],
    "evidence_help": [
        (
            "Useful evidence includes screenshots of the ban notice and of your frozen balance, your appeal and "
            "WeChat's reply, records of tips or mini-program sales before the ban, bank statements, and anything that "
            "shows how many followers or customers the account had."
        ),
        EVIDENCE_KEEP_ORIGINALS,
        EVIDENCE_WATERMARKS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        _step("step_account", "Your account"),
        COUNTRY_OF_RESIDENCE,
        _field(
            "account_kinds",
            "checkboxes",
            "Which accounts were affected? Tick all that apply.",
            required=True,
            choices=[
                ("personal", "Personal WeChat account"),
                ("official_account", "Official account"),
                ("mini_program", "Mini-program"),
                ("wechat_pay_merchant", "WeChat Pay merchant account"),
                ("wechat_work", "WeCom (WeChat Work) account"),
                ("other", OTHER),
            ],
        ),
        WECHAT_ID,
        _field(
            "what_happened",
            "multiline",
            WHAT_HAPPENED_LABEL,
            (
                "For example what the account was used for, what notice you received and what you tried afterwards. "
                "A few sentences are enough."
            ),
            required=True,
        ),
        _step("step_closure", "The closure"),
        _field(
            "business_account_name",
            "singleline",
            "Name of the official account, mini-program or shop, if any",
            "Optional. It helps us check the account's history.",
            show_if=("account_kinds", ["official_account", "mini_program", "wechat_pay_merchant", "wechat_work"]),
        ),
        _field(
            "ban_date",
            "date",
            "When was the account closed or restricted?",
            APPROXIMATE_DATE_FINE,
        ),
        _field(
            "ban_duration",
            "radio",
            "Is the ban permanent or temporary?",
            choices=[
                ("permanent", "Permanent"),
                (
                    "temporary_ongoing",
                    "Temporary, but still in force",
                ),
                ("temporary_lifted", "Temporary, and now lifted"),
                (
                    "functions_restricted",
                    "Some functions restricted (for example payments, posting or tips)",
                ),
                ("unsure", UNSURE),
            ],
        ),
        _field(
            "ban_period",
            "date_range",
            "If the account was later restored, how long was it closed?",
            "From the day it was closed to the day it was restored. Leave blank if it has not been restored.",
            show_if=("ban_duration", ["temporary_lifted"]),
        ),
        _field(
            "stated_reason",
            "radio",
            "What reason did WeChat give?",
            "If you still have the notice, you can upload a screenshot below.",
            choices=[
                ("improper_statement", "Improper statements"),
                ("sensitive_information", "Sensitive information"),
                ("rumours", "Spreading rumours"),
                (
                    "rules_violation",
                    "A general breach of the WeChat rules",
                ),
                ("none_given", "No reason was given"),
                ("other", OTHER),
            ],
        ),
        TRIGGER_CONTENT,
        _step("step_losses", "Your losses"),
        _field(
            "wallet_balance_frozen",
            "money",
            "WeChat Pay balance that was frozen or lost",
            "Include your Wallet balance and any funds held in a merchant account. An estimate is fine.",
        ),
        _field(
            "lost_revenue",
            "money",
            "Tips, sales or other income you lost",
            (
                "For example tips on an official account, mini-program sales, or income from customers you can no "
                "longer reach. An estimate is fine."
            ),
        ),
        _field(
            "business_impact",
            "multiline",
            "How did this affect your business or work?",
            (
                "For example followers or customers lost, orders you could not complete, or how many years you had "
                "spent building up the account."
            ),
        ),
        LOST_CONTACTS,
        _field(
            "appeal_made",
            "radio",
            "Did you appeal to WeChat?",
            choices=[
                (
                    "yes_restored",
                    "Yes, and the account was restored",
                ),
                ("yes_partly", "Yes, and part of it was restored"),
                (
                    "yes_rejected",
                    "Yes, but it was rejected or ignored",
                ),
                ("no", "No, I did not appeal"),
            ],
        ),
        STEP_EVIDENCE,
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# --- Privacy violation or censorship --------------------------------------------------------------

PRIVACY_CENSORSHIP = {
    "case_type": "privacy_censorship",
    "slug": "privacy-censorship",
    "title": "Harm or loss from WeChat privacy violations or censorship",
    "intro": [
        (
            "This form is for anyone who suffered distress or financial loss because WeChat exposed their private "
            "information or censored them: for example leaked private content, deleted posts, censored Moments, "
            "disbanded groups, blocked friend requests, messages that only the sender can see, disabled share "
            "buttons or closed accounts."
        ),
        ("If you were also questioned, detained or punished, please fill in the form for persecution cases as well."),
        INTRO_TIME_AND_SAFETY,
    ],
    "evidence_help": [
        (
            "Useful evidence includes screenshots of deleted or blocked content and of any notice you received, "
            "screenshots showing that messages did not reach others, proof that private content was leaked (for "
            "example someone quoting it back to you), and receipts for treatment or counselling."
        ),
        EVIDENCE_KEEP_ORIGINALS,
        EVIDENCE_WATERMARKS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        _step("step_what_happened", STEP_WHAT_HAPPENED),
        COUNTRY_OF_RESIDENCE,
        _field(
            "incident_kinds",
            "checkboxes",
            WHAT_EXPERIENCED_LABEL,
            required=True,
            choices=[
                (
                    "private_content_leaked",
                    "My private messages, photos or files were seen by others or leaked",
                ),
                (
                    "posts_deleted",
                    "My posts or articles were deleted",
                ),
                (
                    "account_closed",
                    "My account was closed or banned",
                ),
                (
                    "moments_censored",
                    "My Moments posts were hidden or censored",
                ),
                (
                    "group_disbanded",
                    "A group chat I was in was disbanded",
                ),
                (
                    "friend_requests_blocked",
                    "Friend requests to or from me were blocked",
                ),
                (
                    "messages_only_sender_sees",
                    "My messages never arrived: only I could see them",
                ),
                (
                    "share_button_disabled",
                    "Sharing of my article or link was disabled",
                ),
                ("other", OTHER),
            ],
        ),
        _field(
            "what_happened",
            "multiline",
            WHAT_HAPPENED_LABEL,
            (
                "For example what was censored or leaked, who saw it, and how you found out. A few sentences are "
                "enough."
            ),
            required=True,
        ),
        TRIGGER_CONTENT,
        INCIDENT_PERIOD,
        _step("step_affected", STEP_HOW_AFFECTED),
        _field(
            "effects",
            "checkboxes",
            "How has this affected you? Tick all that apply.",
            choices=[
                ("anxiety_distress", "Anxiety, fear or distress"),
                (
                    "lost_relationships",
                    "Lost contact with family, friends or community",
                ),
                (
                    "lost_work",
                    "Lost work, customers or income",
                ),
                (
                    "lost_data",
                    "Lost photos, chats or files",
                ),
                ("reputation", "Harm to my reputation"),
                (
                    "self_censorship",
                    "I now censor myself or avoid speaking",
                ),
                ("other", OTHER),
            ],
        ),
        _field(
            "impact",
            "multiline",
            "Tell us more about how this affected you",
            "Optional. For example whether you needed medical or counselling help.",
        ),
        _field(
            "financial_loss",
            "money",
            "Money you lost because of this",
            (
                "For example lost income, the cost of treatment or counselling, or the cost of rebuilding an account. "
                "An estimate is fine."
            ),
        ),
        LOST_CONTACTS,
        _field(
            "group_members",
            "number",
            "If a group was disbanded, about how many members did it have?",
            LEAVE_BLANK_IF_NOT_APPLICABLE,
            show_if=("incident_kinds", ["group_disbanded"]),
        ),
        OTHERS_AFFECTED,
        WECHAT_ID,
        STEP_EVIDENCE,
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# --- Investor ---------------------------------------------------------------------------------------

INVESTOR = {
    "case_type": "investor",
    "slug": "investor",
    "title": "Investor losses in Tencent shares",
    "intro": [
        (
            "This form is for people who bought Tencent shares (0700.HK in Hong Kong) or Tencent ADRs (TCEHY, traded "
            "over the counter in the United States), lost money, and believe Tencent hid the extent of its "
            "relationship with the Chinese government from investors."
        ),
        INTRO_TIME_AND_SAFETY,
        INTRO_ESTIMATES,
    ],
    "evidence_help": [
        (
            "The most useful evidence is broker statements or trade confirmations showing each purchase and sale with "
            "dates, quantities and prices, and a recent statement showing what you still hold. PDF files downloaded "
            "from your broker are best."
        ),
        ("For now you may black out your account number and address; we need only the dates, quantities and amounts."),
        EVIDENCE_KEEP_ORIGINALS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        _step("step_shares", "Your shares"),
        COUNTRY_OF_RESIDENCE,
        _field(
            "securities_held",
            "checkboxes",
            "Which Tencent securities did you hold? Tick all that apply.",
            required=True,
            choices=[
                (
                    "tcehy_adr",
                    "TCEHY: ADRs traded over the counter in the United States",
                ),
                (
                    "hk_0700",
                    "0700.HK: shares listed in Hong Kong",
                ),
                (
                    "options_or_other",
                    "Options, funds or other securities linked to Tencent",
                ),
            ],
        ),
        _field(
            "holding_type",
            "radio",
            "In whose name were they held?",
            choices=[
                ("personal", "In my own name"),
                ("joint", "Jointly with someone else"),
                (
                    "company_or_fund",
                    "Through a company, trust or fund",
                ),
                (
                    "retirement",
                    "Through a pension or retirement account",
                ),
            ],
        ),
        _field(
            "broker",
            "singleline",
            "Broker or bank you traded through",
            "For example Interactive Brokers, Futu, HSBC or Charles Schwab.",
        ),
        _field(
            "purchase_period",
            "date_range",
            "When did you buy?",
            "The dates of your first and last purchase. If you bought only once, enter the same date twice.",
        ),
        _field(
            "shares_bought",
            "number",
            "How many shares or ADRs did you buy in total?",
            "Add up all your purchases. An estimate is fine for now.",
        ),
        _field(
            "purchase_amount",
            "money",
            "Total amount you paid",
            "Including fees, if you know them. Choose the currency of your trading account.",
        ),
        _field(
            "sold",
            "radio",
            "Have you sold them?",
            choices=[
                ("yes", "Yes, all of them"),
                ("partly", "Yes, some of them"),
                ("no", "No, I still hold all of them"),
            ],
        ),
        # On a step of its own: the schedule's rows are a long page on a phone.
        _step("step_trades", "Your trades"),
        _field(
            "trade_schedule",
            "trade_schedule",
            "Your purchases and sales",
            (
                "One row per purchase or sale in the class period, from your broker statements, and what you held "
                "at its start and end: we check that they add up. No details yet? Leave it empty."
            ),
        ),
        _step("step_sales", "Sales and losses"),
        _field(
            "sale_period",
            "date_range",
            "When did you sell?",
            "The dates of your first and last sale. Leave blank if you have not sold any.",
            show_if=("sold", ["yes", "partly"]),
        ),
        _field(
            "sale_amount",
            "money",
            "Total amount you received from sales",
            "After fees, if you know them. Leave blank if you have not sold any.",
            show_if=("sold", ["yes", "partly"]),
        ),
        _field(
            "shares_still_held",
            "number",
            "How many do you still hold?",
            "Enter 0 if you have sold everything.",
            show_if=("sold", ["partly", "no"]),
        ),
        _field(
            "loss_estimate",
            "money",
            "Your estimated total loss",
            (
                "Roughly: what you paid, minus what you received from sales and the current value of what you still "
                "hold."
            ),
        ),
        _field(
            "how_misled",
            "multiline",
            "Why do you believe you were misled?",
            (
                "For example which reports, statements or news you relied on when you bought, and what you later "
                "learned about Tencent's ties to the Chinese government. A few sentences are enough."
            ),
            required=True,
        ),
        STEP_EVIDENCE,
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# Every form gets its own copies of the shared field dicts and lists, so a consumer that mutates one form
# cannot change another.
FORMS = [copy.deepcopy(form) for form in (PERSECUTION, ACCOUNT_CLOSURE, PRIVACY_CENSORSHIP, INVESTOR)]
