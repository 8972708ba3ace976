"""What a new case's answers say about its consents and contact preferences, by question role and
type: the starting point of what the claimant can change later on "My case"."""

from ..cases.models import ConsentUse
from .field_types import ContactPreference, Role, consented

CONSENT_USE_BY_ROLE = {
    Role.CONSENT_SHARE_COUNSEL: ConsentUse.SHARE_COUNSEL,
    Role.CONSENT_NAMED_PLAINTIFF: ConsentUse.NAMED_PLAINTIFF,
    Role.CONSENT_STATISTICS: ConsentUse.STATISTICS,
    Role.CONSENT_KEEP_ORIGINAL: ConsentUse.KEEP_ORIGINALS,
}
CONTACT_DETAIL_BY_ROLE = {Role.EMAIL: "email", Role.PHONE: "phone"}


def initial_consents(questions, answers):
    """{ConsentUse: ticked?} from the consent questions' roles (a use with no question: refused)."""
    return {use: consented(questions, answers, role) for role, use in CONSENT_USE_BY_ROLE.items()}


def initial_contact(questions, answers):
    """{"safe", "never", "email", "phone", "signal"} from the contact questions."""
    contact = {"safe": [], "never": [], "email": "", "phone": "", "signal": ""}
    for question in questions:
        value = answers.get(question.clean_name)
        if question.role in CONTACT_DETAIL_BY_ROLE and isinstance(value, str):
            contact[CONTACT_DETAIL_BY_ROLE[question.role]] = value.strip()
        elif question.field_type == ContactPreference.key and isinstance(value, dict):
            for part in ("safe", "never"):
                contact[part] += [key for key in value.get(part) or [] if key not in contact[part]]
    return contact
