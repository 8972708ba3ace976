"""My case: permissions for the new staff actions, and consents and contact preferences for the
cases filed before they had rows of their own (taken from their sealed answers, by question role)."""

import json

from django.db import migrations

from forms_app.cases import crypto

CASE_HOLD = ("forms_app", "case", "hold_case", "Can place and lift legal holds")
CASE_VERIFY = ("forms_app", "case", "verify_receipt", "Can verify receipt codes")
STATUS_TEXT = [
    ("forms_app", "casestatustext", f"{action}_casestatustext", f"Can {action} case status explanation")
    for action in ("add", "change", "delete", "view")
]

CONSENT_USES = {
    "consent_share_counsel": "share_counsel",
    "consent_named_plaintiff": "named_plaintiff",
    "consent_statistics": "statistics",
    "consent_keep_original": "keep_originals",
}
CONTACT_ROLES = {"email": "email", "phone": "phone"}


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _created = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    managers = Group.objects.filter(name="Case managers").first()
    if managers is not None:
        managers.permissions.add(permission(apps, *CASE_HOLD), permission(apps, *CASE_VERIFY))
    communications = Group.objects.filter(name="Communications").first()
    if communications is not None:
        communications.permissions.add(*(permission(apps, *spec) for spec in STATUS_TEXT))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(codename__in=["hold_case", "verify_receipt"]).delete()


def seal(data_key, reference, purpose, payload):
    return crypto.seal(data_key, payload, f"case:{reference}:{purpose}".encode())


def backfill(apps, schema_editor):
    Case = apps.get_model("forms_app", "Case")
    CaseConsent = apps.get_model("forms_app", "CaseConsent")
    ClaimantContact = apps.get_model("forms_app", "ClaimantContact")
    IntakeFormField = apps.get_model("forms_app", "IntakeFormField")
    if not Case.objects.exists():
        return
    roles = dict(IntakeFormField.objects.exclude(role="").values_list("clean_name", "role"))
    for case in Case.objects.filter(consents__isnull=True).iterator(chunk_size=500):
        try:
            key = crypto.unwrap_data_key(case.key_id, bytes(case.wrapped_key), case.reference)
            payload = json.loads(
                crypto.open_sealed(key, bytes(case.sealed_answers), f"case:{case.reference}:answers".encode())
            )
        except crypto.DecryptionError:
            continue
        answers, seen = payload["answers"], payload["questions"]
        granted = {use: False for use in CONSENT_USES.values()}
        contact = {"safe": [], "never": [], "email": "", "phone": "", "signal": ""}
        for answer_key, value in answers.items():
            role = roles.get(answer_key, "")
            if role in CONSENT_USES:
                granted[CONSENT_USES[role]] = value is True
            elif role in CONTACT_ROLES and isinstance(value, str):
                contact[CONTACT_ROLES[role]] = value
            elif seen.get(answer_key, {}).get("field_type") == "contact_preference" and isinstance(value, dict):
                contact["safe"] += [item for item in value.get("safe") or [] if item not in contact["safe"]]
                contact["never"] += [item for item in value.get("never") or [] if item not in contact["never"]]
        CaseConsent.objects.bulk_create(
            CaseConsent(case=case, use=use, granted=value, changed_at=case.submitted_at)
            for use, value in granted.items()
        )
        payload = json.dumps(contact, ensure_ascii=False, sort_keys=True).encode()
        ClaimantContact.objects.create(case=case, sealed=seal(key, case.reference, "contact", payload))


class Migration(migrations.Migration):
    dependencies = [
        ("forms_app", "0008_my_case"),
        ("forms_app", "0005_staff_groups"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
