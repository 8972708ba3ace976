"""Who is knocking, without storing who it is: a keyed hash of the client's address.

Throttles (django-axes for passwords, staff_auth.throttle for codes) need to tell clients apart;
they get this hash, never the address, so neither the cache nor the database ever holds one.
"""

import hashlib
import hmac

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cms.clients import client_group_of


def client_key(request):
    """HMAC-SHA256 of the client's address group (cms.clients: an IPv6 client per /64, so rotating
    addresses does not escape the lockout) under CASE_HASH_KEY (AXES_CLIENT_IP_CALLABLE)."""
    if not settings.CASE_HASH_KEY:
        raise ImproperlyConfigured("CASE_HASH_KEY is not set.")
    digest = hmac.new(
        settings.CASE_HASH_KEY.encode(), b"staff-client\x00" + client_group_of(request).encode(), "sha256"
    )
    return "client-" + digest.hexdigest()[:32]


def neutral_lockout_response(request, original_response, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a locked account or client gets exactly what a wrong password gets.

    The backend refused the sign-in before the password was checked, so the login view has
    already rendered its usual "did not match" page; answering anything else (a 429, a lockout
    page) would tell an attacker that the account exists or that their guesses are counted."""
    return original_response


def same_digest(a, b):
    return hmac.compare_digest(a, b)


def token_digest(purpose, token):
    """Unkeyed SHA-256 for high-entropy one-time secrets (invitation links, recovery codes):
    they cannot be guessed from their hash, and the hash alone opens nothing."""
    return hashlib.sha256(f"{purpose}\x00{token}".encode()).hexdigest()
