"""Builders: the smallest site the tests need, made inside each test's transaction.

- ``home_page(language)``: the site's home page in that language (root -> HomePage, with its
  Simplified and Traditional translations). Uses the demo home page when the demo site is seeded.
- ``intake_form(case_type, language)``: a published intake form with a realistic small set of
  questions, worded in that language, under the home page; the Chinese forms are translations of
  the English one (same translation key, same answer keys and choice keys).
- ``make_case`` / ``make_case_with_evidence`` (through the form and ``file_case``), ``file_case``
  (a real multipart POST), ``copy_case``, ``set_answer``: cases.
- ``staff``: a user in one of the real staff groups.

Every builder tolerates the demo site being present (a session that seeded it, or a reused test
database): it finds its own pages by their slugs and never assumes it owns the only form of a type.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils.datastructures import MultiValueDict
from wagtail.models import Locale, Page, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from forms_app.cases.models.case import Case, ReportedLoss
from forms_app.intake.field_types import Role
from forms_app.intake.models import IntakeFormField, IntakeFormPage
from forms_app.intake.submission import file_case as file_case_from_form
from home.models import HomePage
from tests.intake.builders import complete_answers, evidence_files, value_for

# What the questions mean to the code (an editor's choice per question; see field_types.Role).
ROLES = {
    "wechat_id": Role.WECHAT_ID,
    "contact_phone": Role.PHONE,
    "contact_email": Role.EMAIL,
    "consent_processing": Role.CONSENT_PROCESSING,
    "consent_statistics": Role.CONSENT_STATISTICS,
    "consent_keep_original": Role.CONSENT_KEEP_ORIGINAL,
    "purchase_amount": Role.TRANSACTION,
    "sale_amount": Role.TRANSACTION,
    "incident_period": Role.INCIDENT_DATE,
    "ban_date": Role.INCIDENT_DATE,
}
LANGUAGES = ["en", "zh-hans", "zh-hant"]
CASE_TYPES = ["persecution", "account_closure", "privacy_censorship", "investor"]
PASSWORD = "correct horse battery staple"


def words(en, zh_hans, zh_hant):
    return {"en": en, "zh-hans": zh_hans, "zh-hant": zh_hant}


# --- Questions ---------------------------------------------------------------------------------
# (answer key, field type, required, wording, [(choice key, wording), ...])

COUNTRY = (
    "country_of_residence",
    "dropdown",
    True,
    words("Where do you live now?", "您现在住在哪里？", "您現在住在哪裡？"),
    [
        ("cn", words("Mainland China", "中国大陆", "中國大陸")),
        ("hk", words("Hong Kong", "香港", "香港")),
        ("tw", words("Taiwan", "台湾", "台灣")),
        ("other", words("Somewhere else", "其他地方", "其他地方")),
    ],
)
WHAT_HAPPENED = (
    "what_happened",
    "multiline",
    True,
    words("What happened? Please describe it in your own words.", "发生了什么事？", "發生了什麼事？"),
    [],
)
INCIDENT_PERIOD = (
    "incident_period",
    "date_range",
    False,
    words("When did this happen?", "这件事是什么时候发生的？", "這件事是什麼時候發生的？"),
    [],
)
CONTACT_AND_CONSENT = [
    ("wechat_id", "singleline", False, words("WeChat ID", "微信号", "微信帳號"), []),
    ("evidence", "evidence", False, words("Evidence files", "证据文件", "證據檔案"), []),
    ("contact_email", "email", False, words("Email address", "电子邮箱", "電子郵件地址"), []),
    ("contact_phone", "singleline", False, words("Phone number", "电话号码", "電話號碼"), []),
    (
        "contact_preference",
        "contact_preference",
        True,
        words("How may we contact you safely?", "我们怎样联系您才安全？", "我們怎樣聯絡您才安全？"),
        [],
    ),
    (
        "consent_processing",
        "consent",
        True,
        words("I agree that you may use this information.", "我同意你们使用这些信息。", "我同意你們使用這些資訊。"),
        [],
    ),
    (
        "consent_statistics",
        "consent",
        False,
        words("You may count my case in statistics.", "你们可以把我的案件计入统计。", "你們可以把我的案件納入統計。"),
        [],
    ),
    (
        "consent_keep_original",
        "consent",
        False,
        words("You may keep my original files.", "你们可以保存我的原始文件。", "你們可以保存我的原始檔案。"),
        [],
    ),
    (
        "attestation",
        "attestation",
        True,
        words("I confirm that this is true.", "我确认以上信息属实。", "我確認以上資訊屬實。"),
        [],
    ),
]
QUESTIONS = {
    "persecution": [
        COUNTRY,
        WHAT_HAPPENED,
        (
            "consequences",
            "checkboxes",
            True,
            words("What did you experience?", "您经历了哪些情况？", "您經歷了哪些情況？"),
            [
                ("harassment", words("Harassment", "骚扰", "騷擾")),
                ("tea_drinking", words("Being invited to tea", "被约谈喝茶", "被約談喝茶")),
                ("police_summons", words("A police summons", "警方传唤", "警方傳喚")),
            ],
        ),
        INCIDENT_PERIOD,
        (
            "ongoing_danger",
            "radio",
            False,
            words("Are you still at risk?", "您现在还有危险吗？", "您現在還有危險嗎？"),
            [
                ("danger_now", words("Yes, now", "是的，现在仍有", "是的，現在仍有")),
                ("not_any_more", words("Not any more", "已经没有了", "已經沒有了")),
            ],
        ),
        ("lost_income", "money", False, words("Income you lost", "您损失的收入", "您損失的收入"), []),
        *CONTACT_AND_CONSENT,
    ],
    "account_closure": [
        COUNTRY,
        WHAT_HAPPENED,
        (
            "ban_date",
            "date",
            False,
            words("When was the account closed?", "帐号什么时候被封？", "帳號什麼時候被封？"),
            [],
        ),
        (
            "ban_duration",
            "radio",
            False,
            words("Is the ban permanent?", "封禁是永久的吗？", "封禁是永久的嗎？"),
            [
                ("permanent", words("Permanent", "永久", "永久")),
                ("temporary", words("Temporary", "暂时", "暫時")),
            ],
        ),
        (
            "wallet_balance_frozen",
            "money",
            False,
            words("WeChat Pay balance frozen", "被冻结的微信支付余额", "被凍結的微信支付餘額"),
            [],
        ),
        ("lost_revenue", "money", False, words("Income you lost", "损失的收入", "損失的收入"), []),
        ("lost_contacts", "number", False, words("Contacts you lost", "失去的联系人", "失去的聯絡人"), []),
        *CONTACT_AND_CONSENT,
    ],
    "privacy_censorship": [
        COUNTRY,
        (
            "incident_kinds",
            "checkboxes",
            True,
            words("What did you experience?", "您经历了哪些情况？", "您經歷了哪些情況？"),
            [
                ("private_content_leaked", words("Private messages leaked", "私信被泄露", "私訊被洩漏")),
                ("posts_deleted", words("Posts deleted", "帖子被删除", "貼文被刪除")),
                ("group_disbanded", words("A group disbanded", "群聊被解散", "群組被解散")),
            ],
        ),
        WHAT_HAPPENED,
        INCIDENT_PERIOD,
        ("financial_loss", "money", False, words("Money you lost", "您损失的金钱", "您損失的金錢"), []),
        ("group_members", "number", False, words("Members of the group", "群成员人数", "群組成員人數"), []),
        *CONTACT_AND_CONSENT,
    ],
    "investor": [
        COUNTRY,
        (
            "securities_held",
            "checkboxes",
            True,
            words("Which Tencent securities did you hold?", "您持有过哪些腾讯证券？", "您持有過哪些騰訊證券？"),
            [
                ("tcehy_adr", words("TCEHY ADRs", "TCEHY存托凭证", "TCEHY存託憑證")),
                ("hk_0700", words("0700.HK shares", "0700.HK股票", "0700.HK股票")),
            ],
        ),
        (
            "holding_type",
            "radio",
            False,
            words("In whose name?", "以谁的名义持有？", "以誰的名義持有？"),
            [
                ("personal", words("My own", "我自己", "我自己")),
                ("company_or_fund", words("A company or fund", "公司或基金", "公司或基金")),
            ],
        ),
        ("broker", "singleline", False, words("Broker or bank", "券商或银行", "券商或銀行"), []),
        (
            "trade_schedule",
            "trade_schedule",
            False,
            words("Your purchases and sales", "您的买入和卖出", "您的買進和賣出"),
            [],
        ),
        (
            "purchase_period",
            "date_range",
            False,
            words("When did you buy?", "您什么时候买入？", "您什麼時候買入？"),
            [],
        ),
        ("shares_bought", "number", False, words("Shares bought", "买入股数", "買入股數"), []),
        ("purchase_amount", "money", False, words("Total amount you paid", "支付的总金额", "支付的總金額"), []),
        ("sale_amount", "money", False, words("Total amount from sales", "卖出所得", "賣出所得"), []),
        ("loss_estimate", "money", False, words("Your estimated loss", "估计的总损失", "估計的總損失"), []),
        (
            "how_misled",
            "multiline",
            True,
            words("Why do you believe you were misled?", "您为什么认为受到了误导？", "您為什麼認為受到了誤導？"),
            [],
        ),
        *CONTACT_AND_CONSENT,
    ],
}
FORM_TITLES = {
    "persecution": words("Persecution", "迫害", "迫害"),
    "account_closure": words("Account closure", "帐号被封", "帳號被封"),
    "privacy_censorship": words("Privacy and censorship", "隐私与审查", "隱私與審查"),
    "investor": words("Investor loss", "投资损失", "投資損失"),
}


# --- Site ----------------------------------------------------------------------------------------


def locale(language):
    return Locale.objects.get_or_create(language_code=language)[0]


def english_home():
    """The default site's home page, creating it (and pointing the site at it) if the site still
    has Wagtail's welcome page."""
    site = Site.objects.select_related("root_page").get(is_default_site=True)
    if site.root_page.specific_class is HomePage:
        return site.root_page.specific
    home = HomePage(title="Home", slug="test-home", hero_heading="Hold WeChat to account", locale=locale("en"))
    with disable_reference_index_auto_update():
        Page.get_first_root_node().add_child(instance=home)
    site.root_page = home
    site.save()
    return home


def home_page(language="en"):
    """The home page in ``language``: a translation of the English one, beside it under the root."""
    english = english_home()
    if language == "en":
        return english
    translated = HomePage.objects.filter(
        translation_key=english.translation_key, locale__language_code=language
    ).first()
    if translated is None:
        translated = HomePage(
            title={"zh-hans": "首页", "zh-hant": "首頁"}[language],
            slug=f"test-home-{language}",
            hero_heading={"zh-hans": "追究微信的责任", "zh-hant": "追究微信的責任"}[language],
            locale=locale(language),
            translation_key=english.translation_key,
        )
        with disable_reference_index_auto_update():
            Page.get_first_root_node().add_child(instance=translated)
    return translated


# --- Intake forms --------------------------------------------------------------------------------


def form_slug(case_type):
    return f"test-{case_type.replace('_', '-')}"


def form_fields(page, english_fields=None):
    case_type, language = page.case_type, page.locale.language_code
    fields = []
    for order, (key, field_type, required, label, choices) in enumerate(QUESTIONS[case_type]):
        field = IntakeFormField(
            page=page,
            sort_order=order,
            clean_name=key,
            field_type=field_type,
            role=ROLES.get(key, Role.NONE),
            label=label[language],
            required=required,
            choice_options=[("choice", {"key": choice, "label": text[language]}) for choice, text in choices],
            locale=locale(language),
        )
        if english_fields is not None:
            field.translation_key = english_fields[key].translation_key
        fields.append(field)
    return fields


def intake_form(case_type="persecution", language="en"):
    """The builders' published intake form of ``case_type`` in ``language``, made on first use: the
    English source first, then the translation asked for (same translation key and answer keys)."""
    english_home_page = english_home()
    english = IntakeFormPage.objects.child_of(english_home_page).filter(slug=form_slug(case_type)).first()
    if english is None:
        english = new_form_page(english_home_page, case_type)
    if language == "en":
        return english
    translated = IntakeFormPage.objects.filter(
        translation_key=english.translation_key, locale__language_code=language
    ).first()
    return translated or new_form_page(home_page(language), case_type, english)


def new_form_page(home, case_type, english=None):
    """One language version of a form under ``home``. Questions are inserted in one query and
    Wagtail's reference index is not updated (no test reads it for these pages)."""
    language = home.locale.language_code
    page = IntakeFormPage(
        title=FORM_TITLES[case_type][language],
        slug=form_slug(case_type),
        case_type=case_type,
        intro="<p>" + FORM_TITLES[case_type][language] + "</p>",
        locale=home.locale,
    )
    english_fields = None
    if english is not None:
        page.translation_key = english.translation_key
        english_fields = {field.clean_name: field for field in english.form_fields.all()}
    with disable_reference_index_auto_update():
        home.add_child(instance=page)
        IntakeFormField.objects.bulk_create(form_fields(page, english_fields))
    return page


def all_intake_forms():
    """Every case type in every language: {(case_type, language): page}."""
    return {
        (case_type, language): intake_form(case_type, language) for case_type in CASE_TYPES for language in LANGUAGES
    }


# --- Cases ---------------------------------------------------------------------------------------


def make_case(case_type="persecution", language="en", files=(), **answers):
    """File one case as the intake form would (real validation, encryption, evidence storage and
    indexing). ``answers`` replace POST values by answer key, e.g. what_happened="..." or
    wechat_id="wxid_x", or one part of a composite question by its POST key
    (contact_preference_1=["wechat"]); ``files`` are evidence uploads (none by default)."""
    page = intake_form(case_type, language)
    posted = complete_answers(page, files=list(files))
    for field in page.get_form_fields():
        if field.clean_name in answers:
            for key in value_for(field):
                posted.pop(key, None)
            posted[field.clean_name] = answers[field.clean_name]
    # Keys of a composite question's parts (e.g. contact_preference_1) replace that part alone.
    posted.update({key: value for key, value in answers.items() if key in posted and key[-2:] in ("_0", "_1")})
    data, uploads = MultiValueDict(), MultiValueDict()
    for key, value in posted.items():
        if isinstance(value, list) and value and isinstance(value[0], SimpleUploadedFile):
            uploads.setlist(key, value)
        elif isinstance(value, list):
            data.setlist(key, value)
        elif value is not None:
            data[key] = value
    form = page.get_form(data, uploads, page=page, user=AnonymousUser())
    assert form.is_valid(), form.errors
    return file_case_from_form(page, form).case


def make_case_with_evidence(case_type="persecution", language="en", **answers):
    return make_case(case_type, language, files=evidence_files(), **answers)


def file_case(case_type="account_closure", language="en", **answers):
    """File one case by a real multipart POST to the form page (no evidence files, to stay fast);
    ``answers`` are extra POST fields, e.g. wallet_balance_frozen_0="99.90"."""
    page = intake_form(case_type, language)
    data = complete_answers(page, files=[])
    data.update(answers)
    before = set(Case.objects.values_list("pk", flat=True))
    response = Client().post(page.url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Case.objects.exclude(pk__in=before).get()


def copy_case(case, count):
    """``count`` more cases with the same answers and losses, each with its own reference and key."""
    copies = []
    for _index in range(count):
        copy = Case(
            case_type=case.case_type,
            language=case.language,
            form_page_id=case.form_page_id,
            form_translation_key=case.form_translation_key,
            evidence_count=case.evidence_count,
            receipt_code_hash=f"copy-{case.pk}-{len(copies)}-{Case.objects.count()}",
        )
        copy.create_data_key()
        copy.set_answers(case.answers, case.questions_as_seen)
        copy.save()
        ReportedLoss.objects.bulk_create(
            ReportedLoss(case=copy, question_key=loss.question_key, currency=loss.currency, amount=loss.amount)
            for loss in case.reported_losses.all()
        )
        copies.append(copy)
    return copies


def set_answer(case, key, value):
    """Store an answer as if the claimant had typed it (for values a form would normalise away)."""
    answers = dict(case.answers)
    answers[key] = value
    case.set_answers(answers, case.questions_as_seen)
    case.save(update_fields=["sealed_answers"])


# --- Staff ---------------------------------------------------------------------------------------


def staff(username, group_name=None, **extra):
    """A user in one of the staff groups the migrations create (Reviewers, Case managers,
    Communications), or in none."""
    user = get_user_model().objects.create_user(username=username, password=PASSWORD, **extra)
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user
