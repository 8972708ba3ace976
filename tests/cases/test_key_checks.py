"""Encryption keys are validated at start-up by a system check, not by the first submission."""

import base64
import os

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

pytestmark = pytest.mark.django_db  # some of the project's checks read the database

GOOD = base64.urlsafe_b64encode(os.urandom(32)).decode()
SHORT = base64.urlsafe_b64encode(os.urandom(16)).decode()


def check_ids(deploy=False):
    with pytest.raises(SystemCheckError) as caught:
        call_command("check", deploy=deploy, fail_level="ERROR", verbosity=0)
    return str(caught.value)


@override_settings(CASE_HASH_KEY="not-a-key")
def test_deploy_check_fails_on_a_malformed_hash_key():
    """check --deploy fails on CASE_HASH_KEY=not-a-key, naming the setting but not the value."""
    message = check_ids(deploy=True)
    assert "forms_app.E003" in message
    assert "not-a-key" not in message


@pytest.mark.parametrize(
    ("keys", "error_id"),
    [
        ([], "forms_app.E001"),
        ([""], "forms_app.E001"),
        ([GOOD, SHORT], "forms_app.E002"),
        (["@@@@"], "forms_app.E002"),
    ],
    ids=["none", "empty-first", "second-too-short", "not-base64"],
)
def test_master_keys_are_checked_one_by_one(keys, error_id):
    """A missing first master key, or any master key of the wrong encoding or length, is an error."""
    with override_settings(CASE_MASTER_KEYS=keys):
        assert error_id in check_ids()


@override_settings(CASE_MASTER_KEYS=[GOOD, GOOD.rstrip("=")], CASE_HASH_KEY=GOOD)
def test_well_formed_keys_pass():
    """Base64 32-byte keys, with or without padding, pass the check."""
    call_command("check", fail_level="ERROR", verbosity=0)
