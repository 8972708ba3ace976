"""Log lines are JSON, carry the request's id, and hold no address, query string or form data."""

import copy
import io
import json
import logging.config

import pytest
from django.conf import settings as django_settings

STREAM = io.StringIO()


@pytest.fixture
def captured_logs():
    """The site's own LOGGING configuration, with its console handler writing into STREAM."""
    config = copy.deepcopy(django_settings.LOGGING)
    config["handlers"]["console"]["stream"] = "ext://tests.production.test_logs.STREAM"
    STREAM.seek(0)
    STREAM.truncate()
    logging.config.dictConfig(config)
    yield STREAM
    logging.config.dictConfig(django_settings.LOGGING)


@pytest.mark.django_db
def test_a_request_logs_json_with_its_id_and_no_personal_data(client, captured_logs):
    """A request that Django logs (a 404 here) writes one JSON object per line with the same
    request id as the X-Request-ID response header, and neither the client's address, the query
    string nor the posted text appears."""
    response = client.post(
        "/en/no-such-page/?email=claimant@example.org",
        {"story": "They summoned me for tea"},
        REMOTE_ADDR="203.0.113.77",
        HTTP_X_FORWARDED_FOR="198.51.100.23",
    )
    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    assert len(request_id) == 32

    output = captured_logs.getvalue()
    lines = [json.loads(line) for line in output.splitlines()]
    ours = [line for line in lines if line["request_id"] == request_id]
    assert ours, output
    assert any(line["logger"] == "django.request" and line["level"] == "WARNING" for line in ours)
    for forbidden in ("203.0.113.77", "198.51.100.23", "claimant@example.org", "email=", "summoned"):
        assert forbidden not in output


def test_each_request_gets_its_own_id(client):
    """Two requests never share an id, and an id sent by the client is not taken over."""
    first = client.get("/healthz", HTTP_X_REQUEST_ID="chosen-by-client")
    second = client.get("/healthz")
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert "chosen-by-client" not in (first["X-Request-ID"], second["X-Request-ID"])


def test_addresses_in_third_party_messages_are_redacted(captured_logs):
    """A library message naming an address (gunicorn: "Invalid request from ip=...") is logged with
    the address replaced."""
    logging.getLogger("gunicorn.error.test").warning("Invalid request from ip=%s: bad", "192.0.2.44")
    logging.getLogger("other").warning("peer %s", "2001:db8::1")
    output = captured_logs.getvalue()
    assert "192.0.2.44" not in output
    assert "2001:db8::1" not in output
    assert output.count("[address]") == 2
