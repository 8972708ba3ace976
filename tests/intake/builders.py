"""Builders for intake tests: a valid answer for every question of a form, and real image files."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forms_app.models import IntakeFormPage


def jpeg_bytes(size=(64, 48), colour=(200, 30, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def png_bytes(size=(40, 40), colour=(20, 120, 200)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def evidence_files():
    return [
        SimpleUploadedFile("截图 1.jpg", jpeg_bytes(), content_type="image/jpeg"),
        SimpleUploadedFile("notice.png", png_bytes(), content_type="image/png"),
    ]


def value_for(field, files=None):
    """{post key: value} answering one question validly."""
    name = field.clean_name
    keys = [key for key, _label in field.choices_as_pairs()]
    kind = field.field_type
    if kind == "singleline":
        return {name: "wxid_test123" if name == "wechat_id" else "An answer"}
    if kind == "multiline":
        return {name: "They summoned me for tea after my post about the flood. 我被约谈了。"}
    if kind == "email":
        return {name: "claimant@example.org"}
    if kind == "number":
        return {name: "12"}
    if kind == "date":
        return {name: "2024-05-01"}
    if kind == "date_range":
        return {f"{name}_0": "2024-01-10", f"{name}_1": "2024-03-02"}
    if kind == "money":
        return {f"{name}_0": "1234.50", f"{name}_1": "CNY"}
    if kind in ("dropdown", "radio"):
        return {name: keys[0]}
    if kind == "checkboxes":
        return {name: keys[:2]}
    if kind in ("checkbox", "consent"):
        return {name: "on"}
    if kind == "evidence":
        return {name: files if files is not None else evidence_files()}
    if kind == "contact_preference":
        return {f"{name}_0": ["email", "signal"], f"{name}_1": ["wechat", "phone_86"]}
    if kind == "attestation":
        return {f"{name}_0": "on", f"{name}_1": "张三 Zhang San"}
    raise ValueError(f"No test value for field type {kind}")


def complete_answers(page: IntakeFormPage, files=None, skip=()):
    data = {}
    for field in page.get_form_fields():
        if field.clean_name not in skip:
            data.update(value_for(field, files))
    return data
