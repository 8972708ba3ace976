import pytest
from django.contrib.auth.models import Group

from .builders import file_case


def staff(django_user_model, username, group_name=None):
    user = django_user_model.objects.create_user(username=username, password="correct horse battery staple")
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def case_manager(db, django_user_model):
    return staff(django_user_model, "manager", "Case managers")


@pytest.fixture
def reviewer(db, django_user_model):
    return staff(django_user_model, "reviewer", "Reviewers")


@pytest.fixture
def communications(db, django_user_model):
    return staff(django_user_model, "comms", "Communications")


@pytest.fixture
def client_for(client):
    def logged_in(user):
        client.force_login(user)
        return client

    return logged_in


@pytest.fixture
def filed_cases(db):
    """Two account-closure cases (English and Chinese) and one investor case, with known losses."""
    return [
        file_case("account_closure", "en", wallet_balance_frozen_0="1000.50", wallet_balance_frozen_1="CNY"),
        file_case("account_closure", "zh-hans", wallet_balance_frozen_0="250.25", wallet_balance_frozen_1="CNY"),
        file_case("investor", "en"),
    ]
