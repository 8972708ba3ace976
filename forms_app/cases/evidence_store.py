"""Sealed evidence files in the private "evidence" storage: generated names, no URL, no plaintext."""

import logging
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import storages

logger = logging.getLogger(__name__)


def storage():
    return storages["evidence"]


def new_name():
    token = secrets.token_hex(16)
    return f"{token[:2]}/{token}"


def save_sealed(name, sealed: bytes):
    saved = storage().save(name, ContentFile(sealed))
    if saved != name:  # a collision renamed it: never expected with 128 random bits
        storage().delete(saved)
        raise FileExistsError("Evidence name collision.")
    return saved


def read_sealed(name) -> bytes:
    with storage().open(name, "rb") as handle:
        return handle.read()


def delete_files(names):
    """Best effort, after the rows are gone: a file left behind is sealed with a destroyed key.
    Any storage error (a disk's OSError, an S3 client error) is logged by type, never raised."""
    for name in names:
        try:
            storage().delete(name)
        except Exception as error:
            logger.warning("Could not delete an evidence file: %s", type(error).__name__)
