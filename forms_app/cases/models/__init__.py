"""The case record and everything written with it. Nothing in forms_app.cases imports intake,
review, reports or demo."""

from .case import (
    REFERENCE_ALPHABET,
    Case,
    CaseStatus,
    CaseType,
    Evidence,
    EvidenceTampered,
    ReportedLoss,
    new_reference,
)
from .claimant import CaseConsent, ClaimantContact, ClaimantReply, ConsentUse, ReviewerQuestion
from .counsel import INSTRUMENTS, CountedFrom, LimitationRule, ReferencePrice, TradePosition
from .draft import Draft, DraftEvidence
from .fields import BucketSetField
from .notifications import (
    ClaimantMail,
    ClaimantMailText,
    DigestEntry,
    MailFailure,
    StaffEvent,
    StaffMailPreference,
    StaffNotificationRule,
    UndeliverableAddress,
    UndeliverableReason,
)
from .triage import (
    CaseAssessment,
    CaseEvent,
    CaseEventKind,
    CaseIdentifier,
    CaseIdentifierKind,
    CaseTag,
)
from .wording import FormWording, WordingMismatch

__all__ = [
    "REFERENCE_ALPHABET",
    "BucketSetField",
    "Case",
    "CaseAssessment",
    "CaseConsent",
    "CaseEvent",
    "CaseEventKind",
    "CaseIdentifier",
    "CaseIdentifierKind",
    "CaseStatus",
    "CaseTag",
    "CaseType",
    "ClaimantContact",
    "ClaimantMail",
    "ClaimantMailText",
    "DigestEntry",
    "MailFailure",
    "StaffEvent",
    "StaffMailPreference",
    "StaffNotificationRule",
    "UndeliverableAddress",
    "UndeliverableReason",
    "ClaimantReply",
    "ConsentUse",
    "Draft",
    "DraftEvidence",
    "CountedFrom",
    "INSTRUMENTS",
    "LimitationRule",
    "ReferencePrice",
    "TradePosition",
    "Evidence",
    "EvidenceTampered",
    "FormWording",
    "ReportedLoss",
    "ReviewerQuestion",
    "WordingMismatch",
    "new_reference",
]
