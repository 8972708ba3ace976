"""The machine's PostgreSQL and Redis, and processes started by the tests (moto, gunicorn, SMTP).

On a developer's machine a missing PostgreSQL or Redis skips these tests with the reason; in CI
(`REQUIRE_SERVICES=1`, set by .ci/run) it fails them, so they can never pass by not running.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
# A Redis database number of our own (flushed by nobody but these tests' unique key prefixes).
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
# Any database on the server; the tests create and drop their own databases next to it.
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def unavailable(reason):
    if os.environ.get("REQUIRE_SERVICES"):
        pytest.fail(f"{reason} (REQUIRE_SERVICES is set, so this is an error)")
    pytest.skip(reason)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process=None, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"The process exited with {process.returncode} before listening on {port}.")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError(f"Nothing listened on 127.0.0.1:{port} within {seconds} s.")


def require_redis():
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        unavailable(f"Redis is not reachable at {REDIS_URL}: {type(error).__name__}")
    return REDIS_URL


def cache_prefix():
    """A key prefix no other test run uses, so nothing needs flushing."""
    return "test-" + uuid.uuid4().hex[:12]


def postgres_url(database):
    parts = urlsplit(POSTGRES_URL)
    return urlunsplit(parts._replace(path="/" + database))


def _admin_connection():
    import psycopg

    try:
        return psycopg.connect(POSTGRES_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        unavailable(f"PostgreSQL is not reachable at {POSTGRES_URL}: {type(error).__name__}")


def create_database(prefix):
    """A new, empty PostgreSQL database with a unique name; returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    with _admin_connection() as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return postgres_url(name)


def drop_database(url):
    name = urlsplit(url).path.lstrip("/")
    with _admin_connection() as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(**extra):
    """The environment of a production-like process: production settings, fresh keys, no TLS."""
    import base64

    def key():
        return base64.urlsafe_b64encode(os.urandom(32)).decode()

    env = {
        key_: value
        for key_, value in os.environ.items()
        if not key_.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "CASE_", "EVIDENCE_", "PYTEST"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=uuid.uuid4().hex * 2,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CASE_MASTER_KEYS=key(),
        CASE_HASH_KEY=key(),
        SECURE_SSL_REDIRECT="false",
        TASKS_BACKEND="django_tasks_db.DatabaseBackend",
        MAILER_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        LOG_LEVEL="WARNING",
        # The servers in these tests face their clients directly (test_two_servers adds a header itself).
        BEHIND_PROXY="false",
    )
    env.update({name: str(value) for name, value in extra.items()})
    return env


def manage(env, *args, timeout=300):
    """Run manage.py in a child process with this environment; raises with its output on failure."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def python(env, code, timeout=120):
    """Run a snippet in a fresh interpreter with Django set up under this environment; its stdout."""
    script = "import django; django.setup()\n" + code
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise AssertionError(f"child process failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def stop(process, seconds=20):
    """Stop a process we started: SIGTERM, then SIGKILL if it does not go."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(seconds)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(seconds)
