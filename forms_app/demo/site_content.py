# ruff: noqa: E501 -- long translated strings are kept on one line each.
"""Demo content for the public site, in English, Simplified Chinese and Traditional Chinese.

Data only: the demo seeder turns it into Wagtail pages. Every string is plain text (no HTML or Markdown, no
newlines). The seeder looks translations up by the exact English string, so an English string must always carry
the same translations wherever it appears.

Simplified Chinese follows mainland usage; Traditional Chinese uses Taiwan/Hong Kong vocabulary
(資訊, 帳號, 網路, 伺服器, 隱私權聲明, 「」 quotation marks).
"""

from datetime import date

from forms_app.demo.text import Text

# Organisation-wide text: header, footer and contact address.
ORGANISATION = {
    "name": Text(
        "WeChat Accountability Project",
        "微信问责计划",
        "微信問責計畫",
    ),
    "tagline": Text(
        "Collecting cases of harm caused by WeChat censorship and surveillance",
        "收集因微信审查和监控而受到伤害的案例",
        "收集因微信審查和監控而受到傷害的案例",
    ),
    "contact_email": "cases@example.org",
    "footer_text": [
        Text(
            "The WeChat Accountability Project is an independent civil-rights initiative. We are not a law firm, and nothing on this site is legal advice.",
            "微信问责计划是一项独立的民权行动。我们不是律师事务所，本网站上的任何内容都不构成法律意见。",
            "微信問責計畫是一項獨立的民權行動。我們不是律師事務所，本網站上的任何內容都不構成法律意見。",
        ),
        Text(
            "Never send us evidence through WeChat. We will never contact you through WeChat or a +86 phone number unless you ask us to.",
            "请不要通过微信向我们发送证据。除非您主动要求，我们绝不会通过微信或+86手机号码联系您。",
            "請不要透過微信向我們傳送證據。除非您主動要求，我們絕不會透過微信或+86手機號碼聯絡您。",
        ),
    ],
}


# The home page: hero, the four case types (in this order), call to action and safety notice.
HOME = {
    "title": Text(
        "Home",
        "首页",
        "首頁",
    ),
    "hero_heading": Text(
        "Has WeChat censorship or surveillance harmed you?",
        "您是否因微信的审查或监控而受到伤害？",
        "您是否因微信的審查或監控而受到傷害？",
    ),
    "hero_text": Text(
        "We are collecting cases from people who were persecuted, lost money or suffered in other ways because of how WeChat censors and watches its users. Cases with merit may become part of a class action against Tencent, the company behind WeChat. Telling us what happened is free and confidential, and you decide how much to share.",
        "我们正在收集因微信的审查和监控而遭到迫害、蒙受经济损失或受到其他伤害的案例。有依据的案例可能成为针对微信母公司腾讯的集体诉讼的一部分。向我们讲述您的经历是免费且保密的，分享多少由您自己决定。",
        "我們正在收集因微信的審查和監控而遭到迫害、蒙受經濟損失或受到其他傷害的案例。有依據的案例可能成為針對微信母公司騰訊的集體訴訟的一部分。向我們講述您的經歷是免費且保密的，分享多少由您自己決定。",
    ),
    "case_types_heading": Text(
        "Four kinds of cases we collect",
        "我们收集的四类案例",
        "我們收集的四類案例",
    ),
    "case_types_intro": Text(
        "Choose the description closest to what happened to you. If your experience fits more than one, choose the one that affected you most and describe the rest in the same form.",
        "请选择与您的经历最接近的一类。如果您的情况涉及不止一类，请选择对您影响最大的那一类，其余情况可以在同一份表格中一并说明。",
        "請選擇與您的經歷最接近的一類。如果您的情況涉及不止一類，請選擇對您影響最大的那一類，其餘情況可以在同一份表格中一併說明。",
    ),
    "case_types": [
        {
            "key": "persecution",
            "heading": Text(
                "Persecution caused by WeChat censorship",
                "因微信审查而遭受迫害",
                "因微信審查而遭受迫害",
            ),
            "text": Text(
                'After something you posted, shared or sent on WeChat came to the attention of the authorities, you were harassed, "invited to tea" or summoned by the police, disciplined at work or school, lost your job, forced to move, detained, sentenced or tortured.',
                "您在微信上发布、转发或私信的内容引起当局注意后，您遭到骚扰、被“喝茶”或被警方传唤，在单位或学校受到处分，失去工作，被迫搬离住处，甚至被拘留、判刑或遭受酷刑。",
                "您在微信上發布、轉發或私訊的內容引起當局注意後，您遭到騷擾、被「喝茶」或被警方傳喚，在公司或學校受到處分，失去工作，被迫搬離住處，甚至被拘留、判刑或遭受酷刑。",
            ),
            "link_label": Text(
                "Report persecution",
                "报告遭受迫害的经历",
                "報告遭受迫害的經歷",
            ),
        },
        {
            "key": "account_closure",
            "heading": Text(
                "Money lost when your account was closed",
                "账号被封造成的经济损失",
                "帳號被封造成的經濟損失",
            ),
            "text": Text(
                'WeChat closed or restricted your account for an "improper statement" or "sensitive information", and you lost money: a frozen WeChat Pay balance, an official account that can no longer receive tips, a mini-program that stopped doing business, or business contacts you could no longer reach.',
                "微信以“发布不当言论”或“涉及敏感信息”为由封禁或限制了您的账号，让您蒙受了经济损失：例如微信支付余额被冻结，公众号无法再接收赞赏，小程序被迫停止经营，或者再也联系不上生意上的客户和伙伴。",
                "微信以「發布不當言論」或「涉及敏感資訊」為由封禁或限制了您的帳號，讓您蒙受了經濟損失：例如微信支付餘額被凍結，公眾號無法再接收讚賞，小程式被迫停止經營，或者再也聯絡不上生意上的客戶和夥伴。",
            ),
            "link_label": Text(
                "Report a financial loss",
                "报告经济损失",
                "報告經濟損失",
            ),
        },
        {
            "key": "privacy_censorship",
            "heading": Text(
                "Harm from privacy violations or censorship",
                "因隐私被侵犯或内容被审查而受到的伤害",
                "因隱私被侵犯或內容被審查而受到的傷害",
            ),
            "text": Text(
                "Your private messages or files were exposed, your posts were deleted, your Moments were censored, your groups were disbanded, friend requests were blocked, messages you sent could be seen only by you, or share buttons were disabled, and this caused you distress or material loss.",
                "您的私人聊天内容或文件遭到泄露，发布的内容被删除，朋友圈被屏蔽，群聊被解散，好友申请被拦截，发出的消息只有自己能看到，或者分享按钮被禁用，并因此给您带来精神痛苦或物质损失。",
                "您的私人聊天內容或檔案遭到洩露，發布的內容被刪除，朋友圈被屏蔽，群聊被解散，好友申請被攔截，發出的訊息只有自己能看到，或者分享按鈕被禁用，並因此給您帶來精神痛苦或物質損失。",
            ),
            "link_label": Text(
                "Report a privacy or censorship harm",
                "报告隐私或审查造成的伤害",
                "報告隱私或審查造成的傷害",
            ),
        },
        {
            "key": "investor",
            "heading": Text(
                "Losses as a Tencent investor",
                "腾讯投资者的损失",
                "騰訊投資者的損失",
            ),
            "text": Text(
                "You held Tencent shares (0700.HK) or American depositary receipts (TCEHY) and believe you lost money because Tencent did not disclose the full extent of its relationship with the Chinese government.",
                "您曾持有腾讯股票（0700.HK）或美国存托凭证（TCEHY），并认为由于腾讯没有如实披露其与中国政府关系的真实程度，您因此蒙受了投资损失。",
                "您曾持有騰訊股票（0700.HK）或美國存託憑證（TCEHY），並認為由於騰訊沒有如實披露其與中國政府關係的真實程度，您因此蒙受了投資損失。",
            ),
            "link_label": Text(
                "Report an investor loss",
                "报告投资损失",
                "報告投資損失",
            ),
        },
    ],
    "cta": {
        "heading": Text(
            "Tell us what happened",
            "告诉我们您的遭遇",
            "告訴我們您的遭遇",
        ),
        "text": Text(
            "You do not need to have all your evidence ready now. If your case is selected, our staff will contact you to gather it.",
            "您现在不必备齐所有证据。如果您的案例被选中，我们的工作人员会与您联系，再收集相关证据。",
            "您現在不必備齊所有證據。如果您的案例被選中，我們的工作人員會與您聯絡，再收集相關證據。",
        ),
        "button_label": Text(
            "Submit a case",
            "提交案例",
            "提交案例",
        ),
    },
    "safety": {
        "heading": Text(
            "Stay safe while you report",
            "提交案例时请注意安全",
            "提交案例時請注意安全",
        ),
        "text": [
            Text(
                "Open this site in a normal web browser such as Firefox, Chrome or Safari, not in WeChat's built-in browser, and do not use a phone or computer provided by your employer.",
                "请使用 Firefox、Chrome 或 Safari 等普通浏览器打开本网站，不要在微信内置浏览器中打开，也不要使用工作单位提供的手机或电脑。",
                "請使用 Firefox、Chrome 或 Safari 等普通瀏覽器開啟本網站，不要在微信內建瀏覽器中開啟，也不要使用雇主提供的手機或電腦。",
            ),
            Text(
                "If you are in mainland China, or worry that someone is watching your internet connection, consider using a trustworthy VPN or Tor Browser.",
                "如果您身在中国大陆，或担心有人监视您的网络连接，请考虑使用可靠的 VPN 或 Tor 浏览器。",
                "如果您身在中國大陸，或擔心有人監視您的網路連線，請考慮使用可靠的 VPN 或 Tor 瀏覽器。",
            ),
            Text(
                "When you submit, you will receive a receipt code. Keep it somewhere private and do not share it with anyone, because it identifies your case.",
                "提交后，您会收到一个回执码。请把它保存在私密的地方，不要告诉任何人，因为它能识别出您的案例。",
                "提交後，您會收到一個回執碼。請把它儲存在私密的地方，不要告訴任何人，因為它能識別出您的案例。",
            ),
            Text(
                "Give us a way to reach you that is safe for you, such as an email address with a provider outside China. We will not contact you through WeChat or a +86 number unless you specifically ask us to.",
                "请留下对您来说安全的联系方式，例如境外服务商的电子邮箱。除非您特别要求，我们不会通过微信或+86号码联系您。",
                "請留下對您來說安全的聯絡方式，例如境外服務商的電子郵件信箱。除非您特別要求，我們不會透過微信或+86號碼聯絡您。",
            ),
        ],
    },
}


# Content pages. "body" is a list of (block type, value) pairs.
ABOUT = {
    "slug": "about",
    "title": Text(
        "About us",
        "关于我们",
        "關於我們",
    ),
    "intro": Text(
        "Who we are, why we are collecting cases, and what happens to the cases you send us.",
        "我们是谁，为什么收集案例，以及您提交的案例会如何处理。",
        "我們是誰，為什麼收集案例，以及您提交的案例會如何處理。",
    ),
    "body": [
        (
            "heading",
            Text(
                "Who we are",
                "我们是谁",
                "我們是誰",
            ),
        ),
        (
            "paragraph",
            Text(
                "The WeChat Accountability Project is run by a civil-rights organisation that documents how censorship and surveillance on WeChat harm ordinary people. WeChat is owned by Tencent, one of the largest technology companies in the world, and is used by more than a billion people.",
                "微信问责计划由一家民权组织运营，致力于记录微信上的审查和监控如何伤害普通人。微信归全球最大的科技公司之一腾讯所有，用户超过十亿。",
                "微信問責計畫由一家民權組織營運，致力於記錄微信上的審查和監控如何傷害普通人。微信歸全球最大的科技公司之一騰訊所有，使用者超過十億。",
            ),
        ),
        (
            "paragraph",
            Text(
                "For years, people have lost their freedom, their livelihoods and their peace of mind because of WeChat censorship and surveillance. Most of them have never had anywhere to turn. We want to change that.",
                "多年来，许多人因为微信的审查和监控而失去了自由、生计和内心的安宁，却大多投诉无门。我们希望改变这种状况。",
                "多年來，許多人因為微信的審查和監控而失去了自由、生計和內心的安寧，卻大多投訴無門。我們希望改變這種狀況。",
            ),
        ),
        (
            "heading",
            Text(
                "Why we are collecting cases",
                "我们为什么收集案例",
                "我們為什麼收集案例",
            ),
        ),
        (
            "paragraph",
            Text(
                "We are gathering cases to support a possible class action against Tencent. A class action lets many people who were harmed in similar ways bring their claims together, which can make it possible to hold a very large company to account.",
                "我们收集案例，是为了支持可能针对腾讯提起的集体诉讼。集体诉讼让以相似方式受到伤害的许多人把各自的诉求合并在一起，使追究一家大型公司的责任成为可能。",
                "我們收集案例，是為了支持可能針對騰訊提起的集體訴訟。集體訴訟讓以相似方式受到傷害的許多人把各自的訴求合併在一起，使追究一家大型公司的責任成為可能。",
            ),
        ),
        (
            "paragraph",
            Text(
                "Whether a lawsuit is filed, where, and on whose behalf will be decided by independent lawyers on the basis of the evidence. We cannot promise that a case will be brought or that anyone will receive compensation.",
                "是否起诉、在哪里起诉、代表哪些人起诉，将由独立律师根据证据决定。我们无法保证一定会提起诉讼，也无法保证任何人能获得赔偿。",
                "是否起訴、在哪裡起訴、代表哪些人起訴，將由獨立律師根據證據決定。我們無法保證一定會提起訴訟，也無法保證任何人能獲得賠償。",
            ),
        ),
        (
            "heading",
            Text(
                "Who can submit a case",
                "谁可以提交案例",
                "誰可以提交案例",
            ),
        ),
        (
            "paragraph",
            Text(
                "Anyone who was harmed in one of the four ways described on our home page can submit a case, wherever they live and whatever their nationality. You can write in Chinese or in English.",
                "凡是以首页所述四种方式之一受到伤害的人，无论身在何处、国籍为何，都可以提交案例。您可以用中文或英文填写。",
                "凡是以首頁所述四種方式之一受到傷害的人，無論身在何處、國籍為何，都可以提交案例。您可以用中文或英文填寫。",
            ),
        ),
        (
            "paragraph",
            Text(
                "If a family member cannot safely submit a case themselves, you may submit it on their behalf with their agreement. Please say in the form that you are doing so.",
                "如果您的家人无法安全地自行提交，在征得其同意后，您可以代为提交。请在表格中注明是代人提交。",
                "如果您的家人無法安全地自行提交，在徵得其同意後，您可以代為提交。請在表格中註明是代人提交。",
            ),
        ),
        (
            "notice",
            {
                "heading": Text(
                    "We are not a law firm",
                    "我们不是律师事务所",
                    "我們不是律師事務所",
                ),
                "text": Text(
                    "Submitting a case is free. It does not make you our client or anyone else's, and it does not create a lawyer-client relationship. If you need legal advice about your own situation, please consult a lawyer.",
                    "提交案例完全免费。提交案例并不意味着您成为我们或任何其他人的委托人，也不会建立律师与当事人之间的委托关系。如果您需要针对自身情况的法律意见，请咨询律师。",
                    "提交案例完全免費。提交案例並不意味著您成為我們或任何其他人的委託人，也不會建立律師與當事人之間的委託關係。如果您需要針對自身情況的法律意見，請諮詢律師。",
                ),
            },
        ),
        (
            "heading",
            Text(
                "What happens after you submit",
                "提交之后会怎样",
                "提交之後會怎樣",
            ),
        ),
        (
            "paragraph",
            Text(
                "Every case is read by a member of our staff. We look at what happened, when, and what evidence may exist, and we select the cases that appear to have merit for the planned action.",
                "每个案例都会由我们的工作人员认真阅读。我们会了解事情的经过、发生的时间以及可能存在的证据，并从中挑选出对计划中的诉讼有依据的案例。",
                "每個案例都會由我們的工作人員認真閱讀。我們會了解事情的經過、發生的時間以及可能存在的證據，並從中挑選出對計畫中的訴訟有依據的案例。",
            ),
        ),
        (
            "paragraph",
            Text(
                "If your case is selected, we will contact you through the channel you chose to ask for evidence and more detail. Many cases will not be selected. That is not a judgement on your suffering; it usually means the case does not fit the legal claims being prepared.",
                "如果您的案例被选中，我们会通过您选择的联系方式与您联系，请您提供证据和更多细节。许多案例不会被选中，但这并不是对您所受痛苦的否定，通常只是意味着该案例与正在准备的法律诉求不相符。",
                "如果您的案例被選中，我們會透過您選擇的聯絡方式與您聯絡，請您提供證據和更多細節。許多案例不會被選中，但這並不是對您所受痛苦的否定，通常只是意味著該案例與正在準備的法律訴求不相符。",
            ),
        ),
        (
            "paragraph",
            Text(
                "You can withdraw your case at any time, for any reason, on “My case” (linked at the bottom of every page) with your receipt code. We then erase it, unless we are legally required to keep it for now; in that case our lawyers will contact you.",
                "您可以随时以任何理由撤回案例：在“我的案件”（每页底部都有链接）输入回执码即可。我们随后会将其清除，除非法律要求我们暂时保留；在这种情况下，我们的律师会与您联系。",
                "您可以隨時以任何理由撤回案例：在「我的案件」（每頁底部都有連結）輸入回執碼即可。我們隨後會將其清除，除非法律要求我們暫時保留；在這種情況下，我們的律師會與您聯絡。",
            ),
        ),
        (
            "heading",
            Text(
                "How we protect you",
                "我们如何保护您",
                "我們如何保護您",
            ),
        ),
        (
            "paragraph",
            Text(
                "Your case is encrypted as soon as it reaches our server. We do not store IP addresses, we use no trackers or analytics, and only a small number of staff, each protected by two-factor authentication, can read cases. Our privacy notice explains the details.",
                "您的案例一送达我们的服务器就会被加密。我们不保存 IP 地址，不使用任何追踪器或统计分析工具；只有少数工作人员能够阅读案例，而且他们的账号都启用了双重验证。详情请参阅我们的隐私声明。",
                "您的案例一送達我們的伺服器就會被加密。我們不儲存 IP 地址，不使用任何追蹤器或統計分析工具；只有少數工作人員能夠閱讀案例，而且他們的帳號都啟用了雙重驗證。詳情請參閱我們的隱私權聲明。",
            ),
        ),
    ],
}


FAQ = {
    "slug": "faq",
    "title": Text(
        "Frequently asked questions",
        "常见问题",
        "常見問題",
    ),
    "intro": Text(
        "Answers to the questions people ask us most often. If yours is not here, write to us.",
        "以下是大家最常问的问题。如果没有找到您想问的，欢迎来信。",
        "以下是大家最常問的問題。如果沒有找到您想問的，歡迎來信。",
    ),
    "body": [
        (
            "question_answer",
            {
                "question": Text(
                    "Who is behind this site?",
                    "本网站由谁运营？",
                    "本網站由誰營運？",
                ),
                "answer": Text(
                    "The WeChat Accountability Project, an independent civil-rights initiative. We have no connection with Tencent or with any government.",
                    "本网站由微信问责计划运营，这是一项独立的民权行动。我们与腾讯及任何政府都没有关联。",
                    "本網站由微信問責計畫營運，這是一項獨立的民權行動。我們與騰訊及任何政府都沒有關聯。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "Does it cost anything?",
                    "需要付费吗？",
                    "需要付費嗎？",
                ),
                "answer": Text(
                    "No. Submitting a case is free, and we will never ask you to pay to have your case reviewed or to take part in the action. Anyone who asks you for money in our name is not us.",
                    "不需要。提交案例是免费的，我们绝不会要求您为审阅案例或参与诉讼支付任何费用。凡是以我们的名义向您要钱的，都不是我们。",
                    "不需要。提交案例是免費的，我們絕不會要求您為審閱案例或參與訴訟支付任何費用。凡是以我們的名義向您要錢的，都不是我們。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "Are you my lawyers?",
                    "你们是我的律师吗？",
                    "你們是我的律師嗎？",
                ),
                "answer": Text(
                    "No. We are not a law firm, and submitting a case does not create a lawyer-client relationship with us or with anyone else. If your case is selected and you agree, we may put you in touch with the lawyers preparing the action; any relationship with them would be set up separately and in writing.",
                    "不是。我们不是律师事务所，提交案例不会在您与我们或任何其他人之间建立律师与当事人的委托关系。如果您的案例被选中并且您同意，我们可能会介绍您与准备诉讼的律师联系；您与律师之间的任何委托关系都会另行以书面形式确立。",
                    "不是。我們不是律師事務所，提交案例不會在您與我們或任何其他人之間建立律師與當事人的委託關係。如果您的案例被選中並且您同意，我們可能會介紹您與準備訴訟的律師聯絡；您與律師之間的任何委託關係都會另行以書面形式確立。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "Do I have to give my real name?",
                    "我必须提供真实姓名吗？",
                    "我必須提供真實姓名嗎？",
                ),
                "answer": Text(
                    "Not at first. You can describe what happened without giving your name. If your case is selected, the lawyers will eventually need to know who you are, and we will explain why and ask for your permission before anything is shared.",
                    "一开始不需要。您可以不留姓名，只描述自己的经历。如果您的案例被选中，律师最终需要知道您的身份；在分享任何信息之前，我们会先向您说明原因，并征得您的同意。",
                    "一開始不需要。您可以不留姓名，只描述自己的經歷。如果您的案例被選中，律師最終需要知道您的身份；在分享任何資訊之前，我們會先向您說明原因，並徵得您的同意。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "I still live in China. Is it safe to submit a case?",
                    "我仍住在中国，提交案例安全吗？",
                    "我仍住在中國，提交案例安全嗎？",
                ),
                "answer": Text(
                    "No method is completely free of risk, and only you can judge your own situation. To reduce the risk, use a normal browser rather than WeChat, use a trustworthy VPN or Tor Browser, do not use a work device, and give us a contact channel that the authorities cannot easily read. You can also wait until you are somewhere safer.",
                    "任何方式都不可能完全没有风险，您自己最能判断自身的处境。为了降低风险，请使用普通浏览器而不是微信，使用可靠的 VPN 或 Tor 浏览器，不要使用工作设备，并留下当局不容易查看的联系方式。您也可以等到身处更安全的地方时再提交。",
                    "任何方式都不可能完全沒有風險，您自己最能判斷自身的處境。為了降低風險，請使用普通瀏覽器而不是微信，使用可靠的 VPN 或 Tor 瀏覽器，不要使用工作裝置，並留下當局不容易查看的聯絡方式。您也可以等到身處更安全的地方時再提交。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "What is the receipt code for?",
                    "回执码有什么用？",
                    "回執碼有什麼用？",
                ),
                "answer": Text(
                    "After you submit, the site shows you a receipt code. With it you can open “My case” (linked at the bottom of every page) to see your case's status, answer our questions, send more evidence, change how we may contact you and what you agree to, or withdraw your case. My case never shows your answers or your files. Write the code down somewhere private and do not share it. We keep it only in a form that cannot be turned back into the code, so we cannot send it to you again; if you lose it, you can send a new case.",
                    "提交后，网站会显示一个回执码。凭它可以打开“我的案件”（每页底部都有链接），查看案例状态、回答我们的问题、补充证据、更改联系方式和您同意的用途，或撤回案例。“我的案件”绝不会显示您的回答或文件。请把回执码记在私密的地方，不要告诉任何人。我们只以无法还原的形式保存回执码，因此无法再发给您；如果遗失，您可以重新提交一个案例。",
                    "提交後，網站會顯示一個回執碼。憑它可以開啟「我的案件」（每頁底部都有連結），查看案例狀態、回答我們的問題、補充證據、更改聯絡方式和您同意的用途，或撤回案例。「我的案件」絕不會顯示您的回答或檔案。請把回執碼記在私密的地方，不要告訴任何人。我們只以無法還原的形式儲存回執碼，因此無法再發給您；如果遺失，您可以重新提交一個案例。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "What evidence should I keep?",
                    "我应该保留哪些证据？",
                    "我應該保留哪些證據？",
                ),
                "answer": Text(
                    "Keep anything that shows what happened: screenshots of WeChat notices, chat records, payment records, letters from your employer or school, police documents, medical records or brokerage statements. Store copies somewhere safe outside WeChat. You do not need to send them now.",
                    "请保留任何能证明事情经过的材料：微信通知的截图、聊天记录、支付记录、单位或学校的通知、警方文书、病历或证券账户对账单。请把副本存放在微信以外的安全地方。您现在不需要把这些材料发给我们。",
                    "請保留任何能證明事情經過的材料：微信通知的截圖、聊天記錄、支付記錄、雇主或學校的通知、警方文書、病歷或證券帳戶對帳單。請把副本存放在微信以外的安全地方。您現在不需要把這些材料發給我們。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "Will you contact me through WeChat?",
                    "你们会通过微信联系我吗？",
                    "你們會透過微信聯絡我嗎？",
                ),
                "answer": Text(
                    "No. We will not contact you through WeChat or a +86 phone number unless you ask us to. If someone claiming to be us contacts you that way, be careful and do not give them your receipt code.",
                    "不会。除非您主动要求，我们不会通过微信或+86电话号码联系您。如果有人自称是我们，并通过这些方式联系您，请提高警惕，不要把回执码告诉对方。",
                    "不會。除非您主動要求，我們不會透過微信或+86電話號碼聯絡您。如果有人自稱是我們，並透過這些方式聯絡您，請提高警惕，不要把回執碼告訴對方。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "What if my case is not selected?",
                    "如果我的案例没有被选中怎么办？",
                    "如果我的案例沒有被選中怎麼辦？",
                ),
                "answer": Text(
                    "Many cases will not be selected, often for legal reasons such as when or where the harm happened. Your account still matters, because it helps us document the scale of the problem. We keep it only as long as our privacy notice allows, and you can ask us to delete it sooner.",
                    "许多案例不会被选中，原因往往在于法律层面，例如伤害发生的时间或地点。即便如此，您的讲述依然重要，它能帮助我们记录问题的规模。我们只会在隐私声明允许的期限内保存，您也可以要求我们提前删除。",
                    "許多案例不會被選中，原因往往在於法律層面，例如傷害發生的時間或地點。即便如此，您的講述依然重要，它能幫助我們記錄問題的規模。我們只會在隱私權聲明允許的期限內儲存，您也可以要求我們提前刪除。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "Can I withdraw my case?",
                    "我可以撤回案例吗？",
                    "我可以撤回案例嗎？",
                ),
                "answer": Text(
                    "Yes, at any time and without giving a reason. On “My case”, enter your receipt code and choose “Withdraw my case”: your answers, files and contact details are erased at once. If we are legally required to keep your case for now, your request is recorded and our lawyers will contact you through the channel you said is safe. If your information has already been shared with lawyers with your consent, we will ask them to delete it too.",
                    "可以，随时都可以，无需说明理由。在“我的案件”输入回执码，然后选择“撤回我的案件”：您的回答、文件和联系方式会立即清除。如果法律要求我们暂时保留您的案例，您的请求会被记录，我们的律师会通过您所说的安全渠道与您联系。如果您的信息已经在您同意后提供给律师，我们也会要求律师删除。",
                    "可以，隨時都可以，無需說明理由。在「我的案件」輸入回執碼，然後選擇「撤回我的案件」：您的回答、檔案和聯絡方式會立即清除。如果法律要求我們暫時保留您的案例，您的請求會被記錄，我們的律師會透過您所說的安全管道與您聯絡。如果您的資訊已經在您同意後提供給律師，我們也會要求律師刪除。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "I invested in Tencent. Can I submit a case?",
                    "我投资过腾讯，可以提交案例吗？",
                    "我投資過騰訊，可以提交案例嗎？",
                ),
                "answer": Text(
                    "Yes, if you bought Tencent shares on the Hong Kong stock exchange (0700.HK) or Tencent ADRs in the United States (TCEHY) and believe your losses are linked to Tencent not disclosing its relationship with the Chinese government. Keep your trade confirmations and account statements.",
                    "可以。如果您曾在香港交易所买入腾讯股票（0700.HK），或在美国买入腾讯的美国存托凭证（TCEHY），并认为您的损失与腾讯未披露其与中国政府的关系有关，就可以提交案例。请保留成交确认单和账户对账单。",
                    "可以。如果您曾在香港交易所買入騰訊股票（0700.HK），或在美國買入騰訊的美國存託憑證（TCEHY），並認為您的損失與騰訊未披露其與中國政府的關係有關，就可以提交案例。請保留成交確認單和帳戶對帳單。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "Which language should I write in?",
                    "我应该用哪种语言填写？",
                    "我應該用哪種語言填寫？",
                ),
                "answer": Text(
                    "Whichever you are most comfortable with. Our staff read Simplified Chinese, Traditional Chinese and English.",
                    "用您最习惯的语言即可。我们的工作人员能阅读简体中文、繁体中文和英文。",
                    "用您最習慣的語言即可。我們的工作人員能閱讀簡體中文、繁體中文和英文。",
                ),
            },
        ),
        (
            "question_answer",
            {
                "question": Text(
                    "How do you protect my information?",
                    "你们如何保护我的信息？",
                    "你們如何保護我的資訊？",
                ),
                "answer": Text(
                    "Cases are encrypted when they reach our server, and only a few staff, signing in with two-factor authentication, can read them. We do not store IP addresses, we use no trackers, and we remove hidden metadata such as location and device details from the files you upload. See our privacy notice for details.",
                    "案例一送达服务器即被加密，只有少数通过双重验证登录的工作人员可以阅读。我们不保存 IP 地址，不使用追踪器，并会清除您上传文件中的位置、设备等隐藏元数据。详情请参阅隐私声明。",
                    "案例一送達伺服器即被加密，只有少數透過雙重驗證登入的工作人員可以閱讀。我們不儲存 IP 地址，不使用追蹤器，並會清除您上傳檔案中的位置、裝置等隱藏中繼資料。詳情請參閱隱私權聲明。",
                ),
            },
        ),
    ],
}


PRIVACY = {
    "slug": "privacy",
    "title": Text(
        "Privacy notice",
        "隐私声明",
        "隱私權聲明",
    ),
    "intro": Text(
        "How we collect, use and protect the information you give us, and the rights you have over it.",
        "我们如何收集、使用和保护您提供的信息，以及您对这些信息享有的权利。",
        "我們如何收集、使用和保護您提供的資訊，以及您對這些資訊享有的權利。",
    ),
    "body": [
        (
            "heading",
            Text(
                "Who is responsible for your data",
                "谁负责处理您的数据",
                "誰負責處理您的資料",
            ),
        ),
        (
            "paragraph",
            Text(
                "The WeChat Accountability Project is the controller of the personal data collected through this site. You can contact us about anything in this notice at cases@example.org.",
                "微信问责计划是通过本网站收集的个人数据的控制者。对本声明有任何疑问，都可以发邮件至 cases@example.org 与我们联系。",
                "微信問責計畫是透過本網站收集的個人資料的控制者。對本聲明有任何疑問，都可以寄電子郵件至 cases@example.org 與我們聯絡。",
            ),
        ),
        (
            "heading",
            Text(
                "What we collect",
                "我们收集哪些信息",
                "我們收集哪些資訊",
            ),
        ),
        (
            "paragraph",
            Text(
                "We collect only what you choose to give us in the case form: your description of what happened, the type of case, the dates and places involved, the contact channel you want us to use, any name you choose to give, and any files you upload.",
                "我们只收集您在案例表格中自愿提供的信息：您对事情经过的描述、案例类型、相关的时间和地点、您希望我们使用的联系方式、您选择提供的姓名，以及您上传的文件。",
                "我們只收集您在案例表格中自願提供的資訊：您對事情經過的描述、案例類型、相關的時間和地點、您希望我們使用的聯絡方式、您選擇提供的姓名，以及您上傳的檔案。",
            ),
        ),
        (
            "paragraph",
            Text(
                "What you tell us may reveal your political opinions, religious beliefs, health, or criminal proceedings against you. We treat all such information as highly sensitive.",
                "您告诉我们的内容可能涉及您的政治观点、宗教信仰、健康状况，或针对您的刑事程序。我们将所有此类信息视为高度敏感信息。",
                "您告訴我們的內容可能涉及您的政治觀點、宗教信仰、健康狀況，或針對您的刑事程序。我們將所有此類資訊視為高度敏感資訊。",
            ),
        ),
        (
            "heading",
            Text(
                "What we do not collect",
                "我们不收集哪些信息",
                "我們不收集哪些資訊",
            ),
        ),
        (
            "paragraph",
            Text(
                "We do not store your IP address or your browser's user agent. We use no analytics, advertising or tracking tools, and our pages load nothing from other websites.",
                "我们不保存您的 IP 地址，也不保存浏览器的用户代理（User-Agent）信息。我们不使用任何统计分析、广告或追踪工具，网页也不会从其他网站加载任何内容。",
                "我們不儲存您的 IP 地址，也不儲存瀏覽器的使用者代理（User-Agent）資訊。我們不使用任何統計分析、廣告或追蹤工具，網頁也不會從其他網站載入任何內容。",
            ),
        ),
        (
            "paragraph",
            Text(
                "The only cookies we set are a session cookie and a security cookie that protects forms against forgery (CSRF). Both are needed for the site to work, and neither is used to follow you.",
                "我们只设置两个 Cookie：一个会话 Cookie，以及一个防止表单被伪造（CSRF）的安全 Cookie。两者都是网站正常运行所必需的，都不会被用来追踪您。",
                "我們只設定兩個 Cookie：一個工作階段 Cookie，以及一個防止表單被偽造（CSRF）的安全 Cookie。兩者都是網站正常運作所必需的，都不會被用來追蹤您。",
            ),
        ),
        (
            "heading",
            Text(
                "Why we use your information",
                "我们为什么使用您的信息",
                "我們為什麼使用您的資訊",
            ),
        ),
        (
            "paragraph",
            Text(
                "We use your case to assess whether it could form part of legal action against Tencent, to contact you if it is selected, and, with your agreement, to prepare that action. We may also count cases to produce anonymous statistics that never identify anyone.",
                "我们使用您的案例来评估它能否成为针对腾讯的法律行动的一部分，在案例被选中时与您联系，并在您同意的前提下为该法律行动做准备。我们也可能对案例进行统计，形成不会识别出任何个人的匿名统计数据。",
                "我們使用您的案例來評估它能否成為針對騰訊的法律行動的一部分，在案例被選中時與您聯絡，並在您同意的前提下為該法律行動做準備。我們也可能對案例進行統計，形成不會識別出任何個人的匿名統計資料。",
            ),
        ),
        (
            "heading",
            Text(
                "Legal basis",
                "法律依据",
                "法律依據",
            ),
        ),
        (
            "paragraph",
            Text(
                "We process your data on the basis of your consent, which you give when you submit the form. For sensitive information, such as your political opinions, we rely on your explicit consent. You can withdraw your consent at any time; this does not affect processing we carried out lawfully before you withdrew it.",
                "我们处理您数据的法律依据是您的同意，您在提交表格时即表示同意。对于政治观点等敏感信息，我们依据的是您的明示同意。您可以随时撤回同意，但这不影响撤回之前我们已经合法进行的处理。",
                "我們處理您資料的法律依據是您的同意，您在提交表格時即表示同意。對於政治觀點等敏感資訊，我們依據的是您的明示同意。您可以隨時撤回同意，但這不影響撤回之前我們已經合法進行的處理。",
            ),
        ),
        (
            "heading",
            Text(
                "Who we share it with",
                "我们与谁分享信息",
                "我們與誰分享資訊",
            ),
        ),
        (
            "paragraph",
            Text(
                "We do not sell your data, and we do not share it with Tencent, advertisers or any government. We share a case with the lawyers preparing the action only with your consent, after telling you exactly what would be shared and with whom.",
                "我们不会出售您的数据，也不会与腾讯、广告商或任何政府分享。只有在向您说明具体分享哪些内容、分享给谁，并得到您的同意之后，我们才会把案例提供给准备诉讼的律师。",
                "我們不會出售您的資料，也不會與騰訊、廣告商或任何政府分享。只有在向您說明具體分享哪些內容、分享給誰，並得到您的同意之後，我們才會把案例提供給準備訴訟的律師。",
            ),
        ),
        (
            "paragraph",
            Text(
                "Our site and database run on servers we rent from a hosting provider. The provider stores cases only in encrypted form and is not permitted to access their contents.",
                "我们的网站和数据库运行在向托管服务商租用的服务器上。服务商只保存加密后的案例，无权查看其内容。",
                "我們的網站和資料庫架設在向託管服務商租用的伺服器上。服務商只儲存加密後的案例，無權查看其內容。",
            ),
        ),
        (
            "heading",
            Text(
                "How we protect it",
                "我们如何保护这些信息",
                "我們如何保護這些資訊",
            ),
        ),
        (
            "paragraph",
            Text(
                "Each case is encrypted as soon as it is received, and the keys are kept separate from the data. Only staff who review cases can decrypt them, and each of them must sign in with two-factor authentication.",
                "每个案例在收到后都会立即加密，密钥与数据分开存放。只有负责审阅案例的工作人员才能解密，而且每个人都必须通过双重验证登录。",
                "每個案例在收到後都會立即加密，金鑰與資料分開存放。只有負責審閱案例的工作人員才能解密，而且每個人都必須透過雙重驗證登入。",
            ),
        ),
        (
            "paragraph",
            Text(
                "Before we store a photo, document or screenshot you upload, we remove its hidden metadata, such as the GPS location, the device model and the time it was created.",
                "在保存您上传的照片、文档或截图之前，我们会删除其中的隐藏元数据，例如 GPS 位置、设备型号和创建时间。",
                "在儲存您上傳的照片、文件或截圖之前，我們會刪除其中的隱藏中繼資料，例如 GPS 位置、裝置型號和建立時間。",
            ),
        ),
        (
            "heading",
            Text(
                "How long we keep it",
                "我们会保存多久",
                "我們會保存多久",
            ),
        ),
        (
            "paragraph",
            Text(
                "If your case is not selected, we delete it within twelve months of that decision. If it is selected, we keep it while the legal action is being prepared and pursued, and delete it within six months after the action ends. You can ask us to delete it sooner at any time.",
                "如果您的案例未被选中，我们会在作出该决定后的十二个月内将其删除。如果被选中，我们会在准备和进行法律行动期间保存，并在行动结束后的六个月内删除。您随时可以要求我们提前删除。",
                "如果您的案例未被選中，我們會在做出該決定後的十二個月內將其刪除。如果被選中，我們會在準備和進行法律行動期間儲存，並在行動結束後的六個月內刪除。您隨時可以要求我們提前刪除。",
            ),
        ),
        (
            "heading",
            Text(
                "Your rights",
                "您的权利",
                "您的權利",
            ),
        ),
        (
            "paragraph",
            Text(
                "You can ask for a copy of the information we hold about your case, ask us to correct it, withdraw your consent, or ask us to delete your case entirely.",
                "您可以要求获取我们所保存的与您案例有关的信息副本，要求我们更正信息，撤回您的同意，或者要求我们彻底删除您的案例。",
                "您可以要求取得我們所儲存的與您案例有關的資訊副本，要求我們更正資訊，撤回您的同意，或者要求我們徹底刪除您的案例。",
            ),
        ),
        (
            "paragraph",
            Text(
                "On “My case”, with your receipt code, you can yourself grant or withdraw each consent (sharing with counsel, being a named plaintiff, counting in statistics, keeping your original files), change your contact details, and withdraw your case, which erases it. For the other rights, write to cases@example.org and include your receipt code, so that we can find your case without asking who you are. We will reply within 30 days.",
                "在“我的案件”，凭回执码，您可以自行给予或撤回每一项同意（提供给律师、担任具名原告、计入统计、保留原始文件），更改联系方式，以及撤回并清除您的案例。如需行使其他权利，请发邮件至 cases@example.org 并附上您的回执码，这样我们无需询问您的身份就能找到您的案例。我们会在30天内答复。",
                "在「我的案件」，憑回執碼，您可以自行給予或撤回每一項同意（提供給律師、擔任具名原告、計入統計、保留原始檔案），更改聯絡方式，以及撤回並清除您的案例。如需行使其他權利，請寄電子郵件至 cases@example.org 並附上您的回執碼，這樣我們無需詢問您的身份就能找到您的案例。我們會在30天內答覆。",
            ),
        ),
        (
            "paragraph",
            Text(
                "If you have lost your receipt code, tell us what you can about your case and how to reach you, and we will try to find it. Where data protection law gives you the right, you may also complain to a data protection authority.",
                "如果您遗失了回执码，请尽量告诉我们案例的相关情况以及联系方式，我们会设法找到您的案例。在数据保护法律赋予您这一权利的情况下，您也可以向数据保护监管机构投诉。",
                "如果您遺失了回執碼，請儘量告訴我們案例的相關情況以及聯絡方式，我們會設法找到您的案例。在資料保護法律賦予您這一權利的情況下，您也可以向資料保護監管機構投訴。",
            ),
        ),
        (
            "heading",
            Text(
                "Changes to this notice",
                "本声明的变更",
                "本聲明的變更",
            ),
        ),
        (
            "paragraph",
            Text(
                "If we change how we handle your data, we will update this page and publish an announcement. This notice was last updated on 1 September 2026.",
                "如果我们改变处理数据的方式，会更新本页面并发布公告。本声明最后更新于2026年9月1日。",
                "如果我們改變處理資料的方式，會更新本頁面並發布公告。本聲明最後更新於2026年9月1日。",
            ),
        ),
    ],
}


# Announcements: the index page and two dated posts.
ANNOUNCEMENT_INDEX = {
    "slug": "announcements",
    "title": Text(
        "Announcements",
        "公告",
        "公告",
    ),
    "intro": Text(
        "News about the campaign and about how we handle cases.",
        "关于本次行动以及案例处理方式的最新消息。",
        "關於本次行動以及案例處理方式的最新訊息。",
    ),
}


ANNOUNCEMENTS = [
    {
        "slug": "case-intake-opens",
        "date": date(2026, 9, 15),
        "title": Text(
            "Case intake is now open",
            "案例征集正式开始",
            "案例徵集正式開始",
        ),
        "summary": Text(
            "From today, anyone harmed by WeChat censorship or surveillance can tell us what happened, in Chinese or English, free of charge.",
            "从今天起，凡是受到微信审查或监控伤害的人，都可以用中文或英文免费向我们讲述自己的经历。",
            "從今天起，凡是受到微信審查或監控傷害的人，都可以用中文或英文免費向我們講述自己的經歷。",
        ),
        "body": [
            (
                "paragraph",
                Text(
                    "Today we open our case intake. People who were persecuted, lost money or suffered in other ways because of WeChat censorship and surveillance now have a safe place to tell their story, with a view to legal action against Tencent.",
                    "今天，我们正式开始征集案例。因微信的审查和监控而遭受迫害、蒙受经济损失或受到其他伤害的人，从此有了一个可以安全讲述自身经历的地方，为针对腾讯的法律行动提供支持。",
                    "今天，我們正式開始徵集案例。因微信的審查和監控而遭受迫害、蒙受經濟損失或受到其他傷害的人，從此有了一個可以安全講述自身經歷的地方，為針對騰訊的法律行動提供支持。",
                ),
            ),
            (
                "paragraph",
                Text(
                    'We are collecting four kinds of cases: persecution caused by WeChat censorship; financial losses when an account was closed for an "improper statement" or "sensitive information"; mental or material harm from privacy violations or censorship; and losses suffered by investors in Tencent shares or ADRs.',
                    "我们收集四类案例：因微信审查而遭受的迫害；账号因“不当言论”或“敏感信息”被封禁而造成的经济损失；因隐私被侵犯或内容被审查而造成的精神或物质损害；以及腾讯股票或美国存托凭证投资者蒙受的损失。",
                    "我們收集四類案例：因微信審查而遭受的迫害；帳號因「不當言論」或「敏感資訊」被封禁而造成的經濟損失；因隱私被侵犯或內容被審查而造成的精神或物質損害；以及騰訊股票或美國存託憑證投資者蒙受的損失。",
                ),
            ),
            (
                "paragraph",
                Text(
                    "Every case will be read by our staff. We will select the cases that appear to have merit and contact those claimants to gather evidence. We expect to receive many more cases than can be taken forward, so please do not be discouraged if you do not hear from us quickly.",
                    "每个案例都会由我们的工作人员阅读。我们会挑选出看来有依据的案例，并联系相关当事人收集证据。我们预计收到的案例会远多于能够推进的数量，所以如果没有很快收到我们的消息，请不要灰心。",
                    "每個案例都會由我們的工作人員閱讀。我們會挑選出看來有依據的案例，並聯絡相關當事人收集證據。我們預計收到的案例會遠多於能夠推進的數量，所以如果沒有很快收到我們的訊息，請不要灰心。",
                ),
            ),
            (
                "paragraph",
                Text(
                    "Submitting a case is free and does not make us your lawyers. Before you begin, please read the safety advice on our home page and our privacy notice.",
                    "提交案例是免费的，也不代表我们成为您的律师。开始之前，请先阅读首页上的安全提示和我们的隐私声明。",
                    "提交案例是免費的，也不代表我們成為您的律師。開始之前，請先閱讀首頁上的安全提示和我們的隱私權聲明。",
                ),
            ),
        ],
    },
    {
        "slug": "how-we-protect-your-evidence",
        "date": date(2026, 10, 20),
        "title": Text(
            "How we protect your evidence",
            "我们如何保护您的证据",
            "我們如何保護您的證據",
        ),
        "summary": Text(
            "What happens to your screenshots, documents and messages after you send them to us, and what you can do to stay safe.",
            "您发给我们的截图、文件和聊天记录会经过怎样的处理，以及您可以如何保护自己。",
            "您發給我們的截圖、文件和聊天記錄會經過怎樣的處理，以及您可以如何保護自己。",
        ),
        "body": [
            (
                "paragraph",
                Text(
                    "Since we opened case intake, many of you have asked what happens to the evidence you send us. It is an important question, because for many claimants a leak could mean new harassment or worse.",
                    "自从开始征集案例以来，很多人问我们：发过来的证据会被怎样处理？这个问题非常重要，因为对许多当事人来说，一旦泄露，就可能招致新的骚扰，甚至更严重的后果。",
                    "自從開始徵集案例以來，很多人問我們：發過來的證據會被怎樣處理？這個問題非常重要，因為對許多當事人來說，一旦洩露，就可能招致新的騷擾，甚至更嚴重的後果。",
                ),
            ),
            (
                "paragraph",
                Text(
                    "Every file you upload is stripped of hidden metadata before it is stored. Photos taken on a phone often record where and when they were taken and which device was used; we remove that information so that it cannot point back to you.",
                    "您上传的每个文件在保存之前都会被清除隐藏的元数据。手机拍摄的照片通常会记录拍摄地点、时间和所用设备；我们会删除这些信息，使其无法追溯到您。",
                    "您上傳的每個檔案在儲存之前都會被清除隱藏的中繼資料。手機拍攝的照片通常會記錄拍攝地點、時間和所用裝置；我們會刪除這些資訊，使其無法追溯到您。",
                ),
            ),
            (
                "paragraph",
                Text(
                    "Your case and files are then encrypted. Only the small team who review cases can open them, and each of them must sign in with two-factor authentication. We do not store IP addresses and we use no trackers, so our records do not show where you connected from.",
                    "随后，您的案例和文件会被加密。只有负责审阅案例的少数工作人员能够打开，而且每个人都必须通过双重验证登录。我们不保存 IP 地址，也不使用追踪器，因此我们的记录不会显示您是从哪里连接到本网站的。",
                    "隨後，您的案例和檔案會被加密。只有負責審閱案例的少數工作人員能夠開啟，而且每個人都必須透過雙重驗證登入。我們不儲存 IP 地址，也不使用追蹤器，因此我們的記錄不會顯示您是從哪裡連線到本網站的。",
                ),
            ),
            (
                "paragraph",
                Text(
                    "You can protect yourself too. Keep the original, unedited files in a safe place outside WeChat, for example on an encrypted USB drive, because the lawyers may need the originals later. Never send evidence to anyone who contacts you through WeChat claiming to be us.",
                    "您也可以采取措施保护自己。请把未经编辑的原始文件保存在微信以外的安全地方，例如加密的U盘中，因为律师日后可能需要原件。如果有人通过微信联系您并自称是我们，千万不要把证据发给对方。",
                    "您也可以採取措施保護自己。請把未經編輯的原始檔案儲存在微信以外的安全地方，例如加密的隨身碟中，因為律師日後可能需要原件。如果有人透過微信聯絡您並自稱是我們，千萬不要把證據發給對方。",
                ),
            ),
            (
                "paragraph",
                Text(
                    "If you have already submitted a case and are worried about something you sent, you can withdraw the whole case yourself on “My case” with your receipt code, which erases everything you sent.",
                    "如果您已经提交了案例，又担心自己发送的某些内容，可以凭回执码在“我的案件”自行撤回整个案例，您发送的所有内容都会被清除。",
                    "如果您已經提交了案例，又擔心自己傳送的某些內容，可以憑回執碼在「我的案件」自行撤回整個案例，您傳送的所有內容都會被清除。",
                ),
            ),
        ],
    },
]
