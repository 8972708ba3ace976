import subprocess

import pytest

from .services import VENV_BIN, create_database, drop_database, free_port, manage, production_env, stop, wait_for_port


@pytest.fixture(scope="session")
def s3_server():
    """moto's standalone S3 server on a free loopback port, for the whole run: its endpoint URL."""
    port = free_port()
    process = subprocess.Popen(
        [str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """A production-like site for the whole run: a fresh PostgreSQL database (unique name), migrated
    and seeded with the demo forms, static files collected, a private evidence folder, fresh keys.
    Returns its environment (production settings) and folder; the database is dropped at the end."""
    database = create_database("prod_site")
    folder = tmp_path_factory.mktemp("production_site")
    env = production_env(
        DATABASE_URL=database,
        PRIVATE_STORAGE_ROOT=folder / "private",
        STATIC_ROOT=folder / "static",
        CONN_MAX_AGE=60,
    )
    try:
        # Setting the site up runs its own tasks (search indexing) inline.
        inline = {**env, "TASKS_BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
        manage(inline, "migrate", "--noinput")
        manage(inline, "createcachetable")  # as a release does (README, Production)
        manage(inline, "seed_demo")
        manage(env, "collectstatic", "--noinput", "--verbosity", "0")
        (folder / "private").mkdir(mode=0o700, exist_ok=True)
        yield {"env": env, "folder": folder, "database": database}
    finally:
        drop_database(database)
