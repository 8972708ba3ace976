"""cms.form_parsing: multipart posts without files read by `multipart`, exactly as Django reads them."""

from io import BytesIO

import pytest
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.http.multipartparser import MultiPartParser, MultiPartParserError
from django.test import RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from cms import form_parsing
from cms.form_parsing import FieldsFirstMultiPartParser, FieldsFirstParsingMiddleware, fields_of
from forms_app.evidence.upload_handler import BoundedMemoryUploadHandler


def part(name_header, value, extra=""):
    return f"--{BOUNDARY}\r\nContent-Disposition: form-data; {name_header}\r\n{extra}\r\n".encode() + value + b"\r\n"


def body_of(*parts):
    return b"".join(parts) + f"--{BOUNDARY}--\r\n".encode()


def parse_with(parser_class, body, content_type=MULTIPART_CONTENT):
    meta = {"CONTENT_TYPE": content_type, "CONTENT_LENGTH": str(len(body))}
    return parser_class(meta, BytesIO(body), [BoundedMemoryUploadHandler()], "utf-8").parse()


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


def test_a_post_with_a_file_goes_to_djangos_parser_and_the_evidence_handler():
    image = SimpleUploadedFile("shot.jpg", b"\xff\xd8jpeg", content_type="image/jpeg")
    body = encode_multipart(BOUNDARY, {"story": "x", "evidence": image})
    with pytest.raises(form_parsing.NotFieldsOnly):
        fields_of(body, BOUNDARY.encode(), "utf-8")
    post, files = parse_with(FieldsFirstMultiPartParser, body)
    assert post["story"] == "x"
    assert files["evidence"].read() == b"\xff\xd8jpeg"


@pytest.mark.parametrize(
    "disposition",
    ["name=\"evidence\"; filename*=UTF-8''%E6%88%AA%E5%9B%BE.jpg", 'name="evidence"; FILENAME="shot.jpg"'],
    ids=["filename*", "upper-case parameter"],
)
def test_a_file_named_only_in_an_unusual_way_is_still_a_file(disposition):
    """Django reads a part with ``filename*`` (RFC 2231) as a file; read as a plain field, the
    claimant's evidence would have been lost as a text answer, never reaching the sandbox."""
    body = body_of(part('name="story"', b"x"), part(disposition, b"\xff\xd8jpeg", "Content-Type: image/jpeg\r\n"))
    post, files = parse_with(FieldsFirstMultiPartParser, body)
    assert as_lists(post, files) == as_lists(*parse_with(MultiPartParser, body))
    assert "evidence" not in post and files["evidence"].read() == b"\xff\xd8jpeg"


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
    with pytest.raises(form_parsing.NotFieldsOnly):
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
    big = b"x" * (form_parsing.FIELDS_ONLY_BODY_LIMIT + 1)
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
