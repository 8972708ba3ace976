"""Run in a sandbox child by tests/evidence/test_evidence_sandbox.py: imports nothing of Django."""

import os


def send_environment(connection):
    connection.send_bytes("\n".join(sorted(os.environ)).encode())
    connection.close()
