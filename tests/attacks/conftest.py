"""The attack suite: hostile input against every public and staff surface. Fast; runs in CI.

Staff fixtures (reviewer, case_manager, communications, superuser) come from tests/conftest.py.
The attacks post to the demo's forms, which carry every question type."""

import pytest


@pytest.fixture(autouse=True)
def _demo(demo_site):
    """Every attack runs against the seeded demo site."""


@pytest.fixture
def client_for():
    """A separate client signed in as the given user."""
    from django.test import Client

    def logged_in(user, **kwargs):
        client = Client(**kwargs)
        client.force_login(user)
        return client

    return logged_in
