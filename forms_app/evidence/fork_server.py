"""The sandbox's fork server: ``python -m forms_app.evidence.fork_server FD``, started by sandbox.py.

One per web process, with none of its environment's secrets and nothing of Django: it imports
the decoders once, then waits on the socket FD for requests. Each request brings two file
descriptors (the request, in memory, and the pipe for the answer); the server forks one child for
it, sends back a pidfd of that child (so the web process can kill exactly it at its deadline) and
forgets it: children are reaped by the kernel (SIGCHLD ignored). The server exits when the web
process closes its end of the socket.

Written by hand rather than with multiprocessing's "forkserver": that one's protocol made every
child unpickle its preparation, run the web process's main script again and import what the
server had not, about 3 ms of CPU a request here on top of the fork; this child only reads its
request and runs worker.serve.
"""

import gc
import io
import os
import signal
import socket
import sys

from . import worker

# Pillow loads its format plugins on first use: load them here, once for every child.
from .images import Image

Image.init()

# What a first decode sets up (Pillow's lazy imports and codec state) is done once here rather than
# in every child, on images made here: about a tenth of a small image's cost in the sandbox.
WARM_UP_FORMATS = (("JPEG", "RGB"), ("PNG", "RGBA"), ("PNG", "P"), ("GIF", "P"), ("WEBP", "RGB"))


def warm_up():
    """Process one tiny image of each WARM_UP_FORMATS; their outcomes (each must be a success, or
    the warm-up warmed nothing)."""
    limits = worker.Limits(
        max_image_pixels=1024,
        max_request_pixels=1024 * len(WARM_UP_FORMATS),
        max_pixels_per_byte=1024,
        memory_bytes=0,
        cpu_seconds=0,
        max_output_bytes=0,
        ffmpeg="",
    )
    images = []
    for image_format, mode in WARM_UP_FORMATS:
        buffer = io.BytesIO()
        Image.new(mode, (8, 8)).save(buffer, image_format)
        images.append(buffer.getvalue())
    outcomes, _working = worker.process_batch(images, limits)
    return outcomes


def main(fd):
    server = socket.socket(fileno=fd)
    # The terminal's Ctrl-C is for the web process; a web process gone closes our socket instead.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    worker.leave_network()  # for the server and every child it forks
    warm_up()
    # What the server imported is not traced by the children's garbage collector, so they copy
    # fewer of its pages.
    gc.freeze()
    while True:
        message, fds, _flags, _address = socket.recv_fds(server, 16, 2)
        if not message:
            return  # the web process is gone
        if len(fds) != 2:
            for stray in fds:
                os.close(stray)
            server.sendall(b"n")
            continue
        try:
            pid = os.fork()
        except OSError:  # no process to be had (a limit, memory): this request's files are refused
            pid = None
        if pid == 0:
            _child(server, *fds)
        for received in fds:
            os.close(received)
        if pid is None:
            server.sendall(b"n")
        else:
            _answer(server, pid)


def _child(server, request_fd, answer_fd):
    """Never returns: the child ends with os._exit whatever happens, running nothing of the server's."""
    try:
        server.close()
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # ffmpeg's exit status is waited for
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        worker.serve(request_fd, answer_fd)
    finally:
        os._exit(0)


def _answer(server, pid):
    """A pidfd of the child, or none if it has already ended (and been reaped) or the kernel has no
    pidfds (before Linux 5.3): the child's own alarm then ends it (worker.serve)."""
    try:
        pidfd = os.pidfd_open(pid)
    except OSError:
        server.sendall(b"y")
        return
    try:
        socket.send_fds(server, [b"y"], [pidfd])
    finally:
        os.close(pidfd)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
