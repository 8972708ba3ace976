"""Demo question sets of the four intake forms, in English, Simplified and Traditional Chinese.

Data only: the seeder turns FORMS into Wagtail form pages. The clean_name of a field keys its stored
answers forever, so never rename one; the same concept uses the same clean_name in every form.
An English string always has one translation, so texts used in several forms are module constants.
"""

import copy

from home.demo.text import Text


def _field(clean_name, field_type, label, help_text=None, required=False, choices=None):
    field = {
        "clean_name": clean_name,
        "field_type": field_type,
        "label": label,
        "help_text": help_text,
        "required": required,
    }
    if choices is not None:
        field["choices"] = choices
    return field


# --- Shared choices -------------------------------------------------------------------------------

OTHER = Text("Other", "其他", "其他")
UNSURE = Text("I am not sure", "我不确定", "我不確定")
YES = Text("Yes", "是", "是")
NO = Text("No", "否", "否")

# --- Shared intro, evidence and next-step paragraphs ----------------------------------------------

INTRO_TIME_AND_SAFETY = Text(
    "It takes about 5 to 10 minutes. Only a few questions are required. Answer only what feels safe for you: "
    "you can leave anything else blank, and we can talk more later.",
    "填写大约需要5到10分钟。只有少数问题是必答的。请只回答您觉得安全的问题，其他都可以留空，以后我们可以再慢慢沟通。",
    "填寫大約需要5到10分鐘。只有少數問題是必答的。請只回答您覺得安全的問題，其他都可以留空，之後我們可以再慢慢溝通。",
)
INTRO_SAFE_DEVICE = Text(
    "If you can, fill it in on a phone or computer that nobody else checks, not on a work or shared device.",
    "如果可以，请使用别人不会检查的手机或电脑填写，不要使用工作用或与他人共用的设备。",
    "如果可以，請使用別人不會檢查的手機或電腦填寫，不要使用工作用或與他人共用的裝置。",
)
INTRO_ESTIMATES = Text(
    "Approximate dates and amounts are fine. If your case is selected, we will ask you for exact figures and "
    "documents later.",
    "日期和金额填大概的就可以。如果您的案件入选，我们之后会再请您提供确切的数字和文件。",
    "日期和金額填大概的就可以。如果您的案件獲選，我們之後會再請您提供確切的數字和文件。",
)

EVIDENCE_KEEP_ORIGINALS = Text(
    "Never send your only copy of anything. Upload copies or photos, and keep the originals somewhere safe.",
    "请不要把唯一的一份材料发给我们。请上传副本或照片，原件请妥善保管。",
    "請不要把唯一的一份資料傳給我們。請上傳副本或照片，正本請妥善保管。",
)
EVIDENCE_WATERMARKS = Text(
    "Screenshots from WeChat can carry hidden watermarks that identify the account, and sometimes the phone, they "
    "came from. If you or your family could be at risk, think about this before uploading. You can also simply tell "
    "us what you have, and we will find a safer way later.",
    "微信截图可能带有隐藏水印，能识别出截图来自哪个帐号，有时甚至能识别出是哪部手机。如果您或您的家人可能因此面临风险，"
    "上传前请慎重考虑。您也可以只告诉我们您手上有哪些材料，之后我们再想更安全的办法。",
    "微信截圖可能帶有隱藏浮水印，能辨識出截圖來自哪個帳號，有時甚至能辨識出是哪支手機。如果您或您的家人可能因此面臨風險，"
    "上傳前請審慎考慮。您也可以只告訴我們您手上有哪些資料，之後我們再想更安全的辦法。",
)

NEXT_STEPS = [
    Text(
        "Our staff read every case carefully. We cannot take every case into the class action, so we select those "
        "with the best chance of success.",
        "我们的工作人员会认真阅读每一个案件。我们无法把所有案件都纳入集体诉讼，因此会挑选胜诉机会最大的案件。",
        "我們的工作人員會仔細閱讀每一個案件。我們無法把所有案件都納入集體訴訟，因此會挑選勝訴機會最大的案件。",
    ),
    Text(
        "If your case is selected, we will contact you, only in the ways you said are safe, to ask for more details "
        "and evidence. We will never contact you through WeChat.",
        "如果您的案件入选，我们只会通过您认为安全的方式联系您，请您提供更多细节和证据。我们绝不会通过微信联系您。",
        "如果您的案件獲選，我們只會透過您認為安全的方式聯絡您，請您提供更多細節和證據。我們絕不會透過微信聯絡您。",
    ),
    Text(
        "If we do not contact you, your information still stays confidential. You can ask us at any time to correct "
        "or delete it.",
        "即使我们没有联系您，您的信息也会保密。您可以随时要求我们更正或删除您的信息。",
        "即使我們沒有聯絡您，您的資訊也會保密。您可以隨時要求我們更正或刪除您的資訊。",
    ),
]

THANK_YOU = Text(
    "Thank you for your trust. We have received your case and will review it carefully.",
    "感谢您的信任。我们已经收到您的案件，会认真审阅。",
    "感謝您的信任。我們已經收到您的案件，會仔細審閱。",
)

# --- Shared help texts ----------------------------------------------------------------------------

APPROXIMATE_DATE_FINE = Text("An approximate date is fine.", "大概的日期也可以。", "大概的日期也可以。")
LEAVE_BLANK_IF_NOT_APPLICABLE = Text(
    "Leave blank if this does not apply.",
    "如不适用，请留空。",
    "如不適用，請留空。",
)

# --- Fields used in several forms -----------------------------------------------------------------

COUNTRY_OF_RESIDENCE = _field(
    "country_of_residence",
    "dropdown",
    Text("Where do you live now?", "您现在住在哪里？", "您現在住在哪裡？"),
    Text(
        "This helps us work out which laws apply and how to contact you safely.",
        "这有助于我们判断适用哪些法律，以及怎样安全地联系您。",
        "這有助於我們判斷適用哪些法律，以及怎樣安全地聯絡您。",
    ),
    required=True,
    choices=[
        ("cn", Text("Mainland China", "中国大陆", "中國大陸")),
        ("hk", Text("Hong Kong", "香港", "香港")),
        ("mo", Text("Macau", "澳门", "澳門")),
        ("tw", Text("Taiwan", "台湾", "台灣")),
        ("us", Text("United States", "美国", "美國")),
        ("ca", Text("Canada", "加拿大", "加拿大")),
        ("uk", Text("United Kingdom", "英国", "英國")),
        ("au", Text("Australia", "澳大利亚", "澳洲")),
        ("eu", Text("A European Union country", "欧盟国家", "歐盟國家")),
        ("other", OTHER),
    ],
)

WECHAT_ID = _field(
    "wechat_id",
    "singleline",
    Text("WeChat ID", "微信号", "微信號"),
    Text(
        "Optional. Used only to link related cases, and stored encrypted. Leave it blank if you are not comfortable "
        "sharing it.",
        "选填。仅用于把相关的案件联系起来，并会加密保存。如果您不放心，可以不填。",
        "選填。僅用於把相關的案件串連起來，並會加密儲存。如果您不放心，可以不填。",
    ),
)

WHAT_EXPERIENCED_LABEL = Text(
    "What did you experience? Tick all that apply.",
    "您经历了哪些情况？（可多选）",
    "您經歷了哪些情況？（可複選）",
)

WHAT_HAPPENED_LABEL = Text(
    "What happened? Please describe it in your own words.",
    "发生了什么事？请用您自己的话描述。",
    "發生了什麼事？請用您自己的話描述。",
)

TRIGGER_CONTENT = _field(
    "trigger_content",
    "multiline",
    Text(
        "What content on WeChat do you believe led to this?",
        "您认为是微信上的哪些内容导致了这件事？",
        "您認為是微信上的哪些內容導致了這件事？",
    ),
    Text(
        "For example a Moments post, a message in a group or private chat, or an article you shared. Describe it "
        "briefly; you do not need to repeat anything that could put you or others at risk.",
        "例如一条朋友圈、群聊或私聊中的一条消息，或您转发的一篇文章。简单描述即可，可能给您或他人带来危险的内容不必重复。",
        "例如一則朋友圈貼文、群組或私人聊天中的一則訊息，或您轉傳的一篇文章。簡單描述即可，可能為您或他人帶來危險的內容不必重述。",
    ),
)

INCIDENT_PERIOD = _field(
    "incident_period",
    "date_range",
    Text("When did this happen?", "这件事是什么时候发生的？", "這件事是什麼時候發生的？"),
    Text(
        "When it started and, if it is over, when it ended. Approximate dates are fine.",
        "请填写开始的日期；如果已经结束，也请填写结束的日期。大概的日期也可以。",
        "請填寫開始的日期；如果已經結束，也請填寫結束的日期。大概的日期也可以。",
    ),
)

OTHERS_AFFECTED = _field(
    "others_affected",
    "radio",
    Text(
        "Do you know of other people affected in the same way?",
        "您是否知道还有其他人受到同样的对待？",
        "您是否知道還有其他人受到同樣的對待？",
    ),
    Text(
        "For example other members of the same group chat. You do not need to name them here.",
        "例如同一个群里的其他成员。这里不需要写出他们的名字。",
        "例如同一個群組裡的其他成員。這裡不需要寫出他們的名字。",
    ),
    choices=[("yes", YES), ("no", NO), ("unsure", UNSURE)],
)

LOST_CONTACTS = _field(
    "lost_contacts",
    "number",
    Text("About how many contacts did you lose?", "您大约失去了多少联系人？", "您大約失去了多少聯絡人？"),
    Text(
        "Friends, customers or followers you can no longer reach. An estimate is fine.",
        "包括无法再联系上的好友、客户或粉丝。估计的数字就可以。",
        "包括無法再聯絡上的好友、客戶或粉絲。估計的數字就可以。",
    ),
)

EVIDENCE = _field(
    "evidence",
    "evidence",
    Text("Evidence files", "证据文件", "證據檔案"),
    Text(
        "Optional. You can upload several files: images, PDFs, text, audio or video. Please read the advice on this "
        "page before uploading.",
        "选填。可以上传多个文件，包括图片、PDF、文本、音频或视频。上传前请先阅读本页的相关提示。",
        "選填。可以上傳多個檔案，包括圖片、PDF、文字檔、音訊或影片。上傳前請先閱讀本頁的相關提示。",
    ),
)

# --- Contact, consent and attestation block, identical at the end of every form -----------------

CLOSING_FIELDS = [
    _field(
        "contact_name",
        "singleline",
        Text("Name or pseudonym we may use", "我们可以怎么称呼您（真名或化名）", "我們可以怎麼稱呼您（真名或化名）"),
        Text(
            "Optional. A pseudonym is fine; we use it only when we write to you.",
            "选填。用化名也可以，我们只在联系您时使用。",
            "選填。用化名也可以，我們只在聯絡您時使用。",
        ),
    ),
    _field(
        "contact_email",
        "email",
        Text("Email address", "电子邮箱", "電子郵件地址"),
        Text(
            "Optional. If you can, use an email service based outside mainland China (not QQ Mail, 163 or similar).",
            "选填。如果可以，请使用中国大陆以外的邮箱服务（不要用QQ邮箱、163邮箱等）。",
            "選填。如果可以，請使用中國大陸以外的電子郵件服務（不要用QQ郵箱、163郵箱等）。",
        ),
    ),
    _field(
        "contact_phone",
        "singleline",
        Text("Phone number", "电话号码", "電話號碼"),
        Text(
            "Optional. Please include the country code, for example +852 or +1. Please do not enter a mainland China "
            "(+86) number: we will never call or text one.",
            "选填。请加上国家或地区代码，例如+852或+1。请不要填写中国大陆（+86）的号码，我们绝不会拨打这类号码，也不会向这类号码发短信。",
            "選填。請加上國碼或地區碼，例如+852或+1。請不要填寫中國大陸（+86）的號碼，我們絕不會撥打這類號碼，也不會傳簡訊到這類號碼。",
        ),
    ),
    _field(
        "contact_signal",
        "singleline",
        Text("Signal username or phone number", "Signal用户名或电话号码", "Signal使用者名稱或電話號碼"),
        Text(
            "Optional. Signal is end-to-end encrypted and is the safest way for us to reach you.",
            "选填。Signal采用端到端加密，是我们联系您最安全的方式。",
            "選填。Signal採用端對端加密，是我們聯絡您最安全的方式。",
        ),
    ),
    _field(
        "contact_preference",
        "contact_preference",
        Text("How may we contact you safely?", "我们怎样联系您才安全？", "我們怎樣聯絡您才安全？"),
        Text(
            "Choose only the ways that are safe for you. We will never contact you through WeChat or on a mainland "
            "China phone number.",
            "请只选择对您安全的方式。我们绝不会通过微信或中国大陆的电话号码联系您。",
            "請只選擇對您安全的方式。我們絕不會透過微信或中國大陸的電話號碼聯絡您。",
        ),
        required=True,
    ),
    _field(
        "consent_processing",
        "consent",
        Text(
            "I agree that you may use the information in this form to assess my case.",
            "我同意你们使用本表格中的信息来评估我的案件。",
            "我同意你們使用本表單中的資訊來評估我的案件。",
        ),
        Text(
            "This box must be ticked: without it we cannot look at your case. Your answers are stored encrypted and "
            "are read only by our case review staff.",
            "这一项必须勾选，否则我们无法审阅您的案件。您的回答会加密保存，只有负责审核案件的工作人员可以阅读。",
            "這一項必須勾選，否則我們無法審閱您的案件。您的回答會加密儲存，只有負責審核案件的工作人員可以閱讀。",
        ),
        required=True,
    ),
    _field(
        "consent_share_counsel",
        "consent",
        Text(
            "I agree that you may share my case with the lawyers bringing the class action.",
            "我同意你们把我的案件提供给代理这起集体诉讼的律师。",
            "我同意你們把我的案件提供給代理這起集體訴訟的律師。",
        ),
        Text(
            "Optional. The lawyers are bound by professional confidentiality. If you do not tick this, we will ask "
            "you before sharing anything.",
            "选填。律师负有职业保密义务。如果您不勾选，我们在分享任何内容之前都会先征求您的同意。",
            "選填。律師負有職業保密義務。如果您不勾選，我們在分享任何內容之前都會先徵求您的同意。",
        ),
    ),
    _field(
        "consent_named_plaintiff",
        "consent",
        Text(
            "I agree that you may contact me about becoming a named plaintiff or a witness.",
            "我同意你们就担任具名原告或证人一事与我联系。",
            "我同意你們就擔任具名原告或證人一事與我聯絡。",
        ),
        Text(
            "Optional. A named plaintiff or witness may have to be identified in court. Ticking this only means you "
            "are willing to talk about it; you can still say no later.",
            "选填。具名原告或证人可能需要在法庭上公开身份。勾选这一项只表示您愿意和我们谈一谈，之后您仍然可以拒绝。",
            "選填。具名原告或證人可能需要在法庭上公開身分。勾選這一項只表示您願意和我們談一談，之後您仍然可以拒絕。",
        ),
    ),
    _field(
        "consent_statistics",
        "consent",
        Text(
            "I agree that you may use my answers in anonymised statistics.",
            "我同意你们将我的回答用于匿名统计。",
            "我同意你們將我的回答用於匿名統計。",
        ),
        Text(
            "Optional. Statistics never include names, account IDs or other details that could identify you.",
            "选填。统计数据绝不会包含姓名、帐号或其他可能识别出您身份的信息。",
            "選填。統計資料絕不會包含姓名、帳號或其他可能辨識出您身分的資訊。",
        ),
    ),
    _field(
        "consent_keep_original",
        "consent",
        Text(
            "I agree that you may keep my original evidence files, encrypted, for the lawyers.",
            "我同意你们加密保存我的原始证据文件，供律师使用。",
            "我同意你們加密儲存我的原始證據檔案，供律師使用。",
        ),
        Text(
            "Optional. Originals can show when, where and on which device they were made: this may help your case "
            "but could identify you. Without this, we keep only copies with that data removed, and cannot accept a "
            "recording we are unable to clean.",
            "选填。原始文件可能显示它是在什么时间、什么地点、用哪台设备生成的：这可能有助于您的案件，但也可能暴露您的身份。"
            "如果不勾选，我们只保留去除了这些数据的副本，也无法接收我们无法清理的录音或视频。",
            "選填。原始檔案可能顯示它是在什麼時間、什麼地點、用哪台裝置產生的：這可能有助於您的案件，但也可能暴露您的身分。"
            "如果不勾選，我們只保留移除了這些資料的副本，也無法接收我們無法清理的錄音或影片。",
        ),
    ),
    _field(
        "attestation",
        "attestation",
        Text(
            "I confirm that the information I have given is true to the best of my knowledge.",
            "我确认，据我所知，我提供的信息真实无误。",
            "我確認，據我所知，我提供的資訊真實無誤。",
        ),
        Text(
            "Please type your full real name below. A pseudonym is not acceptable here, because the lawyers may need "
            "to rely on this statement. Your name is stored encrypted and is seen only by the case team.",
            "请在下方输入您的真实全名。这里不能使用化名，因为律师可能需要以这份声明为依据。您的姓名会加密保存，只有案件团队能够看到。",
            "請在下方輸入您的真實全名。這裡不能使用化名，因為律師可能需要以這份聲明為依據。您的姓名會加密儲存，只有案件團隊能夠看到。",
        ),
        required=True,
    ),
]

# --- Persecution ------------------------------------------------------------------------------------

PERSECUTION = {
    "case_type": "persecution",
    "slug": "persecution",
    "title": Text(
        "Persecution caused by WeChat censorship or surveillance",
        "因微信审查或监控而遭受的迫害",
        "因微信審查或監控而遭受的迫害",
    ),
    "intro": [
        Text(
            "This form is for people who were harassed, questioned, punished, detained or otherwise persecuted "
            "because of something they said, shared or received on WeChat, and for their family members.",
            "本表格适用于因在微信上发言、转发或收到某些内容，而遭到骚扰、盘问、处分、拘留或其他迫害的人，以及他们的家人。",
            "本表單適用於因在微信上發言、轉傳或收到某些內容，而遭到騷擾、盤問、處分、拘留或其他迫害的人，以及他們的家人。",
        ),
        INTRO_TIME_AND_SAFETY,
        INTRO_SAFE_DEVICE,
    ],
    "evidence_help": [
        Text(
            "Useful evidence includes screenshots of the WeChat content involved, summons or detention notices, "
            "release papers, court documents, letters of dismissal or discipline, medical records, and receipts for "
            "costs you paid. Photos of paper documents are fine.",
            "有用的证据包括：相关微信内容的截图、传唤证或拘留通知书、释放证明、法院文书、解聘或处分通知、病历，"
            "以及您支付各项费用的收据。纸质文件拍照即可。",
            "有用的證據包括：相關微信內容的截圖、傳喚證或拘留通知書、釋放證明、法院文書、解聘或處分通知、病歷，"
            "以及您支付各項費用的收據。紙本文件拍照即可。",
        ),
        EVIDENCE_KEEP_ORIGINALS,
        EVIDENCE_WATERMARKS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        COUNTRY_OF_RESIDENCE,
        _field(
            "what_happened",
            "multiline",
            Text("What happened to you?", "您遭遇了什么？", "您遭遇了什麼？"),
            Text(
                "In your own words: what was done, by whom (for example police, state security, your employer or the "
                "neighbourhood committee) and why you think it happened. A few sentences are enough. If you are "
                "filling this in for a family member, please say so.",
                "请用自己的话说明：发生了什么事，是谁做的（例如警察、国安、工作单位或居委会），以及您认为原因是什么。"
                "写几句话就可以。如果您是替家人填写，请注明。",
                "請用自己的話說明：發生了什麼事，是誰做的（例如警察、國安、工作單位或居委會），以及您認為原因是什麼。"
                "寫幾句話就可以。如果您是替家人填寫，請註明。",
            ),
            required=True,
        ),
        _field(
            "consequences",
            "checkboxes",
            WHAT_EXPERIENCED_LABEL,
            required=True,
            choices=[
                ("harassment", Text("Harassment or threats", "骚扰或威胁", "騷擾或威脅")),
                (
                    "tea_drinking",
                    Text(
                        "Being “invited for tea” (informal questioning by police or state security)",
                        "被“喝茶”（警察或国安的非正式约谈）",
                        "被「喝茶」（警察或國安的非正式約談）",
                    ),
                ),
                ("police_summons", Text("Police summons", "被警方传唤", "被警方傳喚")),
                (
                    "forced_relocation",
                    Text("Forced to move or leave your home town", "被迫搬家或离开家乡", "被迫搬家或離開家鄉"),
                ),
                ("job_loss", Text("Loss of job or work", "失去工作", "失去工作")),
                (
                    "party_discipline",
                    Text("Party or workplace discipline", "党纪处分或单位处分", "黨紀處分或單位處分"),
                ),
                (
                    "detention",
                    Text(
                        "Detention (including administrative detention or “residential surveillance”)",
                        "被拘留（包括行政拘留、指定居所监视居住）",
                        "被拘留（包括行政拘留、指定居所監視居住）",
                    ),
                ),
                ("arrest", Text("Formal arrest", "被正式逮捕", "被正式逮捕")),
                ("sentencing", Text("Prosecution or criminal sentence", "被起诉或判刑", "被起訴或判刑")),
                ("torture", Text("Torture or physical abuse", "酷刑或身体虐待", "酷刑或身體虐待")),
                ("family_pressure", Text("Pressure on your family", "家人受到施压", "家人受到施壓")),
                ("other", OTHER),
            ],
        ),
        TRIGGER_CONTENT,
        _field(
            "wechat_involvement",
            "checkboxes",
            Text(
                "How do you believe WeChat was involved? Tick all that apply.",
                "您认为微信在其中起了什么作用？（可多选）",
                "您認為微信在其中起了什麼作用？（可複選）",
            ),
            choices=[
                (
                    "content_shown_by_police",
                    Text(
                        "Police or officials showed me or quoted my WeChat content",
                        "警察或官员向我出示或念出了我的微信内容",
                        "警察或官員向我出示或唸出了我的微信內容",
                    ),
                ),
                (
                    "private_content_known",
                    Text(
                        "They knew about private chats that nobody else could have seen",
                        "他们知道一些别人不可能看到的私聊内容",
                        "他們知道一些別人不可能看到的私人聊天內容",
                    ),
                ),
                (
                    "message_reported",
                    Text(
                        "Someone in a chat or group reported me",
                        "聊天或群里有人举报了我",
                        "聊天或群組裡有人檢舉了我",
                    ),
                ),
                (
                    "account_flagged",
                    Text(
                        "My account was warned, restricted or banned around the same time",
                        "差不多同一时间，我的帐号被警告、限制或封禁",
                        "差不多同一時間，我的帳號被警告、限制或封鎖",
                    ),
                ),
                ("unsure", UNSURE),
                ("other", OTHER),
            ],
        ),
        INCIDENT_PERIOD,
        _field(
            "incident_location",
            "singleline",
            Text("Where did it happen?", "在哪里发生的？", "在哪裡發生的？"),
            Text(
                "City and province are enough, for example Chengdu, Sichuan.",
                "写城市和省份就可以，例如：四川成都。",
                "寫城市和省份就可以，例如：四川成都。",
            ),
        ),
        _field(
            "detention_period",
            "date_range",
            Text(
                "If you were detained or imprisoned, from when to when?",
                "如果您曾被拘留或关押，是从什么时候到什么时候？",
                "如果您曾被拘留或關押，是從什麼時候到什麼時候？",
            ),
            Text(
                "Leave blank if this does not apply. If it happened more than once, give the longest period and "
                "describe the others above.",
                "如不适用，请留空。如果不止一次，请填写最长的一次，其他的请在上面说明。",
                "如不適用，請留空。如果不只一次，請填寫最長的一次，其他的請在上面說明。",
            ),
        ),
        _field(
            "ongoing_danger",
            "radio",
            Text(
                "Are you or your family still at risk?",
                "您或您的家人现在还有危险吗？",
                "您或您的家人現在還有危險嗎？",
            ),
            Text(
                "This helps us decide how carefully and how urgently to contact you.",
                "这能帮助我们决定以多谨慎、多紧急的方式联系您。",
                "這能幫助我們決定以多謹慎、多緊急的方式聯絡您。",
            ),
            choices=[
                ("danger_now", Text("Yes, we are in danger now", "是的，现在就有危险", "是的，現在就有危險")),
                (
                    "still_watched",
                    Text("Still under pressure or being watched", "仍然受到施压或监视", "仍然受到施壓或監視"),
                ),
                ("not_any_more", Text("No, not any more", "没有了，已经过去了", "沒有了，已經過去了")),
                ("unsure", UNSURE),
            ],
        ),
        _field(
            "impact",
            "multiline",
            Text(
                "How has this affected your life?",
                "这件事对您的生活造成了什么影响？",
                "這件事對您的生活造成了什麼影響？",
            ),
            Text(
                "For example your health, work, family, studies or where you live.",
                "例如对您的健康、工作、家庭、学业或居住地的影响。",
                "例如對您的健康、工作、家庭、學業或居住地的影響。",
            ),
        ),
        _field(
            "lost_income",
            "money",
            Text("Income you lost because of this", "您因此损失的收入", "您因此損失的收入"),
            Text(
                "An estimate is fine. Choose the currency you were paid in.",
                "估计的数字就可以。请选择您收入所用的货币。",
                "估計的數字就可以。請選擇您收入所用的貨幣。",
            ),
        ),
        _field(
            "medical_legal_costs",
            "money",
            Text(
                "Medical, legal or other costs you had to pay",
                "您不得不支付的医疗、法律或其他费用",
                "您不得不支付的醫療、法律或其他費用",
            ),
            Text(
                "For example treatment, lawyers' fees, bail, or the cost of moving home. An estimate is fine.",
                "例如治疗费、律师费、取保候审保证金或搬家费用。估计的数字就可以。",
                "例如治療費、律師費、取保候審保證金或搬家費用。估計的數字就可以。",
            ),
        ),
        OTHERS_AFFECTED,
        WECHAT_ID,
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# --- Account closure ------------------------------------------------------------------------------

ACCOUNT_CLOSURE = {
    "case_type": "account_closure",
    "slug": "account-closure",
    "title": Text(
        "Financial loss from a closed WeChat account",
        "微信帐号被封造成的经济损失",
        "微信帳號被封造成的經濟損失",
    ),
    "intro": [
        Text(
            "This form is for people and businesses who lost money because WeChat closed, banned or restricted an "
            "account for an “improper statement”, “sensitive information” or a similar reason: for example a frozen "
            "WeChat Pay balance, an official account that can no longer receive tips, a mini-program that stopped "
            "doing business, or lost business contacts.",
            "本表格适用于因微信以“不当言论”“敏感信息”或类似理由封禁、关闭或限制帐号而蒙受经济损失的个人和商家，"
            "例如微信支付余额被冻结、公众号无法再收到赞赏、小程序无法继续营业，或失去了生意上的联系人。",
            "本表單適用於因微信以「不當言論」、「敏感資訊」或類似理由封鎖、關閉或限制帳號而蒙受經濟損失的個人和商家，"
            "例如微信支付餘額被凍結、公眾號無法再收到讚賞、小程式無法繼續營業，或失去了生意上的聯絡人。",
        ),
        INTRO_TIME_AND_SAFETY,
        INTRO_ESTIMATES,
    ],
    "evidence_help": [
        Text(
            "Useful evidence includes screenshots of the ban notice and of your frozen balance, your appeal and "
            "WeChat's reply, records of tips or mini-program sales before the ban, bank statements, and anything that "
            "shows how many followers or customers the account had.",
            "有用的证据包括：封号通知和被冻结余额的截图、您的申诉和微信的回复、封号前的赞赏或小程序销售记录、银行流水，"
            "以及任何能显示该帐号有多少粉丝或客户的材料。",
            "有用的證據包括：封號通知和被凍結餘額的截圖、您的申訴和微信的回覆、封號前的讚賞或小程式銷售紀錄、銀行對帳單，"
            "以及任何能顯示該帳號有多少粉絲或客戶的資料。",
        ),
        EVIDENCE_KEEP_ORIGINALS,
        EVIDENCE_WATERMARKS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        COUNTRY_OF_RESIDENCE,
        _field(
            "account_kinds",
            "checkboxes",
            Text(
                "Which accounts were affected? Tick all that apply.",
                "哪些帐号受到了影响？（可多选）",
                "哪些帳號受到了影響？（可複選）",
            ),
            required=True,
            choices=[
                ("personal", Text("Personal WeChat account", "个人微信帐号", "個人微信帳號")),
                ("official_account", Text("Official account", "公众号", "公眾號")),
                ("mini_program", Text("Mini-program", "小程序", "小程式")),
                ("wechat_pay_merchant", Text("WeChat Pay merchant account", "微信支付商户号", "微信支付商戶號")),
                ("wechat_work", Text("WeCom (WeChat Work) account", "企业微信帐号", "企業微信帳號")),
                ("other", OTHER),
            ],
        ),
        _field(
            "business_account_name",
            "singleline",
            Text(
                "Name of the official account, mini-program or shop, if any",
                "公众号、小程序或店铺的名称（如有）",
                "公眾號、小程式或店鋪的名稱（如有）",
            ),
            Text(
                "Optional. It helps us check the account's history.",
                "选填。这有助于我们核实帐号的情况。",
                "選填。這有助於我們核實帳號的情況。",
            ),
        ),
        WECHAT_ID,
        _field(
            "what_happened",
            "multiline",
            WHAT_HAPPENED_LABEL,
            Text(
                "For example what the account was used for, what notice you received and what you tried afterwards. "
                "A few sentences are enough.",
                "例如这个帐号平时用来做什么、您收到了什么通知，以及之后您做了哪些尝试。写几句话就可以。",
                "例如這個帳號平時用來做什麼、您收到了什麼通知，以及之後您做了哪些嘗試。寫幾句話就可以。",
            ),
            required=True,
        ),
        _field(
            "ban_date",
            "date",
            Text(
                "When was the account closed or restricted?",
                "帐号是什么时候被封或被限制的？",
                "帳號是什麼時候被封或被限制的？",
            ),
            APPROXIMATE_DATE_FINE,
        ),
        _field(
            "ban_duration",
            "radio",
            Text("Is the ban permanent or temporary?", "封禁是永久的还是暂时的？", "封鎖是永久的還是暫時的？"),
            choices=[
                ("permanent", Text("Permanent", "永久封禁", "永久封鎖")),
                (
                    "temporary_ongoing",
                    Text("Temporary, but still in force", "暂时封禁，但目前仍未解除", "暫時封鎖，但目前仍未解除"),
                ),
                ("temporary_lifted", Text("Temporary, and now lifted", "暂时封禁，现已解除", "暫時封鎖，現已解除")),
                (
                    "functions_restricted",
                    Text(
                        "Some functions restricted (for example payments, posting or tips)",
                        "部分功能被限制（例如支付、发布内容或赞赏）",
                        "部分功能被限制（例如支付、發布內容或讚賞）",
                    ),
                ),
                ("unsure", UNSURE),
            ],
        ),
        _field(
            "ban_period",
            "date_range",
            Text(
                "If the account was later restored, how long was it closed?",
                "如果帐号后来恢复了，被封了多长时间？",
                "如果帳號後來恢復了，被封了多長時間？",
            ),
            Text(
                "From the day it was closed to the day it was restored. Leave blank if it has not been restored.",
                "从被封的那天到恢复的那天。如果还没有恢复，请留空。",
                "從被封的那天到恢復的那天。如果還沒有恢復，請留空。",
            ),
        ),
        _field(
            "stated_reason",
            "radio",
            Text("What reason did WeChat give?", "微信给出的理由是什么？", "微信給出的理由是什麼？"),
            Text(
                "If you still have the notice, you can upload a screenshot below.",
                "如果您还保留着通知，可以在下方上传截图。",
                "如果您還保留著通知，可以在下方上傳截圖。",
            ),
            choices=[
                ("improper_statement", Text("Improper statements", "发布不当言论", "發布不當言論")),
                ("sensitive_information", Text("Sensitive information", "涉及敏感信息", "涉及敏感資訊")),
                ("rumours", Text("Spreading rumours", "传播谣言", "散播謠言")),
                (
                    "rules_violation",
                    Text("A general breach of the WeChat rules", "违反微信使用规范", "違反微信使用規範"),
                ),
                ("none_given", Text("No reason was given", "没有给出任何理由", "沒有給出任何理由")),
                ("other", OTHER),
            ],
        ),
        TRIGGER_CONTENT,
        _field(
            "wallet_balance_frozen",
            "money",
            Text(
                "WeChat Pay balance that was frozen or lost",
                "被冻结或损失的微信支付余额",
                "被凍結或損失的微信支付餘額",
            ),
            Text(
                "Include your Wallet balance and any funds held in a merchant account. An estimate is fine.",
                "包括零钱、零钱通以及商户号中的资金。估计的数字就可以。",
                "包括零錢、零錢通以及商戶號中的資金。估計的數字就可以。",
            ),
        ),
        _field(
            "lost_revenue",
            "money",
            Text(
                "Tips, sales or other income you lost", "损失的赞赏、销售额或其他收入", "損失的讚賞、銷售額或其他收入"
            ),
            Text(
                "For example tips on an official account, mini-program sales, or income from customers you can no "
                "longer reach. An estimate is fine.",
                "例如公众号的赞赏、小程序的销售收入，或因联系不上客户而失去的收入。估计的数字就可以。",
                "例如公眾號的讚賞、小程式的銷售收入，或因聯絡不上客戶而失去的收入。估計的數字就可以。",
            ),
        ),
        _field(
            "business_impact",
            "multiline",
            Text(
                "How did this affect your business or work?",
                "这对您的生意或工作造成了什么影响？",
                "這對您的生意或工作造成了什麼影響？",
            ),
            Text(
                "For example followers or customers lost, orders you could not complete, or how many years you had "
                "spent building up the account.",
                "例如失去了多少粉丝或客户、有哪些订单无法完成，或者您为经营这个帐号花了多少年。",
                "例如失去了多少粉絲或客戶、有哪些訂單無法完成，或者您為經營這個帳號花了多少年。",
            ),
        ),
        LOST_CONTACTS,
        _field(
            "appeal_made",
            "radio",
            Text("Did you appeal to WeChat?", "您向微信申诉过吗？", "您向微信申訴過嗎？"),
            choices=[
                (
                    "yes_restored",
                    Text("Yes, and the account was restored", "申诉过，帐号已恢复", "申訴過，帳號已恢復"),
                ),
                ("yes_partly", Text("Yes, and part of it was restored", "申诉过，部分恢复了", "申訴過，部分恢復了")),
                (
                    "yes_rejected",
                    Text(
                        "Yes, but it was rejected or ignored",
                        "申诉过，但被驳回或没有回应",
                        "申訴過，但被駁回或沒有回應",
                    ),
                ),
                ("no", Text("No, I did not appeal", "没有申诉", "沒有申訴")),
            ],
        ),
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# --- Privacy violation or censorship --------------------------------------------------------------

PRIVACY_CENSORSHIP = {
    "case_type": "privacy_censorship",
    "slug": "privacy-censorship",
    "title": Text(
        "Harm or loss from WeChat privacy violations or censorship",
        "因微信侵犯隐私或审查而受到的伤害或损失",
        "因微信侵犯隱私或審查而受到的傷害或損失",
    ),
    "intro": [
        Text(
            "This form is for anyone who suffered distress or financial loss because WeChat exposed their private "
            "information or censored them: for example leaked private content, deleted posts, censored Moments, "
            "disbanded groups, blocked friend requests, messages that only the sender can see, disabled share "
            "buttons or closed accounts.",
            "本表格适用于因微信泄露隐私或进行审查，而在精神上或经济上受到损失的人，例如私人内容被泄露、帖子被删除、"
            "朋友圈被审查、群聊被解散、好友申请被拦截、发出的消息只有自己能看到、分享按钮被禁用或帐号被封。",
            "本表單適用於因微信洩露隱私或進行審查，而在精神上或經濟上受到損失的人，例如私人內容外洩、貼文被刪除、"
            "朋友圈被審查、群組被解散、好友邀請被攔截、傳出的訊息只有自己看得到、分享按鈕被停用或帳號被封。",
        ),
        Text(
            "If you were also questioned, detained or punished, please fill in the form for persecution cases "
            "as well.",
            "如果您还因此被盘问、拘留或处分，请同时填写“迫害”案件的表格。",
            "如果您還因此被盤問、拘留或處分，請同時填寫「迫害」案件的表單。",
        ),
        INTRO_TIME_AND_SAFETY,
    ],
    "evidence_help": [
        Text(
            "Useful evidence includes screenshots of deleted or blocked content and of any notice you received, "
            "screenshots showing that messages did not reach others, proof that private content was leaked (for "
            "example someone quoting it back to you), and receipts for treatment or counselling.",
            "有用的证据包括：被删除或被屏蔽内容的截图及您收到的通知、显示消息没有送达对方的截图、"
            "私人内容遭泄露的证明（例如有人向您复述了这些内容），以及治疗或心理咨询的收据。",
            "有用的證據包括：被刪除或被封鎖內容的截圖及您收到的通知、顯示訊息沒有送達對方的截圖、"
            "私人內容遭外洩的證明（例如有人向您複述了這些內容），以及治療或心理諮商的收據。",
        ),
        EVIDENCE_KEEP_ORIGINALS,
        EVIDENCE_WATERMARKS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        COUNTRY_OF_RESIDENCE,
        _field(
            "incident_kinds",
            "checkboxes",
            WHAT_EXPERIENCED_LABEL,
            required=True,
            choices=[
                (
                    "private_content_leaked",
                    Text(
                        "My private messages, photos or files were seen by others or leaked",
                        "我的私人消息、照片或文件被他人看到或泄露",
                        "我的私人訊息、照片或檔案被他人看到或外洩",
                    ),
                ),
                (
                    "posts_deleted",
                    Text("My posts or articles were deleted", "我的帖子或文章被删除", "我的貼文或文章被刪除"),
                ),
                (
                    "account_closed",
                    Text("My account was closed or banned", "我的帐号被封或被关闭", "我的帳號被封或被關閉"),
                ),
                (
                    "moments_censored",
                    Text(
                        "My Moments posts were hidden or censored",
                        "我的朋友圈被隐藏或审查",
                        "我的朋友圈被隱藏或審查",
                    ),
                ),
                (
                    "group_disbanded",
                    Text("A group chat I was in was disbanded", "我所在的群聊被解散", "我所在的群組被解散"),
                ),
                (
                    "friend_requests_blocked",
                    Text(
                        "Friend requests to or from me were blocked",
                        "我发出或收到的好友申请被拦截",
                        "我發出或收到的好友邀請被攔截",
                    ),
                ),
                (
                    "messages_only_sender_sees",
                    Text(
                        "My messages never arrived: only I could see them",
                        "我发的消息对方收不到，只有我自己能看到",
                        "我傳的訊息對方收不到，只有我自己看得到",
                    ),
                ),
                (
                    "share_button_disabled",
                    Text(
                        "Sharing of my article or link was disabled",
                        "我的文章或链接被禁止分享",
                        "我的文章或連結被禁止分享",
                    ),
                ),
                ("other", OTHER),
            ],
        ),
        _field(
            "what_happened",
            "multiline",
            WHAT_HAPPENED_LABEL,
            Text(
                "For example what was censored or leaked, who saw it, and how you found out. A few sentences are "
                "enough.",
                "例如哪些内容被审查或泄露、被谁看到了，以及您是怎么发现的。写几句话就可以。",
                "例如哪些內容被審查或外洩、被誰看到了，以及您是怎麼發現的。寫幾句話就可以。",
            ),
            required=True,
        ),
        TRIGGER_CONTENT,
        INCIDENT_PERIOD,
        _field(
            "effects",
            "checkboxes",
            Text(
                "How has this affected you? Tick all that apply.",
                "这对您造成了哪些影响？（可多选）",
                "這對您造成了哪些影響？（可複選）",
            ),
            choices=[
                ("anxiety_distress", Text("Anxiety, fear or distress", "焦虑、恐惧或痛苦", "焦慮、恐懼或痛苦")),
                (
                    "lost_relationships",
                    Text(
                        "Lost contact with family, friends or community",
                        "与家人、朋友或社群失去了联系",
                        "與家人、朋友或社群失去了聯繫",
                    ),
                ),
                (
                    "lost_work",
                    Text("Lost work, customers or income", "失去了工作、客户或收入", "失去了工作、客戶或收入"),
                ),
                (
                    "lost_data",
                    Text("Lost photos, chats or files", "丢失了照片、聊天记录或文件", "遺失了照片、聊天紀錄或檔案"),
                ),
                ("reputation", Text("Harm to my reputation", "名誉受损", "名譽受損")),
                (
                    "self_censorship",
                    Text(
                        "I now censor myself or avoid speaking",
                        "我现在会自我审查，不敢说话",
                        "我現在會自我審查，不敢說話",
                    ),
                ),
                ("other", OTHER),
            ],
        ),
        _field(
            "impact",
            "multiline",
            Text(
                "Tell us more about how this affected you",
                "请再多说说这件事对您的影响",
                "請再多說說這件事對您的影響",
            ),
            Text(
                "Optional. For example whether you needed medical or counselling help.",
                "选填。例如您是否因此需要就医或接受心理咨询。",
                "選填。例如您是否因此需要就醫或接受心理諮商。",
            ),
        ),
        _field(
            "financial_loss",
            "money",
            Text("Money you lost because of this", "您因此损失的金钱", "您因此損失的金錢"),
            Text(
                "For example lost income, the cost of treatment or counselling, or the cost of rebuilding an account. "
                "An estimate is fine.",
                "例如损失的收入、治疗或心理咨询费用，或重建帐号的费用。估计的数字就可以。",
                "例如損失的收入、治療或心理諮商費用，或重建帳號的費用。估計的數字就可以。",
            ),
        ),
        LOST_CONTACTS,
        _field(
            "group_members",
            "number",
            Text(
                "If a group was disbanded, about how many members did it have?",
                "如果有群聊被解散，这个群大约有多少人？",
                "如果有群組被解散，這個群組大約有多少人？",
            ),
            LEAVE_BLANK_IF_NOT_APPLICABLE,
        ),
        OTHERS_AFFECTED,
        WECHAT_ID,
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# --- Investor ---------------------------------------------------------------------------------------

INVESTOR = {
    "case_type": "investor",
    "slug": "investor",
    "title": Text("Investor losses in Tencent shares", "腾讯股票投资者的损失", "騰訊股票投資人的損失"),
    "intro": [
        Text(
            "This form is for people who bought Tencent shares (0700.HK in Hong Kong) or Tencent ADRs (TCEHY, traded "
            "over the counter in the United States), lost money, and believe Tencent hid the extent of its "
            "relationship with the Chinese government from investors.",
            "本表格适用于买入过腾讯股票（在香港上市的0700.HK）或腾讯美国存托凭证（在美国场外市场交易的TCEHY）、"
            "遭受了亏损，并认为腾讯向投资者隐瞒了其与中国政府之间关系的人。",
            "本表單適用於買進過騰訊股票（在香港上市的0700.HK）或騰訊美國存託憑證（在美國店頭市場交易的TCEHY）、"
            "蒙受了虧損，並認為騰訊向投資人隱瞞了其與中國政府之間關係的人。",
        ),
        INTRO_TIME_AND_SAFETY,
        INTRO_ESTIMATES,
    ],
    "evidence_help": [
        Text(
            "The most useful evidence is broker statements or trade confirmations showing each purchase and sale with "
            "dates, quantities and prices, and a recent statement showing what you still hold. PDF files downloaded "
            "from your broker are best.",
            "最有用的证据是券商的对账单或成交确认书，上面应显示每一笔买入和卖出的日期、数量和价格，"
            "以及一份显示您目前持仓的最新对账单。最好是从券商下载的PDF文件。",
            "最有用的證據是券商的對帳單或成交確認書，上面應顯示每一筆買進和賣出的日期、數量和價格，"
            "以及一份顯示您目前持股的最新對帳單。最好是從券商下載的PDF檔案。",
        ),
        Text(
            "For now you may black out your account number and address; we need only the dates, quantities and "
            "amounts.",
            "目前您可以先遮盖账户号码和地址，我们只需要日期、数量和金额。",
            "目前您可以先遮蓋帳戶號碼和地址，我們只需要日期、數量和金額。",
        ),
        EVIDENCE_KEEP_ORIGINALS,
    ],
    "next_steps": NEXT_STEPS,
    "thank_you": THANK_YOU,
    "fields": [
        COUNTRY_OF_RESIDENCE,
        _field(
            "securities_held",
            "checkboxes",
            Text(
                "Which Tencent securities did you hold? Tick all that apply.",
                "您持有过哪些腾讯证券？（可多选）",
                "您持有過哪些騰訊證券？（可複選）",
            ),
            required=True,
            choices=[
                (
                    "tcehy_adr",
                    Text(
                        "TCEHY: ADRs traded over the counter in the United States",
                        "TCEHY：在美国场外市场交易的美国存托凭证",
                        "TCEHY：在美國店頭市場交易的美國存託憑證",
                    ),
                ),
                (
                    "hk_0700",
                    Text(
                        "0700.HK: shares listed in Hong Kong", "0700.HK：在香港上市的股票", "0700.HK：在香港上市的股票"
                    ),
                ),
                (
                    "options_or_other",
                    Text(
                        "Options, funds or other securities linked to Tencent",
                        "与腾讯相关的期权、基金或其他证券",
                        "與騰訊相關的選擇權、基金或其他證券",
                    ),
                ),
            ],
        ),
        _field(
            "holding_type",
            "radio",
            Text("In whose name were they held?", "这些证券是以谁的名义持有的？", "這些證券是以誰的名義持有的？"),
            choices=[
                ("personal", Text("In my own name", "以我本人的名义", "以我本人的名義")),
                ("joint", Text("Jointly with someone else", "与他人联名持有", "與他人聯名持有")),
                (
                    "company_or_fund",
                    Text("Through a company, trust or fund", "通过公司、信托或基金", "透過公司、信託或基金"),
                ),
                (
                    "retirement",
                    Text("Through a pension or retirement account", "通过养老金或退休账户", "透過退休金或退休帳戶"),
                ),
            ],
        ),
        _field(
            "broker",
            "singleline",
            Text("Broker or bank you traded through", "您通过哪家券商或银行交易？", "您透過哪家券商或銀行交易？"),
            Text(
                "For example Interactive Brokers, Futu, HSBC or Charles Schwab.",
                "例如盈透证券、富途、汇丰或嘉信理财。",
                "例如盈透證券、富途、滙豐或嘉信理財。",
            ),
        ),
        _field(
            "purchase_period",
            "date_range",
            Text("When did you buy?", "您是什么时候买入的？", "您是什麼時候買進的？"),
            Text(
                "The dates of your first and last purchase. If you bought only once, enter the same date twice.",
                "请填写第一次和最后一次买入的日期。如果只买过一次，两个日期填同一天即可。",
                "請填寫第一次和最後一次買進的日期。如果只買過一次，兩個日期填同一天即可。",
            ),
        ),
        _field(
            "shares_bought",
            "number",
            Text(
                "How many shares or ADRs did you buy in total?",
                "您一共买入了多少股（或多少份存托凭证）？",
                "您一共買進了多少股（或多少單位存託憑證）？",
            ),
            Text(
                "Add up all your purchases. An estimate is fine for now.",
                "请把每次买入的数量加起来。目前填估计的数字就可以。",
                "請把每次買進的數量加起來。目前填估計的數字就可以。",
            ),
        ),
        _field(
            "purchase_amount",
            "money",
            Text("Total amount you paid", "您支付的总金额", "您支付的總金額"),
            Text(
                "Including fees, if you know them. Choose the currency of your trading account.",
                "如果知道的话，请包括手续费。请选择您交易账户使用的货币。",
                "如果知道的話，請包含手續費。請選擇您交易帳戶使用的貨幣。",
            ),
        ),
        _field(
            "sold",
            "radio",
            Text("Have you sold them?", "您卖出了吗？", "您賣出了嗎？"),
            choices=[
                ("yes", Text("Yes, all of them", "是的，全部卖出了", "是的，全部賣出了")),
                ("partly", Text("Yes, some of them", "卖出了一部分", "賣出了一部分")),
                ("no", Text("No, I still hold all of them", "没有，全部都还持有", "沒有，全部都還持有")),
            ],
        ),
        _field(
            "sale_period",
            "date_range",
            Text("When did you sell?", "您是什么时候卖出的？", "您是什麼時候賣出的？"),
            Text(
                "The dates of your first and last sale. Leave blank if you have not sold any.",
                "请填写第一次和最后一次卖出的日期。如果还没有卖出，请留空。",
                "請填寫第一次和最後一次賣出的日期。如果還沒有賣出，請留空。",
            ),
        ),
        _field(
            "sale_amount",
            "money",
            Text("Total amount you received from sales", "卖出所得的总金额", "賣出所得的總金額"),
            Text(
                "After fees, if you know them. Leave blank if you have not sold any.",
                "如果知道的话，请扣除手续费。如果还没有卖出，请留空。",
                "如果知道的話，請扣除手續費。如果還沒有賣出，請留空。",
            ),
        ),
        _field(
            "shares_still_held",
            "number",
            Text("How many do you still hold?", "您目前还持有多少？", "您目前還持有多少？"),
            Text(
                "Enter 0 if you have sold everything.",
                "如果已经全部卖出，请填0。",
                "如果已經全部賣出，請填0。",
            ),
        ),
        _field(
            "loss_estimate",
            "money",
            Text("Your estimated total loss", "您估计的总损失", "您估計的總損失"),
            Text(
                "Roughly: what you paid, minus what you received from sales and the current value of what you still "
                "hold.",
                "大致的计算方法：买入花费的金额，减去卖出所得和目前仍持有部分的市值。",
                "大致的計算方式：買進花費的金額，減去賣出所得和目前仍持有部分的市值。",
            ),
        ),
        _field(
            "how_misled",
            "multiline",
            Text(
                "Why do you believe you were misled?",
                "您为什么认为自己受到了误导？",
                "您為什麼認為自己受到了誤導？",
            ),
            Text(
                "For example which reports, statements or news you relied on when you bought, and what you later "
                "learned about Tencent's ties to the Chinese government. A few sentences are enough.",
                "例如您买入时参考了哪些报告、声明或新闻，以及您后来了解到腾讯与中国政府之间有哪些关系。写几句话就可以。",
                "例如您買進時參考了哪些報告、聲明或新聞，以及您後來得知騰訊與中國政府之間有哪些關係。寫幾句話就可以。",
            ),
            required=True,
        ),
        EVIDENCE,
        *CLOSING_FIELDS,
    ],
}

# Every form gets its own copies of the shared field dicts and lists, so a consumer that mutates one form
# cannot change another.
FORMS = [copy.deepcopy(form) for form in (PERSECUTION, ACCOUNT_CLOSURE, PRIVACY_CENSORSHIP, INVESTOR)]
