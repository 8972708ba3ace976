from .cases import Case, CaseStatus, CaseType, Evidence, ReportedLoss
from .pages import IntakeFormField, IntakeFormPage
from .review import (
    CaseAssessment,
    CaseEvent,
    CaseEventKind,
    CaseIdentifier,
    CaseIdentifierKind,
    CaseSearchToken,
    CaseTag,
)

__all__ = [
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
    "Evidence",
    "IntakeFormField",
    "IntakeFormPage",
    "ReportedLoss",
]
