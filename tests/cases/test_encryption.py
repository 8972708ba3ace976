"""Envelope encryption: per-case data keys wrapped by a rotatable master key; tampering is fatal."""

import base64
import os

import pytest
from django.core.management import call_command

from forms_app.cases import crypto, evidence_store
from forms_app.models import Case
from tests.builders import intake_form
from tests.intake.builders import complete_answers


def new_master_key():
    return base64.urlsafe_b64encode(os.urandom(32)).decode()


@pytest.fixture
def filed_case(client):
    page = intake_form("persecution", "zh-hans")
    client.post(page.url, complete_answers(page))
    return Case.objects.get()


def fresh(case):
    return Case.objects.get(pk=case.pk)


def read_working_copy(evidence):
    sealed = evidence_store.read_sealed(evidence.working_file)
    return evidence.case.open(evidence.purpose("working"), sealed)


@pytest.mark.django_db
def test_rotating_the_master_key_keeps_every_case_readable(filed_case, settings):
    """After rotation with only the new master key configured, answers and files still open."""
    old = settings.CASE_MASTER_KEYS[0]
    new = new_master_key()
    settings.CASE_MASTER_KEYS = [new, old]
    call_command("rotate_case_keys", verbosity=0)
    settings.CASE_MASTER_KEYS = [new]
    case = fresh(filed_case)
    assert case.key_id == crypto.master_key_id(base64.urlsafe_b64decode(new))
    assert case.answers["wechat_id"] == "wxid_test123"
    assert read_working_copy(case.evidence.first()).startswith(b"\xff\xd8")


@pytest.mark.django_db
def test_a_case_cannot_be_opened_once_its_master_key_is_gone(filed_case, settings):
    """Without the master key that wrapped it, a case's data key cannot be recovered."""
    settings.CASE_MASTER_KEYS = [new_master_key()]
    with pytest.raises(crypto.DecryptionError):
        fresh(filed_case).answers  # noqa: B018


@pytest.mark.django_db
def test_destroying_a_case_key_makes_its_content_unrecoverable(filed_case):
    """Erasing the wrapped data key leaves ciphertext that nothing can open."""
    Case.objects.filter(pk=filed_case.pk).update(wrapped_key=b"")
    with pytest.raises(crypto.DecryptionError):
        fresh(filed_case).answers  # noqa: B018


@pytest.mark.django_db
def test_tampered_answers_raise_instead_of_returning_stored_bytes(filed_case):
    """A single flipped bit in the sealed answers is detected; there is no silent fallback."""
    sealed = bytearray(bytes(filed_case.sealed_answers))
    sealed[-1] ^= 0x01
    Case.objects.filter(pk=filed_case.pk).update(sealed_answers=bytes(sealed))
    with pytest.raises(crypto.DecryptionError):
        fresh(filed_case).answers  # noqa: B018


@pytest.mark.django_db
def test_ciphertext_cannot_be_moved_to_another_case(client, filed_case):
    """Answers sealed for one case do not open as another case's answers."""
    page = intake_form("investor", "en")
    client.post(page.url, complete_answers(page))
    other = Case.objects.exclude(pk=filed_case.pk).get()
    Case.objects.filter(pk=other.pk).update(sealed_answers=bytes(filed_case.sealed_answers))
    with pytest.raises(crypto.DecryptionError):
        fresh(other).answers  # noqa: B018


def test_keyed_hashes_are_separated_by_purpose():
    """The same value hashed for two purposes gives unrelated hashes."""
    assert crypto.keyed_hash("receipt-code", "123") != crypto.keyed_hash("rate-limit", "123")
