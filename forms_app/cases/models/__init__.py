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
from .draft import Draft, DraftEvidence
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
    "CaseEvent",
    "CaseEventKind",
    "CaseIdentifier",
    "CaseIdentifierKind",
    "CaseSearchToken",
    "CaseStatus",
    "CaseTag",
    "CaseType",
    "Draft",
    "DraftEvidence",
    "Evidence",
    "EvidenceTampered",
    "ReportedLoss",
    "new_reference",
]
