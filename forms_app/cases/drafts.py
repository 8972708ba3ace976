"""Keys and codes of drafts (forms_app.cases.models.Draft): the crypto, not the flow.

A draft's answers and evidence are sealed with the draft's own random key. The database never
holds that key usable on its own:

- in the claimant's session (which Django keeps in the database) the key is sealed with a key
  derived from CASE_HASH_KEY, which lives outside the database, like the receipt code;
- when the claimant asks for a draft code, the key is also sealed with a key derived from that
  code and CASE_HASH_KEY; only a keyed hash of the code is stored. The code alone (with the
  server's CASE_HASH_KEY) reopens the draft, on any device.
"""

import secrets

from . import crypto

# Easy to read aloud and to type, like case references: no 0/O, 1/I/L, 5/S or U/V confusions.
CODE_ALPHABET = "2346789ABCDEFGHJKMNPQRTWXYZ"
CODE_LENGTH = 16  # 27**16 (about 7.9e22, 76 bits)


def new_draft_key() -> bytes:
    return crypto.new_data_key()


def new_draft_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_draft_code(text) -> str:
    return "".join(ch for ch in (text or "").upper() if ch.isalnum())


def format_draft_code(code) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def draft_code_hash(code) -> str:
    return crypto.keyed_hash("draft-code", normalise_draft_code(code))


def _code_key(code) -> bytes:
    return bytes.fromhex(crypto.keyed_hash("draft-code-key", normalise_draft_code(code)))


def _session_key() -> bytes:
    return bytes.fromhex(crypto.keyed_hash("draft-session", "key"))


def seal_for_code(draft_key, code, token) -> bytes:
    return crypto.seal(_code_key(code), draft_key, f"draft-code:{token}".encode())


def open_with_code(sealed, code, token) -> bytes:
    return crypto.open_sealed(_code_key(code), bytes(sealed), f"draft-code:{token}".encode())


def seal_for_session(draft_key, token) -> bytes:
    return crypto.seal(_session_key(), draft_key, f"draft-session:{token}".encode())


def open_from_session(sealed, token) -> bytes:
    return crypto.open_sealed(_session_key(), sealed, f"draft-session:{token}".encode())
