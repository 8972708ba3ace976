"""Fixtures for the whole suite.

Tests build what they need with tests/builders.py inside their own transaction. Only tests that
are about the demo content itself ask for the ``demo_site`` fixture, which seeds it into the test
database the first time a session needs it (``seed_demo`` is idempotent, so a reused database is
only brought up to date).
"""

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def _demo_seeded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)


@pytest.fixture
def demo_site(_demo_seeded, db):
    """The demo site (pages, announcements, the four forms in three languages), committed once per
    session; each test's own changes to it are rolled back."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True)


def staff(*args, **kwargs):
    from tests.builders import staff

    return staff(*args, **kwargs)


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
    """login(user) -> the test client, signed in as that user (no second factor: tests turn it off)."""

    def logged_in(user):
        client.force_login(user)
        return client

    return logged_in


@pytest.fixture
def filed_cases(db):
    """Two account-closure cases (English and Chinese) and one investor case, with known losses."""
    from tests.builders import file_case

    return [
        file_case("account_closure", "en", wallet_balance_frozen_0="1000.50", wallet_balance_frozen_1="CNY"),
        file_case("account_closure", "zh-hans", wallet_balance_frozen_0="250.25", wallet_balance_frozen_1="CNY"),
        file_case("investor", "en"),
    ]


@pytest.fixture(autouse=True)
def _clear_cache():
    """Rate-limit and sign-in counters and Wagtail's site root paths live in the caches: each test starts with none.

    So do the form wordings this process saw committed: a test's "commit" (on_commit callbacks run
    by django_capture_on_commit_callbacks) is rolled back with the test."""
    from django.core.cache import caches

    from cms import admin_parts, admin_sidebar
    from cms.content_generation import forget_kept_content
    from forms_app.cases.models import FormWording
    from forms_app.intake import live_questions
    from home.page_cache import forget_local_copies

    for cache in caches.all():
        cache.clear()
    forget_local_copies()
    admin_sidebar.forget_local_copies()
    admin_parts.forget_local_copies()
    forget_kept_content()
    live_questions.forget()
    FormWording._committed.clear()
    yield
    for cache in caches.all():
        cache.clear()
    forget_local_copies()
    live_questions.forget()


@pytest.fixture(autouse=True)
def evidence_dir(settings, tmp_path):
    """Each test writes evidence to its own empty private folder."""
    folder = tmp_path / "private"
    folder.mkdir()
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder), "base_url": None},
        },
    }
    return folder
