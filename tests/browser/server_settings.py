"""Settings of the live server the browser journeys drive: the test settings, with two changes.

The journeys file several cases from the one address 127.0.0.1 within a minute; the intake rate
limit (ten an hour per address) is tested on its own in tests/intake and would otherwise make
the journeys depend on how many of them run. Staff sign in as in production, with a password and
a code from their authenticator (the rest of the suite turns two-factor sign-in off).
"""

from cms.settings.base import ALTCHA_CHALLENGE as PRODUCTION_CHALLENGE
from cms.settings.test import *  # noqa: F403

INTAKE_RATE_LIMIT = 1000
STAFF_2FA_REQUIRED = True
INTAKE_NOJS_RATE_LIMIT = 1000
# Chromium solves the real widget's proof-of-work at the production cost; no-JS journeys fill the
# form faster than a person would, so the wait is shorter (tests/intake/test_human_check.py tests it).
ALTCHA_CHALLENGE = PRODUCTION_CHALLENGE
INTAKE_NOJS_WAIT_SECONDS = 2
