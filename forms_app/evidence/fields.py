"""A form field for several evidence files at once."""

from django import forms

from .processing import process_uploads

ACCEPT = "image/*,application/pdf,text/plain,audio/*,video/*"


class MultipleEvidenceInput(forms.FileInput):
    """``<input type="file" multiple>``; ``accept`` only helps the browser's picker, it checks nothing."""

    allow_multiple_selected = True

    def __init__(self, attrs=None):
        super().__init__({"multiple": True, "accept": ACCEPT, **(attrs or {})})


class EvidenceField(forms.FileField):
    """Accepts several files; ``clean()`` returns a list of ProcessedEvidence (empty if none).

    Files the upload handler dropped while streaming never reach this field: views should add
    ``upload_errors(request)`` to the form (see upload_handler.py).
    """

    widget = MultipleEvidenceInput

    def __init__(self, *, required=False, **kwargs):
        super().__init__(required=required, **kwargs)

    def clean(self, data, initial=None):
        if data in self.empty_values:
            files = []
        elif isinstance(data, list | tuple):
            files = [upload for upload in data if upload]
        else:
            files = [data]
        if not files:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return []
        self.run_validators(files)
        return process_uploads(files)

    def bound_data(self, data, initial):
        return data

    def has_changed(self, initial, data):
        return not self.disabled and bool(data)
