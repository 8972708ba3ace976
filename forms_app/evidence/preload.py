"""Imported once by the evidence sandbox's fork server (sandbox.py), before any child is forked.

multiprocessing runs the web process's main script again in every child (CPython 3.13's fork
server does not preload it, whatever its documentation says), so under gunicorn each child
imported gunicorn's application code again: about 50 ms of CPU per request with files. The web
process names the modules its main script takes names from in EVIDENCE_SANDBOX_PRELOAD; importing
them here, once, makes each child's re-run cost nothing. A module that cannot be imported without
Django set up (a script that imports models) is skipped: the fork server must never fail to start.
"""

import contextlib
import importlib
import os

VARIABLE = "EVIDENCE_SANDBOX_PRELOAD"

for _name in filter(None, os.environ.get(VARIABLE, "").split(",")):
    # Whatever a module raises: a child that needs it imports it itself, as before.
    with contextlib.suppress(Exception):
        importlib.import_module(_name)
