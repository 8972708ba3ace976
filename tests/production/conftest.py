import subprocess

import pytest

from .services import VENV_BIN, free_port, stop, wait_for_port


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
