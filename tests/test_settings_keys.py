"""Production refuses to start with a malformed encryption key, naming the variable, never the value."""

import pytest

from tests.test_settings import COMPLETE, load_production_settings


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("CASE_HASH_KEY", "not-a-key"),
        ("CASE_MASTER_KEYS", COMPLETE["CASE_MASTER_KEYS"] + ",c2hvcnQ="),
        ("CASE_MASTER_KEYS", "!!!!-not-base64-at-all-!!!!"),
    ],
    ids=["hash-key-not-base64", "second-master-key-too-short", "master-key-not-base64"],
)
def test_production_settings_refuse_a_malformed_key(name, value):
    """CASE_HASH_KEY=not-a-key (or any master key that is not base64 of 32 bytes) stops production settings."""
    result = load_production_settings({**COMPLETE, name: value})

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and name in result.stderr
    assert value.split(",")[-1] not in result.stderr
