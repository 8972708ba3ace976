"""EvidenceField: several files in one form field, cleaned into ProcessedEvidence."""

import io

from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from PIL import Image

from forms_app.evidence import EvidenceField, ProcessedEvidence


class CaseForm(forms.Form):
    story = forms.CharField()
    evidence = EvidenceField(label="Evidence")


def png(name):
    buffer = io.BytesIO()
    Image.new("RGB", (12, 12), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def bound(files):
    return CaseForm(data={"story": "banned"}, files=MultiValueDict({"evidence": files}))


def test_several_files_clean_to_a_list_of_processed_evidence():
    """Binding several files gives a list of ProcessedEvidence in upload order."""
    form = bound([png("one.png"), SimpleUploadedFile("chat.txt", "你好".encode())])

    assert form.is_valid(), form.errors
    evidence = form.cleaned_data["evidence"]
    assert all(isinstance(item, ProcessedEvidence) for item in evidence)
    assert [(item.display_name, item.kind) for item in evidence] == [("one.png", "image"), ("chat.txt", "text")]


def test_no_files_clean_to_an_empty_list():
    """The field is optional by default and gives [] when nothing was chosen."""
    form = CaseForm(data={"story": "banned"}, files=MultiValueDict())

    assert form.is_valid(), form.errors
    assert form.cleaned_data["evidence"] == []


def test_required_field_without_files_is_an_error():
    """required=True is honoured."""

    class RequiredForm(forms.Form):
        evidence = EvidenceField(required=True)

    form = RequiredForm(data={}, files=MultiValueDict())

    assert not form.is_valid()
    assert form.errors["evidence"][0]


def test_invalid_file_is_a_form_error_not_an_exception():
    """A refused file becomes an error on the field, rendered in the active language, naming the file."""
    form = bound([png("fine.png"), SimpleUploadedFile("virus.jpg", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64)])

    assert not form.is_valid()
    with translation.override("zh-hans"):
        messages = form.errors["evidence"]
        assert any("virus.jpg" in str(message) for message in messages)
    assert "evidence" not in form.cleaned_data


def test_widget_allows_several_files_and_hints_accepted_types():
    """The input is <input type=file multiple accept=...>, and the field sets no help text."""
    field = EvidenceField()
    html = CaseForm()["evidence"].as_widget()

    assert field.widget.allow_multiple_selected is True
    assert field.required is False
    assert field.help_text == ""
    assert 'type="file"' in html and "multiple" in html
    assert 'accept="image/*,application/pdf,text/plain,audio/*,video/*"' in html
