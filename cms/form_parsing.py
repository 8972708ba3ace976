"""Multipart form posts without files, parsed by the `multipart` library instead of Django's parser.

Browsers send the intake form as multipart/form-data (it has file inputs), so every answer, step
and draft arrives that way even without a file. Django's parser costs about 70 µs a part (a
text-only case of 37 parts: 2.5 ms, the largest piece of filing one); `multipart`'s push parser
reads the same body in 0.12 ms.

Only a small body (at most FIELDS_ONLY_BODY_LIMIT) whose parts are all plain fields takes this
path, and it keeps Django's rules for them (tests/test_form_parsing.py compares the two): names
stripped, values decoded with the request's encoding (undecodable bytes replaced), a file input
left empty (``filename=""``) read as an empty field. Anything else — a file (its name given as
``filename`` or ``filename*``), a base64 part, a part
without a name, ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` or ``DATA_UPLOAD_MAX_MEMORY_SIZE`` reached, a
body `multipart` does not accept — is handed to Django's own parser, which gives its usual answer
(errors included) and the upload handlers (forms_app.evidence.upload_handler) their files.
"""

from io import BytesIO

import multipart
from django.conf import settings
from django.http import QueryDict
from django.http.multipartparser import MultiPartParser
from django.utils.datastructures import MultiValueDict

# Larger bodies carry files (the evidence handler streams those) and go to Django unread.
FIELDS_ONLY_BODY_LIMIT = 256 * 1024


class NotFieldsOnly(Exception):
    """The body needs Django's parser."""


def fields_of(body, boundary, encoding):
    """The QueryDict of a body of plain fields, parsed as Django would; NotFieldsOnly otherwise."""
    post = QueryDict(mutable=True)
    max_fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    max_bytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    fields = received = 0
    segment, chunks = None, []
    try:
        with multipart.PushMultipartParser(boundary) as parser:
            for event in parser.parse(body):
                if isinstance(event, multipart.MultipartSegment):
                    segment, chunks = event, []
                elif event:
                    chunks.append(event)
                else:  # the end of a segment
                    if segment.filename or _names_a_file_otherwise(segment):
                        raise NotFieldsOnly
                    # An empty file input (filename="") is a field with an empty value to Django.
                    fields += 1
                    if max_fields is not None and fields > max_fields:
                        raise NotFieldsOnly
                    if segment.header("Content-Transfer-Encoding") is not None:
                        raise NotFieldsOnly
                    name = segment.name.strip()
                    if not name:  # no name, or an empty one: Django tells the two apart
                        raise NotFieldsOnly
                    data = b"".join(chunks)
                    received += len(data) + len(name) + 2  # counted as Django counts it
                    if max_bytes is not None and received > max_bytes:
                        raise NotFieldsOnly
                    post.appendlist(name, data.decode(encoding, errors="replace"))
    except multipart.MultipartError as error:
        raise NotFieldsOnly from error
    post._mutable = False
    return post


def _names_a_file_otherwise(segment):
    """A file name in the RFC 2231 form (``filename*=``), which `multipart` does not read and Django
    does: such a part is a file, for Django's parser and the evidence handler."""
    return "filename*" in (segment.header("Content-Disposition") or "").lower()


class FieldsFirstMultiPartParser(MultiPartParser):
    def parse(self):
        if 0 < self._content_length <= FIELDS_ONLY_BODY_LIMIT:
            body = self._input_data.read(self._content_length)
            try:
                return fields_of(body, self._boundary, self._encoding), MultiValueDict()
            except (NotFieldsOnly, UnicodeError, LookupError):
                self._input_data = BytesIO(body)  # Django's parser reads what was already read
        return super().parse()


class FieldsFirstParsingMiddleware:
    """Gives every request the parser above (before CSRF's check first reads ``request.POST``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.multipart_parser_class = FieldsFirstMultiPartParser
        return self.get_response(request)
