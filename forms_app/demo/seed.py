"""The four demo intake forms, created once under the home page (English source)."""

from ..intake.field_types import Role
from ..intake.models import IntakeFormField, IntakeFormPage
from .questions import FORMS
from .site_seed import paragraphs_html, publish_new_child

# What the demo's questions mean to the code (editors choose this per question in the admin).
ROLES = {
    "wechat_id": Role.WECHAT_ID,
    "contact_phone": Role.PHONE,
    "contact_email": Role.EMAIL,
    "contact_name": Role.NAME,
    "consent_processing": Role.CONSENT_PROCESSING,
    "consent_share_counsel": Role.CONSENT_SHARE_COUNSEL,
    "consent_named_plaintiff": Role.CONSENT_NAMED_PLAINTIFF,
    "consent_statistics": Role.CONSENT_STATISTICS,
    "consent_keep_original": Role.CONSENT_KEEP_ORIGINAL,
    "purchase_amount": Role.TRANSACTION,
    "sale_amount": Role.TRANSACTION,
    "incident_period": Role.INCIDENT_DATE,
    "ban_date": Role.INCIDENT_DATE,
}


def build_fields(spec):
    fields = []
    for order, field in enumerate(spec["fields"]):
        choices = [("choice", {"key": key, "label": label}) for key, label in field.get("choices", [])]
        fields.append(
            IntakeFormField(
                sort_order=order,
                clean_name=field["clean_name"],
                field_type=field["field_type"],
                role=ROLES.get(field["clean_name"], Role.NONE),
                label=field["label"],
                help_text=field["help_text"] if field.get("help_text") else "",
                required=field["required"],
                choice_options=choices,
                condition_key=field.get("condition_key", ""),
                condition_values=field.get("condition_values", ""),
            )
        )
    return fields


def seed_forms(home):
    """{case_type: English form page}, creating the forms that do not exist yet."""
    pages = {}
    for spec in FORMS:
        page = IntakeFormPage.objects.child_of(home).filter(slug=spec["slug"]).first()
        if page is None:
            page = IntakeFormPage(
                title=spec["title"],
                slug=spec["slug"],
                case_type=spec["case_type"],
                intro=paragraphs_html(spec["intro"]),
                evidence_help=paragraphs_html(spec["evidence_help"]),
                next_steps=paragraphs_html(spec["next_steps"]),
                thank_you_text=paragraphs_html([spec["thank_you"]]),
                locale=home.locale,
            )
            page.form_fields = build_fields(spec)
            publish_new_child(home, page)
        pages[spec["case_type"]] = page
    return pages
