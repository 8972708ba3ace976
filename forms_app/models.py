"""Django's entry point for the app's models. Code inside forms_app imports models from the
package that owns them (forms_app.cases.models, forms_app.intake.models), never from here."""

from .cases.models import (
    Case,
    CaseAssessment,
    CaseEvent,
    CaseEventKind,
    CaseIdentifier,
    CaseIdentifierKind,
    CaseStatus,
    CaseTag,
    CaseType,
    Evidence,
    FormWording,
    ReportedLoss,
)
from .intake.models import IntakeFormField, IntakeFormPage

__all__ = [
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
    "FormWording",
    "IntakeFormField",
    "IntakeFormPage",
    "ReportedLoss",
]
