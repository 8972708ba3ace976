from .cases import Case, CaseType, Evidence
from .pages import IntakeFormField, IntakeFormPage

__all__ = ["Case", "CaseType", "Evidence", "IntakeFormField", "IntakeFormPage"]
