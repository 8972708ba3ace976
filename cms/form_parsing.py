"""Small multipart form posts parsed by the `multipart` library instead of Django's parser.

Browsers send the intake form as multipart/form-data (it has file inputs), so every answer, step
and draft arrives that way, with or without a file. Django's parser costs about 20 µs a part here
(a case of 38 parts: 0.8 ms, more than everything else it does with the body); `multipart`'s push
parser reads the same body in about a sixth of that.

Only a small body (at most SMALL_BODY_LIMIT, read into memory whole) takes this path, and it
keeps Django's rules (tests/test_form_parsing.py compares the two): names stripped, values decoded
with the request's encoding (undecodable bytes replaced), a file input left empty (``filename=""``)
read as an empty field. A file's name, type and parameters are read with Django's own header
parser and its name made safe by Django's ``sanitize_file_name``; the file reaches the upload
handlers (forms_app.evidence.upload_handler) through the same calls, in the same order, with the
same outcomes (a skipped file, an upload stopped) as from Django's parser. The whole body is parsed
before any handler is called, so anything else — a base64 part, a part without a name, a header
that appears twice, ``DATA_UPLOAD_MAX_NUMBER_FIELDS``, ``DATA_UPLOAD_MAX_NUMBER_FILES`` or
``DATA_UPLOAD_MAX_MEMORY_SIZE`` reached, a body `multipart` does not accept — is still handed to
Django's parser untouched, which gives its usual answer (errors included). Larger bodies go to
Django's parser unread (it streams them).
"""

from dataclasses import dataclass
from io import BytesIO

import multipart
from django.conf import settings
from django.core.files.uploadhandler import SkipFile, StopFutureHandlers, StopUpload
from django.http import QueryDict
from django.http.multipartparser import MultiPartParser
from django.utils.datastructures import MultiValueDict
from django.utils.encoding import force_str
from django.utils.http import parse_header_parameters

# Larger bodies go to Django's parser unread (it streams them, files included).
SMALL_BODY_LIMIT = 256 * 1024


class NotForThisParser(Exception):
    """The body needs Django's parser."""


@dataclass
class FilePart:
    """A file part as Django's parser reads it (see ``parts_of``)."""

    field_name: str
    file_name: str | None  # None: a name Django's sanitize_file_name refuses (the part is skipped)
    content_type: str
    content_type_extra: dict  # parameter values as bytes, as Django passes them
    charset: bytes | None
    content_length: int | None
    data: bytes


def parts_of(body, boundary, encoding, sanitize_file_name):
    """[(name, value) of a field, or a FilePart] of a body, parsed as Django would; NotForThisParser
    for anything this parser leaves to Django."""
    parts = []
    max_fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    max_files = settings.DATA_UPLOAD_MAX_NUMBER_FILES
    max_bytes = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    fields = files = received = 0
    segment, chunks = None, []
    try:
        with multipart.PushMultipartParser(boundary) as parser:
            for event in parser.parse(body):
                if isinstance(event, multipart.MultipartSegment):
                    segment, chunks = event, []
                    continue
                if event:
                    chunks.append(event)
                    continue
                # The end of a segment.
                if segment.header("Content-Transfer-Encoding") is not None:
                    raise NotForThisParser
                if len({name.lower() for name, _value in segment.headerlist}) < len(segment.headerlist):
                    raise NotForThisParser  # Django keeps the last of a repeated header
                name = (segment.name or "").strip()
                if not name:  # no name, or an empty one: Django tells the two apart
                    raise NotForThisParser
                data = b"".join(chunks)
                file_part = _file_part(segment, name, encoding, data, sanitize_file_name)
                if file_part is not None:
                    files += 1
                    if max_files is not None and files > max_files:
                        raise NotForThisParser
                    parts.append(file_part)
                    continue
                # An empty file input (filename="") is a field with an empty value to Django.
                fields += 1
                if max_fields is not None and fields > max_fields:
                    raise NotForThisParser
                received += len(data) + len(name) + 2  # counted as Django counts it
                if max_bytes is not None and received > max_bytes:
                    raise NotForThisParser
                parts.append((name, data.decode(encoding, errors="replace")))
    except multipart.MultipartError as error:
        raise NotForThisParser from error
    return parts


def _file_part(segment, name, encoding, data, sanitize_file_name):
    """The FilePart of a segment Django reads as a file (a non-empty ``filename`` or ``filename*``
    in its Content-Disposition), else None. Headers are read with Django's own parser."""
    disposition = segment.header("Content-Disposition") or ""
    if "filename" not in disposition.lower():
        return None
    try:
        _value, params = parse_header_parameters(disposition)
    except ValueError as error:
        raise NotForThisParser from error
    if not params.get("filename"):
        return None
    if params.get("name", "").strip() != name:
        raise NotForThisParser  # `multipart` and Django read the name differently
    file_name = sanitize_file_name(force_str(params["filename"].encode(), encoding, errors="replace"))
    try:
        content_type, extra = parse_header_parameters(segment.header("Content-Type") or "")
        length, _params = parse_header_parameters(segment.header("Content-Length") or "")
    except ValueError as error:
        raise NotForThisParser from error
    extra = {key: value.encode() for key, value in extra.items()}
    try:
        content_length = int(length) if length else None
    except ValueError:
        content_length = None
    return FilePart(
        field_name=force_str(name.encode(), encoding, errors="replace"),
        file_name=file_name,
        content_type=content_type.strip(),
        content_type_extra=extra,
        charset=extra.get("charset"),
        content_length=content_length,
        data=data,
    )


class FieldsFirstMultiPartParser(MultiPartParser):
    def parse(self):
        if 0 < self._content_length <= SMALL_BODY_LIMIT:
            body = self._input_data.read(self._content_length)
            try:
                parts = parts_of(body, self._boundary, self._encoding, self.sanitize_file_name)
            except (NotForThisParser, UnicodeError, LookupError):
                self._input_data = BytesIO(body)  # Django's parser reads what was already read
            else:
                self._input_data = BytesIO(b"")  # read to the end, as Django's parser leaves it
                return self._hand_over(parts)
        return super().parse()

    def _hand_over(self, parts):
        """POST and FILES of parsed parts, the files given to the upload handlers as Django's
        ``_parse`` gives them: the same calls, exceptions and order (nothing was called before)."""
        handlers = self._upload_handlers
        for handler in handlers:
            result = handler.handle_raw_input(
                self._input_data, self._meta, self._content_length, self._boundary, self._encoding
            )
            if result is not None:
                return result[0], result[1]
        self._post = QueryDict(mutable=True)
        self._files = MultiValueDict()
        try:
            for part in parts:
                if not isinstance(part, FilePart):
                    self._post.appendlist(*part)
                elif part.file_name:  # Django skips a file whose name it refuses
                    self._hand_over_file(part)
        except StopUpload:
            self._close_files()
        except BaseException:
            for _name, files in self._files.lists():
                for file in files:
                    file.close()
            raise
        any(handler.upload_complete() for handler in handlers)
        self._post._mutable = False
        return self._post, self._files

    def _hand_over_file(self, part):
        handlers = self._upload_handlers
        counters = [0] * len(handlers)
        try:
            for handler in handlers:
                try:
                    handler.new_file(
                        part.field_name,
                        part.file_name,
                        part.content_type,
                        part.content_length,
                        part.charset,
                        part.content_type_extra,
                    )
                except StopFutureHandlers:
                    break
            for start in range(0, len(part.data), self._chunk_size):
                chunk = part.data[start : start + self._chunk_size]
                for number, handler in enumerate(handlers):
                    chunk_length = len(chunk)
                    chunk = handler.receive_data_chunk(chunk, counters[number])
                    counters[number] += chunk_length
                    if chunk is None:
                        break
        except SkipFile:
            self._close_files()
        else:
            self.handle_file_complete(part.field_name, counters)


class FieldsFirstParsingMiddleware:
    """Gives every request the parser above (before CSRF's check first reads ``request.POST``)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.multipart_parser_class = FieldsFirstMultiPartParser
        return self.get_response(request)
