"""CSRF secrets drawn from one read of the random source (cms/csrf_secrets.py) are what Django's
own are: 32 characters, each uniform over its 62, and they work as CSRF tokens."""

import collections
import re

import pytest
from django.middleware import csrf
from django.test import Client

from cms import csrf_secrets
from tests.builders import intake_form


def test_django_draws_its_csrf_secrets_and_masks_with_it():
    assert csrf._get_new_csrf_string is csrf_secrets.new_csrf_string


def test_secrets_have_django_s_length_and_characters_and_no_character_is_favoured():
    drawn = [csrf_secrets.new_csrf_string() for _ in range(4000)]
    assert all(len(secret) == csrf.CSRF_SECRET_LENGTH for secret in drawn)
    assert len(set(drawn)) == len(drawn)
    counts = collections.Counter("".join(drawn))
    assert set(counts) == set(csrf.CSRF_ALLOWED_CHARS)
    # Chi-squared over 62 characters (61 degrees of freedom: mean 61, standard deviation 11).
    expected = sum(counts.values()) / len(csrf.CSRF_ALLOWED_CHARS)
    chi_squared = sum((count - expected) ** 2 / expected for count in counts.values())
    assert chi_squared < 160


@pytest.mark.django_db
def test_a_token_from_a_cached_form_page_is_accepted_by_the_csrf_check():
    page = intake_form("account_closure", "zh-hans")
    browser = Client(enforce_csrf_checks=True)
    for _ in range(2):  # the second from the page cache
        html = browser.get(page.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"', html).group(1)
    assert csrf._unmask_cipher_token(token) == browser.cookies["csrftoken"].value
    refused = browser.post(page.url, {"csrfmiddlewaretoken": "x" * 64})
    assert refused.status_code == 403
    accepted = browser.post(page.url, {"csrfmiddlewaretoken": token})
    assert accepted.status_code != 403
