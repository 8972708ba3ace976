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
from .fields import BucketSetField
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
    "CaseEvent",
    "CaseEventKind",
    "CaseIdentifier",
    "CaseIdentifierKind",
    "CaseStatus",
    "CaseTag",
    "CaseType",
    "Evidence",
    "EvidenceTampered",
    "FormWording",
    "ReportedLoss",
    "WordingMismatch",
    "new_reference",
]
