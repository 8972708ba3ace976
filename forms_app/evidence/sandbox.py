"""Run the parsing of one request's files in a separate, limited process.

A decoder bug or a decompression bomb must cost one child process, not the site. Each request
with files starts one child (from a multiprocessing "forkserver", so starting it is a fork of
a small, already-warm process that has the decoders imported, not a new interpreter) which:

* limits its address space (EVIDENCE_SANDBOX_MEMORY_BYTES, RLIMIT_AS), CPU time
  (EVIDENCE_SANDBOX_CPU_SECONDS, RLIMIT_CPU), the size of any file it writes (RLIMIT_FSIZE)
  and core dumps (none); ffmpeg, which it runs for audio and video, inherits these limits;
* starts with none of the web process's environment but a short list of harmless variables
  (ENVIRONMENT_KEPT): the environment holds SECRET_KEY, CASE_MASTER_KEYS, CASE_HASH_KEY and the
  database's and the cache's addresses with their passwords, which a child taken over by a hostile
  file could otherwise read from its own memory;
* enters a new, empty network namespace where the kernel allows unprivileged user namespaces
  (most Linux distributions; check with ``unshare -rn true``). Where it does not, the child
  still holds no socket of the web process, but a child taken over by a hostile file could open
  one: block outgoing traffic for the app's user at the firewall as well;
* refuses, before decoding anything, images whose header declares more than
  EVIDENCE_MAX_IMAGE_PIXELS, more than EVIDENCE_MAX_PIXELS_PER_BYTE pixels per byte of file (a
  compression-ratio cap against bombs), or requests whose images together declare more than
  EVIDENCE_MAX_REQUEST_PIXELS.

The web process waits at most EVIDENCE_SANDBOX_TIMEOUT_SECONDS, then kills the child. A child
that dies, runs out of time or answers nonsense makes the whole request's files refused with
PROCESSING_FAILED, in the claimant's language: nothing is stored and nothing becomes a 500.
The child's answer is read as plain bytes (worker.decode), never unpickled.

Cost: starting the forkserver takes about a second, once per web process (the first request
with files); after that one request's child costs about 7 ms of CPU for a small JPEG (measured
here on an idle machine). The fork server imports beforehand what every child would otherwise
import again: the decoders with all of Pillow's format plugins, and the modules the web
process's main script takes names from (see _main_script_modules). Like any multiprocessing
"forkserver" or "spawn" user, each child still runs the web process's main script as
``__mp_main__``: it must keep its work under ``if __name__ == "__main__":`` (manage.py,
gunicorn and pytest do).
"""

import logging
import multiprocessing
import os
import sys
import threading
import types
from multiprocessing import forkserver

from . import limits, preload
from .errors import PROCESSING_FAILED, EvidenceRejected
from .worker import Limits, child_main, decode

logger = logging.getLogger(__name__)

_WORKER_MODULE = "forms_app.evidence.worker"
_PRELOAD_MODULE = "forms_app.evidence.preload"
_context = None


def _main_script_modules():
    """The modules the web process's main script takes names from (gunicorn's script:
    gunicorn.app.wsgiapp), for the fork server to import once (see preload.py)."""
    main = sys.modules.get("__main__")
    if getattr(main, "__file__", None) is None:
        return []  # python -c, an interactive session: multiprocessing runs nothing again
    names = set()
    for name, value in vars(main).items():
        if name.startswith("__"):
            continue  # its loader, spec and builtins
        module = value.__name__ if isinstance(value, types.ModuleType) else getattr(value, "__module__", None)
        if isinstance(module, str) and module not in ("__main__", "builtins"):
            names.add(module)
    return sorted(names)


# All that the fork server, and so every child, keeps of the web process's environment.
ENVIRONMENT_KEPT = ("PATH", "LANG", "LANGUAGE", "TZ", "TMPDIR", "HOME")
ENVIRONMENT_KEPT_PREFIXES = ("LC_", "PYTHON")


def kept_environment(environment):
    return {
        name: value
        for name, value in environment.items()
        if name in ENVIRONMENT_KEPT or name.startswith(ENVIRONMENT_KEPT_PREFIXES)
    }


def _ensure_fork_server():
    """Start the fork server (if it is not running) with the kept environment only, and the names
    of the modules it should import for the main script (preload.py).

    multiprocessing starts it with the environment of the moment, so that is narrowed for the
    start and put back at once. Called before every child, so that a fork server that died is not
    restarted by multiprocessing itself with the whole environment."""
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(kept_environment(saved))
        os.environ[preload.VARIABLE] = ",".join(_main_script_modules())
        forkserver.ensure_running()
    finally:
        os.environ.clear()
        os.environ.update(saved)


def _get_context():
    global _context
    if _context is None:
        context = multiprocessing.get_context("forkserver")
        # What each child would otherwise import again: runpy and what the main script needs (to
        # re-run it), the fork server's own Popen (to unpickle the process), and the worker with
        # its decoders.
        context.set_forkserver_preload(["runpy", "multiprocessing.popen_forkserver", _PRELOAD_MODULE, _WORKER_MODULE])
        _context = context
    return _context


def current_limits():
    """The sandbox limits from settings, read in the web process."""
    from .media import ffmpeg_path

    return Limits(
        max_image_pixels=limits.max_image_pixels(),
        max_request_pixels=limits.max_request_pixels(),
        max_pixels_per_byte=limits.max_pixels_per_byte(),
        memory_bytes=limits.sandbox_memory_bytes(),
        cpu_seconds=limits.sandbox_cpu_seconds(),
        max_output_bytes=4 * limits.max_file_bytes() + limits.MiB,
        ffmpeg=ffmpeg_path(),
    )


def process_in_sandbox(files):
    """(request error code or "", [worker.Outcome], [working bytes]) for a list of file contents.

    Raises EvidenceRejected(PROCESSING_FAILED) if the child fails in any way.
    """
    try:
        sandbox_limits = current_limits()  # finds ffmpeg: a broken install must not become a 500
        context = _get_context()
        reader, writer = context.Pipe(duplex=False)
    except Exception as error:
        logger.error("Evidence sandbox could not start (%s)", type(error).__name__)
        raise EvidenceRejected(PROCESSING_FAILED) from error
    timeout = limits.sandbox_timeout_seconds()
    # The most a well-behaved child can send back; anything larger is refused unread.
    max_message = 4 * sum(len(data) for data in files) + 8 * sandbox_limits.max_request_pixels + limits.MiB
    process = context.Process(target=child_main, args=(writer, files, sandbox_limits), daemon=True)
    # Killing the child at the deadline also ends a read it has left half-written (EOFError).
    deadline = threading.Timer(timeout, _kill, args=(process,))
    try:
        _ensure_fork_server()
        process.start()
        deadline.start()
        writer.close()
        if not reader.poll(timeout):
            raise TimeoutError("the evidence sandbox did not answer in time")
        message = reader.recv_bytes(max_message)
        return decode(message, len(files))
    except Exception as error:
        # The failure's type only: nothing about the files may reach the log.
        logger.warning("Evidence sandbox failed (%s); the request's files were refused", type(error).__name__)
        raise EvidenceRejected(PROCESSING_FAILED) from error
    finally:
        deadline.cancel()
        reader.close()
        writer.close()
        if process.pid is not None:
            process.join(2)
            _kill(process)
            process.join()
            process.close()


def _kill(process):
    try:
        if process.is_alive():
            process.kill()
    except ValueError:  # already closed
        pass
