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
from .triage import (
    CaseAssessment,
    CaseEvent,
    CaseEventKind,
    CaseIdentifier,
    CaseIdentifierKind,
    CaseSearchToken,
    CaseTag,
)

__all__ = [
    "REFERENCE_ALPHABET",
    "Case",
    "CaseAssessment",
    "CaseConsent",
    "CaseEvent",
    "CaseEventKind",
    "CaseIdentifier",
    "CaseIdentifierKind",
    "CaseSearchToken",
    "CaseStatus",
    "CaseTag",
    "CaseType",
    "ClaimantContact",
    "ClaimantReply",
    "ConsentUse",
    "CountedFrom",
    "INSTRUMENTS",
    "LimitationRule",
    "ReferencePrice",
    "TradePosition",
    "Evidence",
    "EvidenceTampered",
    "ReportedLoss",
    "ReviewerQuestion",
    "new_reference",
]
