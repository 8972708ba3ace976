"""Small helpers shared by tests: finding pages by type and language, parsing HTML, loading a
settings module in a fresh process."""

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from wagtail.models import Locale


def page_in(model, language_code, **filters):
    locale = Locale.objects.get(language_code=language_code)
    return model.objects.live().filter(locale=locale, **filters).first()


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def visible_text(document):
    for hidden in document(["script", "style"]):
        hidden.decompose()
    return " ".join(document.get_text(" ").split())


ROOT = Path(__file__).resolve().parent.parent
# Every variable production settings require, with harmless values.
PRODUCTION_ENV = {
    "SECRET_KEY": "k3Yq9-zL2wP8vR6tN4mB7xC1dF5gH0jS-aE3uI9oU2yT6rW8qZ4",
    "ALLOWED_HOSTS": "cases.example.org",
    "DATABASE_URL": "postgres://user@localhost/cases",
    "CASE_MASTER_KEYS": "dGVzdC1tYXN0ZXIta2V5LTMyLWJ5dGVzLWxvbmctISE=",
    "CASE_HASH_KEY": "dGVzdC1oYXNoLWtleS0zMi1ieXRlcy1sb25nLWtleSE=",
    # Production sits behind a proxy unless BEHIND_PROXY=false: the client's address header is required.
    "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
}


def settings_env(env):
    """This process's environment without PRODUCTION_ENV's variables, plus ``env``."""
    clean = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    clean.update(env)
    return clean


def load_settings(module, env, expression="settings.DEBUG"):
    """Run django.setup() with ``module`` in a new process with settings_env(env); its stdout is
    ``expression`` printed."""
    code = f"import django; from django.conf import settings; django.setup(); print({expression})"
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=settings_env(env) | {"DJANGO_SETTINGS_MODULE": module},
        capture_output=True,
        text=True,
    )
