"""Fill the review queue with realistic fake cases, for trying it out and measuring it.

Cases answer the seeded intake forms (run ``seed_demo`` first) in all three languages and four case
types, spread over every status, with sealed answers, blind search indexes, duplicate identifiers
(a few percent share a WeChat ID, phone or e-mail), reported losses, merit scores, tags and
assignments to existing reviewers. Evidence counts are set without files. Never run on production.
"""

import datetime
import multiprocessing
import queue
import random
import secrets
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone

from forms_app.cases import indexing
from forms_app.cases.activity import consent_rows
from forms_app.cases.models import CaseConsent, ClaimantContact, LimitationRule, TradePosition
from forms_app.cases.models.case import new_reference
from forms_app.cases.receipts import new_receipt_code, receipt_code_hash
from forms_app.intake.claimant_state import initial_consents, initial_contact
from forms_app.intake.counsel_data import limitation_date_for, position_rows
from forms_app.intake.field_types import field_type, identifiers, searchable_texts
from forms_app.intake.submission import loss_rows, question_as_seen
from forms_app.models import (
    Case,
    CaseAssessment,
    CaseIdentifier,
    CaseStatus,
    CaseTag,
    FormWording,
    IntakeFormPage,
    ReportedLoss,
)
from forms_app.review.permissions import assignable_reviewers

SENTENCES = {
    "en": [
        "After I shared a video about the flood my WeChat account was blocked without warning.",
        "Police officers came to my parents' home and asked about my posts in a group chat.",
        "I was summoned for tea by the local security bureau and told to delete my messages.",
        "My wallet balance was frozen and customer service said they could not explain why.",
        "The group I ran for our church was dissolved and every member was banned the same day.",
        "I lost contact with my suppliers and my small business could not take orders for months.",
        "They showed me screenshots of private messages I had sent to my sister in Canada.",
        "My account was restored only after I signed a statement admitting to spreading rumours.",
        "I bought Tencent shares in Hong Kong before the news about the data sharing came out.",
        "My employer received a report about my chats and I was dismissed a week later.",
        "I live in Toronto but my relatives in Wuhan were visited after I posted about the lockdown.",
        "Several hundred customers could no longer pay me through WeChat Pay.",
    ],
    "zh-hans": [
        "我在朋友圈转发了关于洪水的视频之后，微信账号就被封了。",
        "警察到我父母家里询问我在群聊里发的内容。",
        "当地国保约我喝茶，要求我删除聊天记录。",
        "我的零钱余额被冻结，客服说无法解释原因。",
        "我管理的教会群被解散，所有成员在同一天被封号。",
        "我和供应商失去联系，小生意好几个月都接不了订单。",
        "他们给我看了我发给在加拿大的妹妹的私信截图。",
        "我签了承认散布谣言的保证书之后，账号才被恢复。",
        "数据共享的消息传出之前，我在香港买入了腾讯股票。",
        "单位收到了关于我聊天内容的举报，一周后我被辞退。",
        "我住在多伦多，但我发了封城的帖子之后，武汉的亲戚被上门约谈。",
        "几百位客户再也无法通过微信支付付款给我。",
    ],
    "zh-hant": [
        "我在朋友圈轉發了關於洪水的影片之後，微信帳號就被封了。",
        "警察到我父母家裡詢問我在群組裡發的內容。",
        "當地國保約我喝茶，要求我刪除聊天紀錄。",
        "我的零錢餘額被凍結，客服說無法解釋原因。",
        "我管理的教會群組被解散，所有成員在同一天被封號。",
        "我和供應商失去聯絡，小生意好幾個月都接不了訂單。",
        "他們給我看了我傳給在加拿大的妹妹的私訊截圖。",
        "我簽了承認散布謠言的保證書之後，帳號才被恢復。",
        "數據共享的消息傳出之前，我在香港買入了騰訊股票。",
        "公司收到了關於我聊天內容的檢舉，一週後我被解僱。",
        "我住在多倫多，但我發了封城的貼文之後，武漢的親戚被上門約談。",
        "幾百位客戶再也無法透過微信支付付款給我。",
    ],
}
NAMES = {
    "en": ["Li Wei", "Chen Jing", "David Wong", "Grace Lam", "Zhang Min", "Helen Ho", "Kevin Liu", "Amy Chan"],
    "zh-hans": ["李伟", "陈静", "王芳", "张敏", "刘洋", "杨帆", "赵磊", "黄丽"],
    "zh-hant": ["李偉", "陳靜", "黃嘉欣", "張敏", "劉洋", "林志明", "吳美玲", "何家豪"],
}
PLACES = {
    "en": ["Wuhan", "Urumqi", "Shenzhen", "Hong Kong", "Toronto", "Vancouver", "Sydney", "London"],
    "zh-hans": ["武汉", "乌鲁木齐", "深圳", "成都", "上海", "北京", "广州", "昆明"],
    "zh-hant": ["香港", "台北", "澳門", "多倫多", "溫哥華", "雪梨", "倫敦", "台中"],
}
TAGS = ["strong", "needs translator", "media interest", "minor involved", "urgent", "follow up"]
# Roughly how a queue looks some months in: most cases early in the workflow.
STATUS_WEIGHTS = {
    CaseStatus.NEW: 40,
    CaseStatus.IN_REVIEW: 20,
    CaseStatus.NEEDS_INFORMATION: 8,
    CaseStatus.MERIT: 8,
    CaseStatus.NO_MERIT: 10,
    CaseStatus.CONTACTED: 5,
    CaseStatus.PLAINTIFF: 3,
    CaseStatus.CLOSED: 6,
}
SCORED = {CaseStatus.MERIT, CaseStatus.NO_MERIT, CaseStatus.CONTACTED, CaseStatus.PLAINTIFF}
DUPLICATE_SHARE = 0.03
LANGUAGE_WEIGHTS = {"zh-hans": 55, "zh-hant": 25, "en": 20}


class FakeClaimant:
    """A random source of answers in one language: the registry's field types ask it for values
    (forms_app.intake.field_types, FieldType.fake). Optional questions are sometimes left empty."""

    def __init__(self, rng, language, shared_identifiers, evidence_count=0):
        self.rng = rng
        self.language = language
        self.shared = shared_identifiers
        self.files = evidence_count

    def identifier(self, key, make):
        if self.shared.get(key) and self.rng.random() < DUPLICATE_SHARE:
            return self.rng.choice(self.shared[key])
        value = make()
        pool = self.shared.setdefault(key, [])
        if len(pool) < 2000:
            pool.append(value)
        return value

    def text(self, sentences=(1, 3)):
        return "".join(
            (" " if self.language == "en" else "") + self.rng.choice(SENTENCES[self.language])
            for _ in range(self.rng.randint(*sentences))
        ).strip()

    def line(self):
        if self.rng.random() < 0.5:
            return ""
        return self.rng.choice(PLACES[self.language]) if self.rng.random() < 0.5 else self.text((1, 1))[:80]

    def wechat_id(self):
        if self.rng.random() >= 0.6:
            return ""
        return self.identifier("wechat_id", lambda: f"wxid_{secrets.token_hex(5)}")

    def phone(self):
        if self.rng.random() < 0.4:
            return ""
        prefix = self.rng.choice(["+852 ", "+1 ", "+886 ", "+86 "])
        return self.identifier("phone", lambda: prefix + str(self.rng.randint(10**8, 10**9)))

    def name(self):
        return self.rng.choice(NAMES[self.language])

    def email(self):
        if self.rng.random() < 0.3:
            return ""
        domain = self.rng.choice(["proton.me", "gmail.com"])
        return self.identifier("email", lambda: f"{secrets.token_hex(4)}@{domain}")

    def number(self):
        return self.rng.randint(0, 500)

    def date(self, start=2018):
        return datetime.date(start, 1, 1) + datetime.timedelta(days=self.rng.randint(0, 2900))

    def period(self):
        start = self.date()
        end = start + datetime.timedelta(days=self.rng.randint(1, 400)) if self.rng.random() < 0.7 else None
        return start, end

    def money(self):
        if self.rng.random() < 0.3:
            return None, None
        currency = self.rng.choice(["CNY", "CNY", "CNY", "HKD", "USD", "TWD"])
        return f"{self.rng.lognormvariate(8, 1.5):.2f}", currency

    def choice(self, keys):
        return self.rng.choice(keys) if keys else ""

    def some(self, keys):
        return self.rng.sample(keys, self.rng.randint(1, min(3, len(keys)))) if keys else []

    def yes(self):
        return self.rng.random() < 0.8

    def evidence_count(self):
        return self.files

    def channels(self):
        safe = self.rng.sample(["email", "phone", "signal"], self.rng.randint(1, 2))
        never = self.rng.sample(["wechat", "phone_86", "sms", "post"], self.rng.randint(1, 3))
        return safe, never

    def answer(self, question):
        value = field_type(question.field_type).fake(self, question)
        if question.required and value in (None, "", []):  # required questions are always answered
            value = field_type(question.field_type).fake(self, question) or self.text((1, 1))
        return value


class Command(BaseCommand):
    help = "Create N realistic fake cases (all languages, case types and statuses) for trying the review queue."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--seed", type=int, default=None, help="Random seed, for repeatable data.")
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off (tests, benchmarks).")
        parser.add_argument(
            "--processes",
            type=int,
            default=1,
            help="Processes making cases side by side (PostgreSQL only; e.g. the number of cores). "
            "With --seed, each process gets its own seed, so the data is repeatable only with one.",
        )

    def handle(self, count, batch_size, seed, force, processes, **options):
        if not settings.DEBUG and not force:
            raise CommandError("Refusing to create fake cases with DEBUG off; add --force if this is not production.")
        self.batch = batch_size
        self.verbose = options.get("verbosity", 1) > 0
        forms = self.forms()
        reviewers = list(assignable_reviewers())
        tags = [CaseTag.objects.get_or_create(name=name)[0] for name in TAGS]
        references = set(Case.objects.values_list("reference", flat=True))
        # SQLite takes one writer at a time: more processes would only wait for each other.
        processes = max(1, min(processes, count)) if connection.vendor == "postgresql" else 1
        made, started = 0, time.monotonic()
        if processes == 1:
            for size in self.make(count, seed, forms, reviewers, tags, references):
                made += size
                self.progress(made, count, time.monotonic() - started)
        else:
            made = self.make_in_processes(processes, count, seed, forms, reviewers, tags, references, started)
        if self.verbose:
            self.stdout.write("")
        self.stdout.write(f"Created {made} fake cases in {time.monotonic() - started:.0f} s.")

    def make(self, count, seed, forms, reviewers, tags, references):
        """Make ``count`` cases in batches, yielding each batch's size once it is committed."""
        rng = random.Random(seed)  # noqa: S311 - fake data, not security
        self.hashes = {}
        shared = {}
        made = 0
        while made < count:
            size = min(self.batch, count - made)
            for attempt in range(1, 4):
                try:
                    with transaction.atomic():
                        self.make_batch(rng, size, forms, reviewers, tags, references, shared)
                    break
                except IntegrityError:
                    # Another process took one of this batch's references or receipt codes (a
                    # chance in billions): the batch was rolled back, and is made again.
                    if attempt == 3:
                        raise
            made += size
            yield size

    def make_in_processes(self, processes, count, seed, forms, reviewers, tags, references, started):
        """``processes`` forked children share ``count``; the parent draws their progress."""
        connections.close_all()  # each child opens its own connection
        context = multiprocessing.get_context("fork")
        reports = context.Queue()
        children = []
        for number in range(processes):
            share = count // processes + (1 if number < count % processes else 0)
            child_seed = None if seed is None else seed + number
            arguments = (share, child_seed, forms, reviewers, tags, references, reports)
            children.append(context.Process(target=self.make_in_child, args=arguments))
        for child in children:
            child.start()
        made = 0
        while any(child.is_alive() for child in children) or not reports.empty():
            try:
                made += reports.get(timeout=0.5)
            except queue.Empty:
                continue
            self.progress(made, count, time.monotonic() - started)
        failed = [child.exitcode for child in children if child.exitcode != 0]
        if failed:
            raise CommandError(f"{len(failed)} of {processes} processes failed; {made} cases were made.")
        return made

    def make_in_child(self, count, seed, forms, reviewers, tags, references, reports):
        try:
            for size in self.make(count, seed, forms, reviewers, tags, references):
                reports.put(size)
        finally:
            connections.close_all()

    def progress(self, made, count, elapsed):
        """A one-line progress bar (redrawn in place on a terminal, one line per 10% otherwise)."""
        if not self.verbose:
            return
        share = made / count
        rate = made / elapsed if elapsed else 0
        remaining = (count - made) / rate if rate else 0
        bar = "#" * int(30 * share)
        line = f"[{bar:<30}] {made:>7}/{count} {100 * share:5.1f}%  {rate:5.0f} cases/s  ~{remaining:4.0f} s left"
        if sys.stdout.isatty():
            self.stdout.write(line, ending="\r")
            self.stdout.flush()
        elif made == count or made * 10 // count != (made - min(made, self.batch)) * 10 // count:
            self.stdout.write(line)

    def forms(self):
        forms = {}
        for page in IntakeFormPage.objects.live().select_related("locale"):
            fields = list(page.get_form_fields())
            questions = {field.clean_name: question_as_seen(field) for field in fields}
            forms[(page.case_type, page.locale.language_code)] = (page, fields, FormWording.store(questions))
        if not forms:
            raise CommandError("No intake forms: run `manage.py seed_demo` first.")
        return forms

    def hash_token(self, token):
        """(bucket, exact hash) of a token, cached: fake answers repeat the same sentences."""
        value = self.hashes.get(token)
        if value is None:
            value = self.hashes[token] = indexing.token_hashes(token)
        return value

    def make_batch(self, rng, size, forms, reviewers, tags, references, shared):
        now = timezone.now()
        keys = list(forms)
        languages = [language for _type, language in keys]
        weights = [LANGUAGE_WEIGHTS.get(language, 10) for language in languages]
        statuses, status_weights = zip(*STATUS_WEIGHTS.items(), strict=True)
        cases, answer_sets = [], []
        rules = {rule.case_type: rule for rule in LimitationRule.objects.all()}
        for _index in range(size):
            case_type, language = rng.choices(keys, weights)[0]
            page, fields, wording = forms[(case_type, language)]
            evidence_count = rng.choice([0, 0, 1, 1, 2, 3, 5])
            claimant = FakeClaimant(rng, language, shared, evidence_count)
            answers = {field.clean_name: claimant.answer(field) for field in fields}
            reference = new_reference()
            while reference in references:
                reference = new_reference()
            references.add(reference)
            submitted = now - datetime.timedelta(seconds=rng.randint(0, 730 * 86400))
            status = rng.choices(statuses, status_weights)[0]
            activity = submitted if status == CaseStatus.NEW else submitted + (now - submitted) * rng.random()
            case = Case(
                reference=reference,
                case_type=case_type,
                language=language,
                form_page=page,
                form_translation_key=page.translation_key,
                status=status,
                submitted_at=submitted,
                last_activity_at=activity,
                evidence_count=evidence_count,
                receipt_code_hash=receipt_code_hash(new_receipt_code()),
                assigned_to=rng.choice(reviewers) if reviewers and status != CaseStatus.NEW else None,
                limitation_date=limitation_date_for(case_type, fields, answers, rules[case_type])
                if case_type in rules
                else None,
            )
            case.create_data_key()
            case.set_answers(answers, None, wording_key=wording)
            index = indexing.build_index(
                searchable_texts(fields, answers), identifiers(fields, answers), self.hash_token, rng.randrange
            )
            indexing.apply_index(case, index)
            cases.append(case)
            answer_sets.append((answers, fields, index))
        Case.objects.bulk_create(cases)

        identifier_rows, losses, assessments, taggings = [], [], [], []
        consents, contacts, positions = [], [], []
        through = CaseTag.cases.through
        for case, (answers, fields, index) in zip(cases, answer_sets, strict=True):
            identifier_rows += indexing.identifier_rows(case, index)
            losses += loss_rows(case, fields, answers)
            positions += position_rows(case, fields, answers)
            consents += consent_rows(case, initial_consents(fields, answers), case.submitted_at)
            contacts.append(ClaimantContact(case=case))
            contacts[-1].set(initial_contact(fields, answers))
            if case.status in SCORED:
                assessments.append(CaseAssessment(case=case, merit_score=rng.randint(1, 5)))
            if rng.random() < 0.15:
                taggings += [through(case=case, casetag=tag) for tag in rng.sample(tags, rng.randint(1, 2))]
        CaseIdentifier.objects.bulk_create(identifier_rows, batch_size=5000)
        ReportedLoss.objects.bulk_create(losses, batch_size=5000)
        TradePosition.objects.bulk_create(positions, batch_size=5000)
        CaseAssessment.objects.bulk_create(assessments, batch_size=5000)
        through.objects.bulk_create(taggings, batch_size=5000)
        CaseConsent.objects.bulk_create(consents, batch_size=5000)
        ClaimantContact.objects.bulk_create(contacts, batch_size=5000)
