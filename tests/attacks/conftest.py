"""The attack suite: hostile input against every public and staff surface. Fast; runs in CI."""

import pytest

from tests.review.conftest import case_manager, communications, reviewer, superuser  # noqa: F401


@pytest.fixture
def client_for():
    """A separate client signed in as the given user."""
    from django.test import Client

    def logged_in(user, **kwargs):
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return logged_in
