"""/healthz says the process answers; /readyz says the database, evidence storage and cache do."""

import pytest

from .services import free_port, production_env, python

READYZ_IN_CHILD = """
from django.test import Client
response = Client().get("/readyz")
print(response.status_code, response.content.decode())
"""


def test_healthz_answers_without_database_session_or_cache(client):
    """/healthz answers 200 "ok" with no database access (this test has none: pytest-django would
    raise on any query), no cookie, and headers forbidding caching."""
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_is_ok_when_everything_answers(client):
    """/readyz answers 200 "ok" when the database, the evidence folder and the cache all work."""
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_readyz_fails_without_the_evidence_folder(client, settings, tmp_path):
    """A missing evidence folder (an unmounted shared volume) makes /readyz answer 503."""
    settings.STORAGES = {
        **settings.STORAGES,
        "evidence": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "not-mounted"), "base_url": None},
        },
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"unavailable"


def test_readyz_fails_when_postgresql_does_not_answer(tmp_path):
    """With DATABASE_URL pointing at a PostgreSQL that does not answer, /readyz answers 503 and
    the body names nothing (no host, no driver error)."""
    (tmp_path / "private").mkdir(exist_ok=True)
    env = production_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/nowhere",
        VAR_DIR=tmp_path,
    )
    assert python(env, READYZ_IN_CHILD).split() == ["503", "unavailable"]


def test_readyz_fails_when_redis_does_not_answer(tmp_path):
    """With REDIS_URL pointing at a Redis that does not answer, /readyz answers 503."""
    (tmp_path / "private").mkdir(exist_ok=True)
    env = production_env(
        DJANGO_SETTINGS_MODULE="cms.settings.test",
        REDIS_URL=f"redis://127.0.0.1:{free_port()}/0",
        VAR_DIR=tmp_path,
    )
    assert python(env, READYZ_IN_CHILD).split() == ["503", "unavailable"]
