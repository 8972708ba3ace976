from .cases import Case, CaseStatus, CaseType, Evidence, ReportedLoss
from .pages import IntakeFormField, IntakeFormPage

__all__ = ["Case", "CaseStatus", "CaseType", "Evidence", "IntakeFormField", "IntakeFormPage", "ReportedLoss"]
