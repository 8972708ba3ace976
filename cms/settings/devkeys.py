"""Development keys, generated once into a git-ignored file so that a fresh clone just runs.

Never used in production: production settings read every key from the environment.
"""

import base64
import json
import secrets
from pathlib import Path


def load_or_create(path: Path) -> dict:
    if path.exists():
        return json.loads(path.read_text())
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "CASE_MASTER_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "CASE_HASH_KEY": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
    }
    path.write_text(json.dumps(keys, indent=2))
    path.chmod(0o600)
    return keys
