"""Cases filed with distinctive answers, and the receipt code the claimant was given."""

from wagtail.users.models import UserProfile

from forms_app.cases.models import StaffNotificationRule
from forms_app.intake import submission
from tests import builders

DISTINCT = {
    "what_happened": "Zebracorn ledger story about the Harbin pawnshop",
    "wechat_id": "wxid_zebracorn_4711",
    "contact_email": "zebracorn.claimant@example.net",
    "contact_phone": "+44 7700 900471",
    "attestation_1": "Quillon Zebracorn",
}


def secrets_of(new_case):
    """Everything that must never appear in an e-mail: answers, name, contacts, the receipt code."""
    code = new_case.receipt_code
    return [*DISTINCT.values(), "Zebracorn", code, " ".join(code[i : i + 4] for i in range(0, 20, 4))]


def file_distinct_case(monkeypatch, case_type="persecution", language="en", **answers):
    """File a case through the real form; returns the NewCase (case and receipt code)."""
    captured = []

    def capture(page, form):
        captured.append(submission.file_case(page, form))
        return captured[-1]

    monkeypatch.setattr(builders, "file_case_from_form", capture)
    builders.make_case(case_type, language, **{**DISTINCT, **answers})
    return captured[0]


def staff_member(username, group, language, email=None):
    user = builders.staff(username, group, email=email or f"{username}@staff.example")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def notify_rule(case_type="", users=(), groups=()):
    rule = StaffNotificationRule.objects.create(case_type=case_type)
    rule.users.set(users)
    rule.groups.set(groups)
    return rule


def text_of(message):
    parts = [message.subject, message.body, *(content for content, _mime in getattr(message, "alternatives", []))]
    return "\n".join(str(part) for part in parts)
