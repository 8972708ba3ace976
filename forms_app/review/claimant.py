"""What the case page shows of "My case": questions and replies, consents, current contact
preferences and details, legal hold and a pending withdrawal. Texts are opened with the case key."""

from dataclasses import dataclass, field

from django.conf import settings

from ..cases import activity
from ..cases.mail import addresses
from ..cases.models import ClaimantReply, ConsentUse, Evidence
from ..intake.field_types import ContactPreference as ContactPreferenceType


@dataclass
class QuestionItem:
    question: object
    texts: list  # [(language code, language name, text)]
    replies: list = field(default_factory=list)


@dataclass
class ClaimantPanel:
    questions: list
    replies: list
    consents: list  # [(use label, CaseConsent)]
    contact: dict | None
    contact_changed_at: object
    hold_reason: str
    files_by_reply: dict


def claimant_panel(case, contact):
    """``contact``: the case's ClaimantContact or None (activity.contact_of, read once per page)."""
    names = dict(settings.LANGUAGES)
    replies = list(ClaimantReply.objects.filter(case=case))
    files_by_reply = {}
    for reply_id, size in Evidence.objects.filter(case=case, reply__isnull=False).values_list("reply_id", "size"):
        files_by_reply.setdefault(reply_id, []).append(size)
    by_question = {}
    for reply in replies:
        reply.case = case
        reply.sizes = files_by_reply.get(reply.pk, [])
        by_question.setdefault(reply.question_id, []).append(reply)
    questions = []
    for question in case.reviewer_questions.select_related("asked_by"):
        question.case = case
        texts = [(code, names.get(code, code), text) for code, text in question.texts.items()]
        questions.append(QuestionItem(question=question, texts=texts, replies=by_question.get(question.pk, [])))
    consents = activity.consents_of(case)
    contact_values = None
    if contact is not None:
        safe, never, do_not_contact = ContactPreferenceType.channels(contact.values)
        contact_values = {
            **contact.values,
            "safe_labels": safe,
            "never_labels": never,
            "do_not_contact": do_not_contact,
            "email_undeliverable": addresses.is_undeliverable(contact.values.get("email")),
        }
    return ClaimantPanel(
        questions=questions,
        replies=replies,
        consents=[(ConsentUse(use).label, consents[use]) for use in ConsentUse.values],
        contact=contact_values,
        contact_changed_at=contact.changed_at if contact else None,
        hold_reason=activity.hold_reason(case) if case.legal_hold else "",
        files_by_reply=files_by_reply,
    )
