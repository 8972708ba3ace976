"""A form field for several evidence files at once."""

from django import forms

from . import limits
from .errors import CASE_TOO_LARGE, TOO_MANY_FILES, EvidenceRejected, human_size
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

    ``kept``: files already uploaded and processed in an earlier request (a draft's), each with
    ``display_name``, ``size`` and ``metadata_removed``. They count towards the limits and the
    required check, come first in ``clean()``'s list, and are never processed again.
    """

    widget = MultipleEvidenceInput

    def __init__(self, *, required=False, **kwargs):
        super().__init__(required=required, **kwargs)
        self.kept = []

    def clean(self, data, initial=None):
        if data in self.empty_values:
            files = []
        elif isinstance(data, list | tuple):
            files = [upload for upload in data if upload]
        else:
            files = [data]
        if not files:
            if self.required and not self.kept:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return list(self.kept)
        self.run_validators(files)
        if self.kept and len(self.kept) + len(files) > limits.max_files():
            raise EvidenceRejected(TOO_MANY_FILES, count=len(self.kept) + len(files), limit=limits.max_files())
        new = process_uploads(files)
        if self.kept and sum(item.size for item in [*self.kept, *new]) > limits.max_case_bytes():
            raise EvidenceRejected(CASE_TOO_LARGE, new[0].display_name, limit=human_size(limits.max_case_bytes()))
        return [*self.kept, *new]

    def bound_data(self, data, initial):
        return data

    def has_changed(self, initial, data):
        return not self.disabled and bool(data)
