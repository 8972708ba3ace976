"""Builders for intake tests: a valid answer for every question of a form, and real image files."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forms_app.intake.field_types import field_type
from forms_app.intake.human_check import issue_token
from forms_app.models import IntakeFormPage


def jpeg_bytes(size=(64, 48), colour=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def png_bytes(size=(40, 40), colour=(20, 120, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def evidence_files():
    return [
        SimpleUploadedFile("截图 1.jpg", jpeg_bytes(), content_type="image/jpeg"),
        SimpleUploadedFile("notice.png", png_bytes(), content_type="image/png"),
    ]


class SampleAnswers:
    """A fixed source of answers for the field types' ``fake`` (forms_app.intake.field_types):
    every question answered, the same way every time."""

    def line(self):
        return "An answer"

    def text(self):
        return "They summoned me for tea after my post about the flood. 我被约谈了。"

    def wechat_id(self):
        return "wxid_test123"

    def phone(self):
        return ""  # optional, and a shared number would make every test case a possible duplicate

    def name(self):
        return "张三 Zhang San"

    def email(self):
        return "claimant@example.org"

    def number(self):
        return "12"

    def date(self):
        return datetime.date(2024, 5, 1)

    def period(self):
        return datetime.date(2024, 1, 10), datetime.date(2024, 3, 2)

    def money(self):
        return "1234.50", "CNY"

    def choice(self, keys):
        return keys[0]

    def some(self, keys):
        return keys[:2]

    def yes(self):
        return True

    def evidence_count(self):
        return 0

    def channels(self):
        return ["email", "signal"], ["wechat", "phone_86"]


SAMPLE = SampleAnswers()


def value_for(field, files=None):
    """{post key: value} answering one question validly, as its field type fakes it."""
    kind = field_type(field.field_type)
    data = kind.post(field.clean_name, kind.fake(SAMPLE, field))
    if field.field_type == "evidence":
        data[field.clean_name] = files if files is not None else evidence_files()
    return data


def proof_of_work():
    """What the ALTCHA widget sends: a challenge from our verifier, solved (cheap in test settings)."""
    from altcha import Challenge, Payload, solve_challenge
    from altcha_django.verifiers import get_verifier

    challenge = Challenge.from_dict(get_verifier().get_challenge())
    return Payload(challenge, solve_challenge(challenge)).to_base64()


def human_check(javascript=True, issued_at=None):
    """The hidden inputs of the human check as a browser sends them: a form token issued an hour ago
    (or at ``issued_at``) and, with JavaScript, a solved proof-of-work."""
    import time

    data = {"form_token": issue_token(time.time() - 3600 if issued_at is None else issued_at)}
    if javascript:
        data["altcha"] = proof_of_work()
    return data


def complete_answers(page: IntakeFormPage, files=None, skip=(), javascript=True):
    """Valid answers to every question, with a fresh form token and proof-of-work."""
    data = human_check(javascript)
    for field in page.get_form_fields():
        if field.clean_name not in skip:
            data.update(value_for(field, files))
    return data
