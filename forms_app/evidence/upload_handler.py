"""An upload handler that keeps files in memory, and never more than the limits allow.

Django's default TemporaryFileUploadHandler writes large uploads to plaintext, world-readable
temporary files; a seized disk would then hold evidence in the clear. This handler keeps every
file in memory whatever FILE_UPLOAD_MAX_MEMORY_SIZE says, so it can be the only entry in
FILE_UPLOAD_HANDLERS. Memory stays bounded because:

* a request whose Content-Length exceeds EVIDENCE_MAX_CASE_BYTES + 1 MiB stores no file at all;
* a file growing past EVIDENCE_MAX_FILE_BYTES is dropped while it streams;
* once the files of one request exceed EVIDENCE_MAX_CASE_BYTES, the rest are dropped.

Each refusal is recorded on ``request.evidence_upload_errors`` (read it with ``upload_errors``)
as an EvidenceRejected, for the view to add to its form in the claimant's language. Refused
bodies are still read to the end (StopUpload(connection_reset=False)) so the browser receives
a proper page instead of a reset connection; the web server's body limit (client_max_body_size
or similar) should sit just above EVIDENCE_MAX_CASE_BYTES + 1 MiB to bound that reading.
"""

from io import BytesIO

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopFutureHandlers, StopUpload

from . import limits
from .errors import CASE_TOO_LARGE, FILE_TOO_LARGE, REQUEST_TOO_LARGE, EvidenceRejected, human_size
from .names import display_name

ERRORS_ATTRIBUTE = "evidence_upload_errors"


def upload_errors(request):
    """The refusals recorded while this request's files streamed in (a new list)."""
    return list(getattr(request, ERRORS_ATTRIBUTE, []))


class BoundedMemoryUploadHandler(FileUploadHandler):
    def __init__(self, request=None):
        super().__init__(request)
        self.max_file_bytes = limits.max_file_bytes()
        self.max_case_bytes = limits.max_case_bytes()
        self.request_too_large = False
        self.received = 0  # bytes of files kept so far in this request

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        # Content-Length can be missing or wrong (chunked ASGI bodies); the per-chunk checks
        # below hold regardless. Returning None lets Django parse the form fields as usual.
        if content_length is not None and content_length > limits.max_request_bytes():
            self.request_too_large = True

    def new_file(self, field_name, file_name, *args, **kwargs):
        super().new_file(field_name, file_name, *args, **kwargs)
        if self.request_too_large:
            # Stop before the first file; fields sent before it (the CSRF token) stay usable.
            limit = human_size(self.max_case_bytes)
            self._record(EvidenceRejected(CASE_TOO_LARGE, message=REQUEST_TOO_LARGE, limit=limit))
            raise StopUpload(connection_reset=False)
        self.file = BytesIO()
        self.size = 0
        # Later handlers (e.g. Django's temporary-file one) must not see this file.
        raise StopFutureHandlers

    def receive_data_chunk(self, raw_data, start):
        self.size += len(raw_data)
        self.received += len(raw_data)
        if self.size > self.max_file_bytes:
            self._drop(EvidenceRejected(FILE_TOO_LARGE, self._name(), limit=human_size(self.max_file_bytes)))
        if self.received > self.max_case_bytes:
            self._drop(EvidenceRejected(CASE_TOO_LARGE, self._name(), limit=human_size(self.max_case_bytes)))
        self.file.write(raw_data)
        return None  # consumed: no later handler gets the data

    def file_complete(self, file_size):
        buffer = self.file
        # Django closes ``handler.file`` when a later file is skipped: hand this one over first.
        del self.file
        buffer.seek(0)
        return InMemoryUploadedFile(
            file=buffer,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )

    def upload_interrupted(self):
        if hasattr(self, "file"):
            self.file.close()
            del self.file

    def _drop(self, error):
        self.received -= self.size
        self._record(error)
        raise SkipFile

    def _name(self):
        return display_name(self.file_name)

    def _record(self, error):
        if self.request is not None:
            if not hasattr(self.request, ERRORS_ATTRIBUTE):
                setattr(self.request, ERRORS_ATTRIBUTE, [])
            getattr(self.request, ERRORS_ATTRIBUTE).append(error)
