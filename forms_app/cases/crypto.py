"""Envelope encryption for cases, and keyed hashes.

Each case has its own random 256-bit data key. Answers and evidence are sealed with it
(AES-256-GCM, with the case's identity as associated data so ciphertexts cannot be swapped
between cases or fields). The data key is stored only wrapped by a master key that lives
outside the database (settings.CASE_MASTER_KEYS, from the environment):

- rotating: put the new key first in CASE_MASTER_KEYS, run `manage.py rotate_case_keys`, then drop
  the old key; only the small wrapped keys are rewritten, never the data;
- erasing: deleting a case's wrapped key makes everything sealed with it unrecoverable.

Decryption failures raise DecryptionError; there is no fallback to the stored bytes.
"""

import base64
import functools
import hashlib
import hmac
import os
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NONCE_BYTES = 12
FORMAT_VERSION = 1


class DecryptionError(Exception):
    """The ciphertext was altered, belongs elsewhere, or the key is gone."""


def _decode_key(text):
    try:
        key = base64.urlsafe_b64decode(text.strip().encode() + b"==")
    except (ValueError, TypeError) as error:
        raise ImproperlyConfigured("Encryption keys must be base64-encoded 32-byte keys.") from error
    if len(key) != 32:
        raise ImproperlyConfigured("Encryption keys must be base64-encoded 32-byte keys.")
    return key


def master_key_id(key: bytes) -> str:
    """A short fingerprint naming a master key without revealing it."""
    return hashlib.sha256(b"case-master-key-id:" + key).hexdigest()[:16]


def master_keys() -> dict:
    """Master keys by fingerprint, the current one (first in the setting) first."""
    if not settings.CASE_MASTER_KEYS:
        raise ImproperlyConfigured("CASE_MASTER_KEYS is not set.")
    return _master_keys(tuple(settings.CASE_MASTER_KEYS))


@functools.lru_cache(maxsize=8)
def _master_keys(texts):
    # Cached: search confirmation unwraps thousands of data keys per request.
    keys = [_decode_key(text) for text in texts]
    return {master_key_id(key): key for key in keys}


@functools.lru_cache(maxsize=8)
def _master_aead(key: bytes):
    return AESGCM(key)


def current_master_key_id() -> str:
    return next(iter(master_keys()))


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def seal(key: bytes, plaintext: bytes, context: bytes) -> bytes:
    """Encrypt and authenticate; `context` binds the ciphertext to where it belongs."""
    nonce = os.urandom(NONCE_BYTES)
    return struct.pack("B", FORMAT_VERSION) + nonce + AESGCM(key).encrypt(nonce, plaintext, context)


def open_sealed(key: bytes, sealed: bytes, context: bytes) -> bytes:
    sealed = bytes(sealed)
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[0] != FORMAT_VERSION:
        raise DecryptionError("Not a sealed value.")
    nonce, ciphertext = sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :]
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, context)
    except InvalidTag as error:
        raise DecryptionError("The sealed value failed authentication.") from error


def wrap_data_key(data_key: bytes, owner: str) -> tuple[str, bytes]:
    """(master key id, wrapped key) for storage next to the case."""
    key_id, master = next(iter(master_keys().items()))
    return key_id, seal(master, data_key, b"data-key:" + owner.encode())


def unwrap_data_key(key_id: str, wrapped: bytes, owner: str) -> bytes:
    master = master_keys().get(key_id)
    if master is None:
        raise DecryptionError("The master key that wrapped this data key is not configured.")
    sealed = bytes(wrapped)
    if len(sealed) < 1 + NONCE_BYTES + 16 or sealed[0] != FORMAT_VERSION:
        raise DecryptionError("Not a sealed value.")
    try:
        return _master_aead(master).decrypt(
            sealed[1 : 1 + NONCE_BYTES], sealed[1 + NONCE_BYTES :], b"data-key:" + owner.encode()
        )
    except InvalidTag as error:
        raise DecryptionError("The sealed value failed authentication.") from error


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 under CASE_HASH_KEY, separated by purpose so hashes are not comparable across uses."""
    if not settings.CASE_HASH_KEY:
        raise ImproperlyConfigured("CASE_HASH_KEY is not set.")
    key = _decode_key(settings.CASE_HASH_KEY)
    message = purpose.encode() + b"\x00" + value.encode()
    return hmac.digest(key, message, "sha256").hex()


def keyed_hash_matches(purpose: str, value: str, expected: str) -> bool:
    """Constant-time comparison of ``value``'s keyed hash with a stored one (receipt codes)."""
    return hmac.compare_digest(keyed_hash(purpose, value), expected)


def derived_key(purpose: str) -> bytes:
    """A 32-byte sub-key of CASE_HASH_KEY for one purpose (HMAC-SHA256 as a PRF, like HKDF-Expand).

    The search index and the duplicate index each have their own sub-key, so knowing the hashes of
    one tells nothing about the other, and neither is comparable with receipt-code or rate-limit hashes.
    """
    if not settings.CASE_HASH_KEY:
        raise ImproperlyConfigured("CASE_HASH_KEY is not set.")
    return _derived_key(settings.CASE_HASH_KEY, purpose)


_SUBKEYS = {}


def _derived_key(hash_key_text, purpose):
    cached = _SUBKEYS.get((hash_key_text, purpose))
    if cached is None:
        master = _decode_key(hash_key_text)
        cached = _SUBKEYS[(hash_key_text, purpose)] = hmac.new(
            master, b"case-subkey:" + purpose.encode(), hashlib.sha256
        ).digest()
    return cached


def keyed_digest(key: bytes, value: str) -> bytes:
    """HMAC-SHA256 of ``value`` under a sub-key from derived_key()."""
    return hmac.digest(key, value.encode(), "sha256")  # one-shot: no HMAC object per token
