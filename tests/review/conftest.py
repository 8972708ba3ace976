import pytest

from .builders import staff


@pytest.fixture
def reviewer(db):
    return staff("reviewer", "Reviewers", first_name="Rita", last_name="Reviewer")


@pytest.fixture
def case_manager(db):
    return staff("manager", "Case managers", first_name="Mo", last_name="Manager")


@pytest.fixture
def communications(db):
    return staff("comms", "Communications")


@pytest.fixture
def superuser(db):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", "", "a-long-password-123")


@pytest.fixture
def login(client):
    def logged_in(user):
        client.force_login(user)
        return client

    return logged_in
