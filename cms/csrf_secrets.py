"""CSRF secrets and masks drawn with one read of the system's random source.

Django draws each of the 32 characters of a CSRF secret, and of each mask, with its own call to
``secrets.choice`` (a read of the system's random source each): 64 calls for every response that
carries a token, a seventh of the CPU time of an intake form page served from the public page
cache (home/page_cache.py). ``new_csrf_string`` draws the same thing (32 characters, each uniform
over CSRF_ALLOWED_CHARS, from the operating system's random source) from one ``os.urandom`` read,
keeping only the bytes below the largest multiple of 62 (rejection sampling, so no character is
likelier than another). It replaces Django's private ``_get_new_csrf_string`` at start-up (home.apps);
should Django rename that function, nothing is replaced and Django's own keeps working.
"""

import os

from django.middleware import csrf


def new_csrf_string():
    chars, length = csrf.CSRF_ALLOWED_CHARS, csrf.CSRF_SECRET_LENGTH
    below = 256 - 256 % len(chars)  # 248: bytes under it map onto the 62 characters evenly
    drawn = []
    while len(drawn) < length:
        drawn.extend(chars[byte % len(chars)] for byte in os.urandom(length + 8) if byte < below)
    return "".join(drawn[:length])


def install():
    if hasattr(csrf, "_get_new_csrf_string"):
        csrf._get_new_csrf_string = new_csrf_string
