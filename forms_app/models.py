"""Django's entry point for the app's models. Code inside forms_app imports models from the
package that owns them (forms_app.cases.models, forms_app.intake.models), never from here."""

from .cases.models import (
    Case,
    CaseAssessment,
    CaseConsent,
    CaseEvent,
    CaseEventKind,
    CaseIdentifier,
    CaseIdentifierKind,
    CaseStatus,
    CaseTag,
    CaseType,
    ClaimantContact,
    ClaimantReply,
    ConsentUse,
    Evidence,
    FormWording,
    LimitationRule,
    ReferencePrice,
    ReportedLoss,
    ReviewerQuestion,
    TradePosition,
)
from .intake.models import IntakeFormField, IntakeFormPage
from .intake.status_texts import CaseStatusText

__all__ = [
    "Case",
    "CaseAssessment",
    "CaseConsent",
    "CaseEvent",
    "CaseEventKind",
    "CaseIdentifier",
    "CaseIdentifierKind",
    "CaseStatus",
    "CaseStatusText",
    "CaseTag",
    "CaseType",
    "ClaimantContact",
    "ClaimantReply",
    "ConsentUse",
    "Evidence",
    "FormWording",
    "IntakeFormField",
    "IntakeFormPage",
    "LimitationRule",
    "ReferencePrice",
    "ReportedLoss",
    "ReviewerQuestion",
    "TradePosition",
]
