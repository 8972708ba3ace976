"""cms.form_parsing: small multipart posts, files included, read by `multipart` exactly as Django reads them."""

from io import BytesIO

import pytest
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.files.uploadhandler import StopUpload
from django.http import HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.test import RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from cms import form_parsing
from cms.form_parsing import FieldsFirstMultiPartParser, FieldsFirstParsingMiddleware
from forms_app.evidence.upload_handler import BoundedMemoryUploadHandler


def part(name_header, value, extra=""):
    return f"--{BOUNDARY}\r\nContent-Disposition: form-data; {name_header}\r\n{extra}\r\n".encode() + value + b"\r\n"


def body_of(*parts):
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def parse_with(parser_class, body, content_type=MULTIPART_CONTENT):
    meta = {"CONTENT_TYPE": content_type, "CONTENT_LENGTH": str(len(body))}
    return parser_class(meta, BytesIO(body), [BoundedMemoryUploadHandler()], "utf-8").parse()


def fields_of(body, boundary, encoding):
    """The fields of a body of plain fields as this module's parser reads them; NotForThisParser
    if it leaves the body to Django's parser, or if the body holds a file."""
    parts = form_parsing.parts_of(body, boundary, encoding, str)
    if any(isinstance(part, form_parsing.FilePart) for part in parts):
        raise form_parsing.NotForThisParser
    post = QueryDict(mutable=True)
    for name, value in parts:
        post.appendlist(name, value)
    return post


def as_lists(post, files):
    return dict(post.lists()), {name: [f.name for f in items] for name, items in files.lists()}


FIELDS_ONLY_BODIES = {
    "answers in two scripts and a repeated key": encode_multipart(
        BOUNDARY, {"what_happened": "我被約談了 — tea", "account_kinds": ["personal", "official_account"]}
    ),
    "empty file inputs": encode_multipart(BOUNDARY, {"story": "x"})[: -len(f"--{BOUNDARY}--\r\n")]
    + part('name="evidence"; filename=""', b"", "Content-Type: application/octet-stream\r\n")
    + f"--{BOUNDARY}--\r\n".encode(),
    "a name with spaces around it": body_of(part('name=" padded "', b"v")),
    "bytes that are not UTF-8": body_of(part('name="story"', b"caf\xe9 \xff")),
    "an empty value": body_of(part('name="empty"', b"")),
    "a value with a line break and a lookalike boundary": body_of(part('name="text"', b"a\r\n--BoUnDaRy\r\nb")),
}


@pytest.mark.parametrize("label", FIELDS_ONLY_BODIES)
def test_fields_only_posts_read_as_djangos_parser_reads_them(label):
    body = FIELDS_ONLY_BODIES[label]
    ours = parse_with(FieldsFirstMultiPartParser, body)
    assert as_lists(*ours) == as_lists(*parse_with(MultiPartParser, body))
    assert not ours[0]._mutable
    # And it was this module's parser that read it, not Django's fallback.
    assert fields_of(body, BOUNDARY.encode(), "utf-8") == ours[0]


def test_a_post_with_a_file_is_read_here_and_the_file_handed_to_the_evidence_handler():
    image = SimpleUploadedFile("shot.jpg", b"\xff\xd8jpeg", content_type="image/jpeg")
    body = encode_multipart(BOUNDARY, {"story": "x", "evidence": image})
    with pytest.raises(form_parsing.NotForThisParser):
        fields_of(body, BOUNDARY.encode(), "utf-8")  # not fields only
    parts = form_parsing.parts_of(body, BOUNDARY.encode(), "utf-8", str)
    assert [type(part).__name__ for part in parts] == ["tuple", "FilePart"]  # this parser's, not Django's
    post, files = parse_with(FieldsFirstMultiPartParser, body)
    assert post["story"] == "x" and not post._mutable
    assert files["evidence"].read() == b"\xff\xd8jpeg"


def file_part(disposition, data=b"\xff\xd8jpeg", content_type="Content-Type: image/jpeg\r\n"):
    return part(disposition, data, content_type)


FILE_BODIES = {
    "two files in one question, fields around them": body_of(
        part('name="story"', "我被約談了".encode()),
        file_part('name="evidence"; filename="a.jpg"'),
        file_part('name="evidence"; filename="b.png"', b"\x89PNG", "Content-Type: image/png\r\n"),
        part('name="after"', b"kept"),
    ),
    "a path and an HTML entity in the name": body_of(file_part('name="evidence"; filename="C:\\dir/a&amp;b.jpg"')),
    "a name Django refuses, then a field": body_of(
        file_part('name="evidence"; filename=".."'), part('name="k"', b"v")
    ),
    "a file named in RFC 2231 form": body_of(file_part("name=\"evidence\"; filename*=UTF-8''%E6%88%AA%E5%9B%BE.jpg")),
    "a name in Chinese": body_of(file_part('name="evidence"; filename="截图.jpg"')),
    "type parameters and upper case": body_of(
        file_part('name="e"; filename="a.txt"', b"t", "Content-Type: TEXT/Plain; charset=GBK; x=1\r\n")
    ),
    "no content type": body_of(file_part('name="e"; filename="a.bin"', b"\x00\x01", "")),
    "an empty file": body_of(file_part('name="e"; filename="empty.jpg"', b"")),
    "a part content length": body_of(file_part('name="e"; filename="a.jpg"', b"abc", "Content-Length: 3\r\n")),
    "a semicolon and an escaped quote in the name": body_of(file_part('name="e"; filename="a;b\\"c.jpg"')),
    "markup in the name": body_of(file_part('name="e"; filename="<script>alert(1)</script>.jpg"')),
    "a non-breaking space and a control character in the name": body_of(
        file_part('name="e"; filename="a\u00a0b\u0007.jpg"')
    ),
    "a file larger than a chunk": body_of(file_part('name="e"; filename="big.jpg"', bytes(range(256)) * 600)),
}


def read_as(parser_class, body, handlers=None, request=None):
    """What a parser gives: fields, each file's name, type, parameters, size and bytes, and what the
    evidence handler recorded on the request."""
    request = request or type("Request", (), {})()
    handlers = handlers or [BoundedMemoryUploadHandler(request)]
    meta = {"CONTENT_TYPE": MULTIPART_CONTENT, "CONTENT_LENGTH": str(len(body))}
    post, files = parser_class(meta, BytesIO(body), handlers, "utf-8").parse()
    read = {
        name: [(f.name, f.content_type, f.charset, f.content_type_extra, f.size, f.read()) for f in items]
        for name, items in files.lists()
    }
    errors = [(error.code, error.messages) for error in getattr(request, "evidence_upload_errors", [])]
    return dict(post.lists()), read, errors


@pytest.mark.parametrize("label", FILE_BODIES)
def test_posts_with_files_read_as_djangos_parser_reads_them(label):
    body = FILE_BODIES[label]
    assert len(body) <= form_parsing.SMALL_BODY_LIMIT
    assert read_as(FieldsFirstMultiPartParser, body) == read_as(MultiPartParser, body)
    assert any(
        isinstance(p, form_parsing.FilePart) for p in form_parsing.parts_of(body, BOUNDARY.encode(), "utf-8", str)
    )


def test_a_file_over_the_evidence_limit_is_skipped_and_recorded_as_with_djangos_parser(settings):
    settings.EVIDENCE_MAX_FILE_BYTES = 4
    body = body_of(
        file_part('name="evidence"; filename="big.jpg"', b"0123456789"),
        file_part('name="evidence"; filename="small.jpg"', b"012"),
        part('name="after"', b"kept"),
    )
    ours = read_as(FieldsFirstMultiPartParser, body)
    assert ours == read_as(MultiPartParser, body)
    assert [item[0] for item in ours[1]["evidence"]] == ["small.jpg"] and ours[2] and ours[0]["after"] == ["kept"]


class StopsAtTheSecondFile(BoundedMemoryUploadHandler):
    def new_file(self, field_name, file_name, *args, **kwargs):
        self.seen = getattr(self, "seen", 0) + 1
        if self.seen == 2:
            raise StopUpload(connection_reset=False)
        super().new_file(field_name, file_name, *args, **kwargs)


def test_an_upload_stopped_by_a_handler_ends_as_with_djangos_parser():
    body = body_of(
        part('name="before"', b"1"),
        file_part('name="evidence"; filename="a.jpg"'),
        file_part('name="evidence"; filename="b.jpg"'),
        part('name="after"', b"never read"),
    )
    ours = read_as(FieldsFirstMultiPartParser, body, [StopsAtTheSecondFile()])
    assert ours == read_as(MultiPartParser, body, [StopsAtTheSecondFile()])
    assert "after" not in ours[0] and [item[0] for item in ours[1]["evidence"]] == ["a.jpg"]


def test_the_file_count_limit_holds(settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 1
    body = body_of(file_part('name="e"; filename="a.jpg"'), file_part('name="e"; filename="b.jpg"'))
    with pytest.raises(TooManyFilesSent):
        parse_with(FieldsFirstMultiPartParser, body)


def test_a_repeated_header_is_left_to_django():
    body = body_of(part('name="e"; filename="a.jpg"', b"x", 'Content-Disposition: form-data; name="other"\r\n'))
    with pytest.raises(form_parsing.NotForThisParser):
        form_parsing.parts_of(body, BOUNDARY.encode(), "utf-8", str)
    assert read_as(FieldsFirstMultiPartParser, body) == read_as(MultiPartParser, body)


@pytest.mark.parametrize(
    "body",
    [
        body_of(part('name="coded"', b"aGVsbG8=", "Content-Transfer-Encoding: base64\r\n")),
        body_of(part("filler=1", b"no name"), part('name="kept"', b"yes")),
        body_of(part('name=""', b"an empty name"), part('name="kept"', b"yes")),
    ],
    ids=["base64", "no name", "empty name"],
)
def test_unusual_parts_are_left_to_django(body):
    with pytest.raises(form_parsing.NotForThisParser):
        fields_of(body, BOUNDARY.encode(), "utf-8")
    assert as_lists(*parse_with(FieldsFirstMultiPartParser, body)) == as_lists(*parse_with(MultiPartParser, body))


def test_the_field_count_limit_holds(settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 3
    body = body_of(*(part(f'name="f{number}"', b"v") for number in range(10)))
    with pytest.raises(TooManyFieldsSent):
        parse_with(FieldsFirstMultiPartParser, body)


def test_the_field_bytes_limit_holds(settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100
    body = body_of(part('name="story"', b"x" * 200))
    with pytest.raises(RequestDataTooBig):
        parse_with(FieldsFirstMultiPartParser, body)


@pytest.mark.parametrize(
    "body",
    [
        b"--" + BOUNDARY.encode() + b'\r\nContent-Disposition: form-data; name="cut"\r\n\r\nno end',
        b"not multipart at all",
        body_of(b"--" + BOUNDARY.encode() + b"\r\nContent-Type: text/plain\r\n\r\nno disposition\r\n"),
    ],
    ids=["truncated", "garbage", "no content-disposition"],
)
def test_a_malformed_body_gets_djangos_own_answer(body):
    def outcome(parser_class):
        try:
            return as_lists(*parse_with(parser_class, body))
        except MultiPartParserError as error:
            return type(error)

    assert outcome(FieldsFirstMultiPartParser) == outcome(MultiPartParser)


def test_a_large_body_is_not_read_twice():
    big = b"x" * (form_parsing.SMALL_BODY_LIMIT + 1)
    assert parse_with(FieldsFirstMultiPartParser, body_of(part('name="story"', big)))[0]["story"] == big.decode()


def test_the_middleware_gives_every_request_the_parser():
    seen = {}

    def view(request):
        seen["parser"] = request.multipart_parser_class
        seen["post"] = dict(request.POST.lists())
        return HttpResponse()

    request = RequestFactory().post("/", {"a": ["1", "2"], "b": "三"})
    FieldsFirstParsingMiddleware(view)(request)
    assert seen == {"parser": FieldsFirstMultiPartParser, "post": {"a": ["1", "2"], "b": ["三"]}}
