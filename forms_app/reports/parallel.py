"""An ordered map over forked worker processes, for the export's CPU-bound part (decrypting cases
and writing their rows), so that an export uses every core of the server.

Why not ``Pool.imap`` or ``Executor.map``: they take their whole input at once (``map``) or read
it in a thread of their own as fast as they can (``imap``). The input here is a database cursor
(Django's connections belong to the thread that opened them) and every item holds hundreds of
sealed cases, so read-ahead must be bounded: at most ``window`` items are submitted and not yet
yielded. ``ProcessPoolExecutor`` still starts, feeds and stops the processes, and says so if one dies
(BrokenProcessPool) rather than waiting for it forever.

The workers are forked from the serving process and never touch its database connection, its
sockets or its signal handlers (a gunicorn worker's SIGTERM handler would keep them from stopping).
They die with it (Linux: PR_SET_PDEATHSIG), so a killed server worker leaves no process behind
holding decrypted answers in memory. Nothing is written to disk: items and results go through pipes.
"""

import collections
import concurrent.futures
import ctypes
import gc
import multiprocessing
import os
import signal
import sys

# Set in each worker by _start_worker: what it calls on every item.
_work = None
# The database connections the worker inherited: kept referenced so that they are never closed
# (closing one would end the serving process's session on the server), and never used.
_inherited_connections = []

_PR_SET_PDEATHSIG = 1
# Signals a server may have given handlers to: a worker takes the default action, so that it can be
# stopped.
_RESET_SIGNALS = ("SIGTERM", "SIGINT", "SIGQUIT", "SIGHUP", "SIGUSR1", "SIGUSR2", "SIGWINCH", "SIGABRT")


def _die_with(parent_pid):
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the parent died before the line above
        os._exit(1)


def _start_worker(work, parent_pid):
    global _work
    for name in _RESET_SIGNALS:
        signal.signal(getattr(signal, name), signal.SIG_DFL)
    _die_with(parent_pid)
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        if connection.connection is not None:
            _inherited_connections.append(connection.connection)
            # Should anything in the worker query, it opens a connection of its own.
            connection.connection = None
    _work = work


def _call(item):
    return _work(item)


def ordered_map(work, items, processes, window=None):
    """``work(item)`` for each of ``items``, yielded in the items' order.

    With ``processes`` of 2 or more, the calls run in that many forked processes, ``items`` are
    read in this process (at most ``window`` ahead of what has been yielded, by default one per
    process and three more, so that a process seldom waits for this one), and ``work`` is
    whatever the processes inherited at the fork (it is not pickled; items and results are). An
    exception raised by ``work`` is raised here. Closing the generator stops the processes. With
    fewer processes, everything runs here.
    """
    if processes < 2:
        yield from map(work, items)
        return
    window = window or processes + 3
    # Objects that exist now are left out of the workers' garbage collections, so that a collection
    # does not write to (and so copy) every page the workers share with this process. A server's
    # worker froze its start-up objects already (cms/wsgi.py); what it made since (caches of pages,
    # forms, translations, the queue's last pages) is frozen now too, and stays so: thawing would
    # thaw the start-up objects as well. A cycle among them that dies later is then never collected,
    # a bounded cost (a worker is replaced after GUNICORN_MAX_REQUESTS). Garbage is collected first,
    # so that none is frozen.
    freezing_here = not gc.get_freeze_count()
    gc.collect()
    gc.freeze()
    try:
        executor = concurrent.futures.ProcessPoolExecutor(
            processes,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(work, os.getpid()),
        )
        pending = collections.deque()
        try:
            for item in items:
                pending.append(executor.submit(_call, item))
                if freezing_here:  # (the processes are forked at the first submit)
                    gc.unfreeze()
                if len(pending) >= window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            # However the generator ends (finished, failed, or closed by the server): what was not
            # started is dropped, what runs finishes (one item at most per process), then they exit.
            executor.shutdown(wait=True, cancel_futures=True)
    finally:
        if freezing_here:
            gc.unfreeze()
