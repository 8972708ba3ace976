# ruff: noqa: E501 -- long strings are kept on one line each.
"""The demo public site's shape and English text (its Chinese texts are in the demo catalogs).

Data only: the demo seeder turns it into Wagtail pages, then translates them through wagtail-localize from
locale/zh_Hans/LC_MESSAGES/demo.po and locale/zh_Hant/LC_MESSAGES/demo.po beside this file (msgid = the
English string here). Every string is plain text (no HTML or Markdown, no newlines). Translations are looked
up by the exact English string, so an English string has one translation wherever it appears. Slugs, keys
and e-mail addresses are code-owned and never translated.
"""

from datetime import date

# Organisation-wide text: header, footer and contact address.
ORGANISATION = {
    "name": "WeChat Accountability Project",
    "tagline": "Collecting cases of harm caused by WeChat censorship and surveillance",
    "contact_email": "cases@example.org",
    "security_contact": "security@example.org",
    "footer_text": [
        "The WeChat Accountability Project is an independent civil-rights initiative. We are not a law firm, and nothing on this site is legal advice.",
        "Never send us evidence through WeChat. We will never contact you through WeChat or a +86 phone number unless you ask us to.",
    ],
}


# The home page: hero, the four case types (in this order), call to action and safety notice.
HOME = {
    "title": "Home",
    "hero_heading": "Has WeChat censorship or surveillance harmed you?",
    "hero_text": "We are collecting cases from people who were persecuted, lost money or suffered in other ways because of how WeChat censors and watches its users. Cases with merit may become part of a class action against Tencent, the company behind WeChat. Telling us what happened is free and confidential, and you decide how much to share.",
    "case_types_heading": "Four kinds of cases we collect",
    "case_types_intro": "Choose the description closest to what happened to you. If your experience fits more than one, choose the one that affected you most and describe the rest in the same form.",
    "case_types": [
        {
            "key": "persecution",
            "heading": "Persecution caused by WeChat censorship",
            "text": 'After something you posted, shared or sent on WeChat came to the attention of the authorities, you were harassed, "invited to tea" or summoned by the police, disciplined at work or school, lost your job, forced to move, detained, sentenced or tortured.',
            "link_label": "Report persecution",
        },
        {
            "key": "account_closure",
            "heading": "Money lost when your account was closed",
            "text": 'WeChat closed or restricted your account for an "improper statement" or "sensitive information", and you lost money: a frozen WeChat Pay balance, an official account that can no longer receive tips, a mini-program that stopped doing business, or business contacts you could no longer reach.',
            "link_label": "Report a financial loss",
        },
        {
            "key": "privacy_censorship",
            "heading": "Harm from privacy violations or censorship",
            "text": "Your private messages or files were exposed, your posts were deleted, your Moments were censored, your groups were disbanded, friend requests were blocked, messages you sent could be seen only by you, or share buttons were disabled, and this caused you distress or material loss.",
            "link_label": "Report a privacy or censorship harm",
        },
        {
            "key": "investor",
            "heading": "Losses as a Tencent investor",
            "text": "You held Tencent shares (0700.HK) or American depositary receipts (TCEHY) and believe you lost money because Tencent did not disclose the full extent of its relationship with the Chinese government.",
            "link_label": "Report an investor loss",
        },
    ],
    "counter": {
        "heading": "Cases received so far",
        "intro": "Every case counts. These numbers include only people who agreed to be counted.",
    },
    "cta": {
        "heading": "Tell us what happened",
        "text": "You do not need to have all your evidence ready now. If your case is selected, our staff will contact you to gather it.",
        "button_label": "Submit a case",
    },
    "safety": {
        "heading": "Stay safe while you report",
        "text": [
            "Open this site in a normal web browser such as Firefox, Chrome or Safari, not in WeChat's built-in browser, and do not use a phone or computer provided by your employer.",
            "If you are in mainland China, or worry that someone is watching your internet connection, consider using a trustworthy VPN or Tor Browser.",
            "When you submit, you will receive a receipt code. Keep it somewhere private and do not share it with anyone, because it identifies your case.",
            "Give us a way to reach you that is safe for you, such as an email address with a provider outside China. We will not contact you through WeChat or a +86 number unless you specifically ask us to.",
        ],
    },
}


# Content pages. "body" is a list of (block type, value) pairs.
ABOUT = {
    "slug": "about",
    "title": "About us",
    "intro": "Who we are, why we are collecting cases, and what happens to the cases you send us.",
    "body": [
        (
            "heading",
            "Who we are",
        ),
        (
            "paragraph",
            "The WeChat Accountability Project is run by a civil-rights organisation that documents how censorship and surveillance on WeChat harm ordinary people. WeChat is owned by Tencent, one of the largest technology companies in the world, and is used by more than a billion people.",
        ),
        (
            "paragraph",
            "For years, people have lost their freedom, their livelihoods and their peace of mind because of WeChat censorship and surveillance. Most of them have never had anywhere to turn. We want to change that.",
        ),
        (
            "heading",
            "Why we are collecting cases",
        ),
        (
            "paragraph",
            "We are gathering cases to support a possible class action against Tencent. A class action lets many people who were harmed in similar ways bring their claims together, which can make it possible to hold a very large company to account.",
        ),
        (
            "paragraph",
            "Whether a lawsuit is filed, where, and on whose behalf will be decided by independent lawyers on the basis of the evidence. We cannot promise that a case will be brought or that anyone will receive compensation.",
        ),
        (
            "heading",
            "Who can submit a case",
        ),
        (
            "paragraph",
            "Anyone who was harmed in one of the four ways described on our home page can submit a case, wherever they live and whatever their nationality. You can write in Chinese or in English.",
        ),
        (
            "paragraph",
            "If a family member cannot safely submit a case themselves, you may submit it on their behalf with their agreement. Please say in the form that you are doing so.",
        ),
        (
            "notice",
            {
                "heading": "We are not a law firm",
                "text": "Submitting a case is free. It does not make you our client or anyone else's, and it does not create a lawyer-client relationship. If you need legal advice about your own situation, please consult a lawyer.",
            },
        ),
        (
            "heading",
            "What happens after you submit",
        ),
        (
            "paragraph",
            "Every case is read by a member of our staff. We look at what happened, when, and what evidence may exist, and we select the cases that appear to have merit for the planned action.",
        ),
        (
            "paragraph",
            "If your case is selected, we will contact you through the channel you chose to ask for evidence and more detail. Many cases will not be selected. That is not a judgement on your suffering; it usually means the case does not fit the legal claims being prepared.",
        ),
        (
            "paragraph",
            "You can withdraw your case at any time, for any reason, on “My case” (linked at the bottom of every page) with your receipt code. We then erase it, unless we are legally required to keep it for now; in that case our lawyers will contact you.",
        ),
        (
            "heading",
            "How we protect you",
        ),
        (
            "paragraph",
            "Your case is encrypted as soon as it reaches our server. We do not store IP addresses, we use no trackers or analytics, and only a small number of staff, each protected by two-factor authentication, can read cases. Our privacy notice explains the details.",
        ),
    ],
}


FAQ = {
    "slug": "faq",
    "title": "Frequently asked questions",
    "intro": "Answers to the questions people ask us most often. If yours is not here, write to us.",
    "body": [
        (
            "question_answer",
            {
                "question": "Who is behind this site?",
                "answer": "The WeChat Accountability Project, an independent civil-rights initiative. We have no connection with Tencent or with any government.",
            },
        ),
        (
            "question_answer",
            {
                "question": "Does it cost anything?",
                "answer": "No. Submitting a case is free, and we will never ask you to pay to have your case reviewed or to take part in the action. Anyone who asks you for money in our name is not us.",
            },
        ),
        (
            "question_answer",
            {
                "question": "Are you my lawyers?",
                "answer": "No. We are not a law firm, and submitting a case does not create a lawyer-client relationship with us or with anyone else. If your case is selected and you agree, we may put you in touch with the lawyers preparing the action; any relationship with them would be set up separately and in writing.",
            },
        ),
        (
            "question_answer",
            {
                "question": "Do I have to give my real name?",
                "answer": "Not at first. You can describe what happened without giving your name. If your case is selected, the lawyers will eventually need to know who you are, and we will explain why and ask for your permission before anything is shared.",
            },
        ),
        (
            "question_answer",
            {
                "question": "I still live in China. Is it safe to submit a case?",
                "answer": "No method is completely free of risk, and only you can judge your own situation. To reduce the risk, use a normal browser rather than WeChat, use a trustworthy VPN or Tor Browser, do not use a work device, and give us a contact channel that the authorities cannot easily read. You can also wait until you are somewhere safer.",
            },
        ),
        (
            "question_answer",
            {
                "question": "What is the receipt code for?",
                "answer": "After you submit, the site shows you a receipt code. With it you can open “My case” (linked at the bottom of every page) to see your case's status, answer our questions, send more evidence, change how we may contact you and what you agree to, or withdraw your case. My case never shows your answers or your files. Write the code down somewhere private and do not share it. We keep it only in a form that cannot be turned back into the code, so we cannot send it to you again; if you lose it, you can send a new case.",
            },
        ),
        (
            "question_answer",
            {
                "question": "What evidence should I keep?",
                "answer": "Keep anything that shows what happened: screenshots of WeChat notices, chat records, payment records, letters from your employer or school, police documents, medical records or brokerage statements. Store copies somewhere safe outside WeChat. You do not need to send them now.",
            },
        ),
        (
            "question_answer",
            {
                "question": "Will you contact me through WeChat?",
                "answer": "No. We will not contact you through WeChat or a +86 phone number unless you ask us to. If someone claiming to be us contacts you that way, be careful and do not give them your receipt code.",
            },
        ),
        (
            "question_answer",
            {
                "question": "What if my case is not selected?",
                "answer": "Many cases will not be selected, often for legal reasons such as when or where the harm happened. Your account still matters, because it helps us document the scale of the problem. We keep it only as long as our privacy notice allows, and you can ask us to delete it sooner.",
            },
        ),
        (
            "question_answer",
            {
                "question": "Can I withdraw my case?",
                "answer": "Yes, at any time and without giving a reason. On “My case”, enter your receipt code and choose “Withdraw my case”: your answers, files and contact details are erased at once. If we are legally required to keep your case for now, your request is recorded and our lawyers will contact you through the channel you said is safe. If your information has already been shared with lawyers with your consent, we will ask them to delete it too.",
            },
        ),
        (
            "question_answer",
            {
                "question": "I invested in Tencent. Can I submit a case?",
                "answer": "Yes, if you bought Tencent shares on the Hong Kong stock exchange (0700.HK) or Tencent ADRs in the United States (TCEHY) and believe your losses are linked to Tencent not disclosing its relationship with the Chinese government. Keep your trade confirmations and account statements.",
            },
        ),
        (
            "question_answer",
            {
                "question": "Which language should I write in?",
                "answer": "Whichever you are most comfortable with. Our staff read Simplified Chinese, Traditional Chinese and English.",
            },
        ),
        (
            "question_answer",
            {
                "question": "How do you protect my information?",
                "answer": "Cases are encrypted when they reach our server, and only a few staff, signing in with two-factor authentication, can read them. We do not store IP addresses and we use no trackers. From the files you upload we remove the hidden data we know how to remove, such as location, device and dates; what a picture, document or recording itself shows is not changed and can still identify you. See our privacy notice for details.",
            },
        ),
    ],
}


PRIVACY = {
    "slug": "privacy",
    "title": "Privacy notice",
    "intro": "How we collect, use and protect the information you give us, and the rights you have over it.",
    "body": [
        (
            "heading",
            "Who is responsible for your data",
        ),
        (
            "paragraph",
            "The WeChat Accountability Project is the controller of the personal data collected through this site. You can contact us about anything in this notice at cases@example.org.",
        ),
        (
            "heading",
            "What we collect",
        ),
        (
            "paragraph",
            "We collect only what you choose to give us in the case form: your description of what happened, the type of case, the dates and places involved, the contact channel you want us to use, any name you choose to give, and any files you upload.",
        ),
        (
            "paragraph",
            "What you tell us may reveal your political opinions, religious beliefs, health, or criminal proceedings against you. We treat all such information as highly sensitive.",
        ),
        (
            "heading",
            "What we do not collect",
        ),
        (
            "paragraph",
            "We do not store your IP address or your browser's user agent. We use no analytics, advertising or tracking tools, and our pages load nothing from other websites.",
        ),
        (
            "paragraph",
            "The only cookies we set are a session cookie, a security cookie that protects forms against forgery (CSRF), and, just after you send a case, a cookie that carries your case number and receipt code, encrypted, to the page that shows them, which then removes it. All of them end when you close your browser, all are needed for the site to work, and none is used to follow you.",
        ),
        (
            "heading",
            "Why we use your information",
        ),
        (
            "paragraph",
            "We use your case to assess whether it could form part of legal action against Tencent, to contact you if it is selected, and, with your agreement, to prepare that action. We may also count cases to produce anonymous statistics that never identify anyone.",
        ),
        (
            "heading",
            "Legal basis",
        ),
        (
            "paragraph",
            "We process your data on the basis of your consent, which you give when you submit the form. For sensitive information, such as your political opinions, we rely on your explicit consent. You can withdraw your consent at any time; this does not affect processing we carried out lawfully before you withdrew it.",
        ),
        (
            "heading",
            "Who we share it with",
        ),
        (
            "paragraph",
            "We do not sell your data, and we do not share it with Tencent, advertisers or any government. We share a case with the lawyers preparing the action only with your consent, after telling you exactly what would be shared and with whom.",
        ),
        (
            "paragraph",
            "Our site and database run on servers we rent from a hosting provider. The provider stores cases only in encrypted form and is not permitted to access their contents.",
        ),
        (
            "heading",
            "How we protect it",
        ),
        (
            "paragraph",
            "Each case is encrypted as soon as it is received, and the keys are kept separate from the data. Only staff who review cases can decrypt them, and each of them must sign in with two-factor authentication.",
        ),
        (
            "paragraph",
            "Before we store a file you upload, our staff's working copy is made without its hidden data. Photos and screenshots are rebuilt from their pixels alone, so no GPS location, device model, dates, comments or colour profile remain. PDFs lose their author, dates, attachments, scripts, page thumbnails, and the hidden data of the photos inside them; their pages and text stay as they are. Text files are kept as plain text. Audio and video keep their sound and picture exactly as recorded, without tags such as title, comments, location, dates or device, and without cover pictures, chapters or extra tracks. What a file shows or says is never changed, and invisible watermarks in screenshots cannot be removed. If we cannot remove the hidden data of an audio or video file, we accept it only if you agree that we keep your original files; we keep your untouched originals, encrypted, only if you agree.",
        ),
        (
            "heading",
            "How long we keep it",
        ),
        (
            "paragraph",
            "If your case is not selected, we erase it 365 days after that decision. If it is selected, we keep it while the legal action is being prepared and pursued, and erase it 180 days after we close it. We close a case when the action ends, or earlier if it cannot be part of it. Erasing a case destroys your answers, files and contact details; only its reference number, type, language and dates are kept. A case we are legally required to keep is erased only once that requirement ends. You can ask us to delete it sooner at any time, or withdraw it yourself on “My case”.",
        ),
        (
            "heading",
            "Your rights",
        ),
        (
            "paragraph",
            "You can ask for a copy of the information we hold about your case, ask us to correct it, withdraw your consent, or ask us to delete your case entirely.",
        ),
        (
            "paragraph",
            "On “My case”, with your receipt code, you can yourself grant or withdraw each consent (sharing with counsel, being a named plaintiff, counting in statistics, keeping your original files), change your contact details, and withdraw your case, which erases it. For the other rights, write to cases@example.org and include your receipt code, so that we can find your case without asking who you are. We will reply within 30 days.",
        ),
        (
            "paragraph",
            "If you have lost your receipt code, tell us what you can about your case and how to reach you, and we will try to find it. Where data protection law gives you the right, you may also complain to a data protection authority.",
        ),
        (
            "heading",
            "Changes to this notice",
        ),
        (
            "paragraph",
            "If we change how we handle your data, we will update this page and publish an announcement. This notice was last updated on 1 September 2026.",
        ),
    ],
}


# Announcements: the index page and two dated posts.
ANNOUNCEMENT_INDEX = {
    "slug": "announcements",
    "title": "Announcements",
    "intro": "News about the campaign and about how we handle cases.",
}


ANNOUNCEMENTS = [
    {
        "slug": "case-intake-opens",
        "date": date(2026, 9, 15),
        "title": "Case intake is now open",
        "summary": "From today, anyone harmed by WeChat censorship or surveillance can tell us what happened, in Chinese or English, free of charge.",
        "body": [
            (
                "paragraph",
                "Today we open our case intake. People who were persecuted, lost money or suffered in other ways because of WeChat censorship and surveillance now have a safe place to tell their story, with a view to legal action against Tencent.",
            ),
            (
                "paragraph",
                'We are collecting four kinds of cases: persecution caused by WeChat censorship; financial losses when an account was closed for an "improper statement" or "sensitive information"; mental or material harm from privacy violations or censorship; and losses suffered by investors in Tencent shares or ADRs.',
            ),
            (
                "paragraph",
                "Every case will be read by our staff. We will select the cases that appear to have merit and contact those claimants to gather evidence. We expect to receive many more cases than can be taken forward, so please do not be discouraged if you do not hear from us quickly.",
            ),
            (
                "paragraph",
                "Submitting a case is free and does not make us your lawyers. Before you begin, please read the safety advice on our home page and our privacy notice.",
            ),
        ],
    },
    {
        "slug": "how-we-protect-your-evidence",
        "date": date(2026, 10, 20),
        "title": "How we protect your evidence",
        "summary": "What happens to your screenshots, documents and messages after you send them to us, and what you can do to stay safe.",
        "body": [
            (
                "paragraph",
                "Since we opened case intake, many of you have asked what happens to the evidence you send us. It is an important question, because for many claimants a leak could mean new harassment or worse.",
            ),
            (
                "paragraph",
                "Before a file you upload is stored, we make a copy of it without the hidden data we know how to remove. Photos taken on a phone often record where and when they were taken and which device was used; we remove that information, and the same kind of data from PDFs, audio and video. If an audio or video file cannot be cleaned, we accept it only with your permission to keep it as it is. The picture, words or sound themselves are not changed, so they can still show who or where you are.",
            ),
            (
                "paragraph",
                "Your case and files are then encrypted. Only the small team who review cases can open them, and each of them must sign in with two-factor authentication. We do not store IP addresses and we use no trackers, so our records do not show where you connected from.",
            ),
            (
                "paragraph",
                "You can protect yourself too. Keep the original, unedited files in a safe place outside WeChat, for example on an encrypted USB drive, because the lawyers may need the originals later. Never send evidence to anyone who contacts you through WeChat claiming to be us.",
            ),
            (
                "paragraph",
                "If you have already submitted a case and are worried about something you sent, you can withdraw the whole case yourself on “My case” with your receipt code, which erases everything you sent. To remove only one file, write to cases@example.org with your receipt code and describe the file: we will delete it.",
            ),
        ],
    },
]
