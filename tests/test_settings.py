"""Configuration: production refuses to start without its secrets."""

import os
import subprocess
import sys

import pytest

from tests.helpers import PRODUCTION_ENV as COMPLETE
from tests.helpers import ROOT, load_settings


def load_production_settings(env):
    return load_settings("cms.settings.production", env)


def test_production_starts_with_every_required_variable():
    """With all required variables set, production settings load with DEBUG off."""
    result = load_production_settings(COMPLETE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("missing", sorted(COMPLETE))
def test_production_fails_fast_without_a_required_variable(missing):
    """Each missing secret or host stops production settings with a message naming it."""
    env = {key: value for key, value in COMPLETE.items() if key != missing}
    result = load_production_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr


def test_production_without_a_proxy_needs_no_client_address_header():
    """BEHIND_PROXY=false (the app faces clients itself): REMOTE_ADDR is the client, no header needed."""
    env = {key: value for key, value in COMPLETE.items() if key != "CLIENT_IP_HEADER"}
    result = load_production_settings(env | {"BEHIND_PROXY": "false"})
    assert result.returncode == 0, result.stderr


def test_a_proxy_without_a_client_address_header_fails_the_deploy_check(settings):
    """Any settings that declare a proxy but no CLIENT_IP_HEADER fail `check --deploy` (forms_app.E010)."""
    from forms_app.intake.checks import check_client_address_header

    settings.BEHIND_PROXY = True
    settings.CLIENT_IP_HEADER = ""
    assert [error.id for error in check_client_address_header(None)] == ["forms_app.E010"]
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    assert check_client_address_header(None) == []


def test_production_settings_pass_djangos_deployment_checks(tmp_path):
    """`manage.py check --deploy` reports nothing with production settings."""
    env = {key: value for key, value in os.environ.items() if key not in COMPLETE}
    env.update(COMPLETE, DJANGO_SETTINGS_MODULE="cms.settings.production")
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'deploy-check.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_an_unknown_admin_url_is_a_404_not_a_redirect_to_the_public_site(admin_client):
    """/admin/... is outside the language prefixes: a missing admin page is not sent to /en/admin/..."""
    response = admin_client.get("/admin/no-such-admin-page/")
    assert response.status_code == 404
