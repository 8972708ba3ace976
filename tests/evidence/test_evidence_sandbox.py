"""Hostile files are parsed in a limited child process; bombs and floods are refused, never a 500."""

import io
import os
import signal
import socket
import struct
import subprocess
import sys
import time
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forms_app.evidence import EvidenceRejected, process_uploads, sandbox, worker
from forms_app.evidence.worker import leave_network
from forms_app.models import Case, IntakeFormPage
from tests.intake.builders import complete_answers

pytestmark = pytest.mark.usefixtures("demo_site")


def png(width, height, rows, bit_depth=8, colour_type=0):
    """A PNG with the given header and raw (filtered) scanlines, compressed as tightly as zlib can."""

    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, bit_depth, colour_type, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


def bomb_png():
    """50,000 x 50,000 pixels (2.5 gigapixels) declared by a file of a few hundred bytes."""
    return png(50_000, 50_000, b"\x00" * 10_000)


def dense_png():
    """6000 x 6000 black-and-white pixels, under the per-image limit, squeezed into ~5 KB."""
    return png(6000, 6000, (b"\x00" + b"\x00" * 750) * 6000, bit_depth=1)


def photo_png(size=(1500, 1500)):
    buffer = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(buffer, "PNG", compress_level=1)
    return buffer.getvalue()


def form_page(language):
    return IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code=language)


def post_files(client, language, files):
    page = form_page(language)
    return client.post(page.url, complete_answers(page, files=files))


def refusal(files):
    with pytest.raises(EvidenceRejected) as caught:
        process_uploads(files)
    return caught.value


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "too large an image"), ("zh-hans", "图片太大"), ("zh-hant", "圖片太大")],
)
def test_decompression_bomb_png_is_refused_in_the_claimants_language(client, language, expected):
    """A PNG declaring billions of pixels in a tiny file is refused before decoding; no case is filed."""
    response = post_files(client, language, [SimpleUploadedFile("flood.png", bomb_png(), "image/png")])

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not Case.objects.exists()


def test_compression_ratio_cap_refuses_an_image_under_the_pixel_limit():
    """36 megapixels in ~5 KB is over EVIDENCE_MAX_PIXELS_PER_BYTE although under the per-image limit."""
    data = dense_png()
    assert 6000 * 6000 / len(data) > 1000

    assert refusal([SimpleUploadedFile("dense.png", data)]).code == "image_too_large"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Together your images are too large"), ("zh-hans", "您的图片合计太大"), ("zh-hant", "您的圖片合計太大")],
)
def test_many_large_images_over_the_request_pixel_budget_are_refused(client, settings, language, expected):
    """Ten images each under the per-image limit but together over EVIDENCE_MAX_REQUEST_PIXELS are all refused."""
    settings.EVIDENCE_MAX_REQUEST_PIXELS = 20_000_000
    data = photo_png()  # 2.25 megapixels; ten of them are 22.5
    files = [SimpleUploadedFile(f"page-{index}.png", data, "image/png") for index in range(10)]

    response = post_files(client, language, files)

    assert response.status_code == 200
    assert expected in response.content.decode()
    assert not Case.objects.exists()


def test_images_within_the_request_budget_are_processed(settings):
    """The same images under the budget are accepted: the budget counts pixels, not files."""
    settings.EVIDENCE_MAX_REQUEST_PIXELS = 25_000_000
    data = photo_png()

    results = process_uploads([SimpleUploadedFile(f"page-{index}.png", data) for index in range(10)])

    assert [item.kind for item in results] == ["image"] * 10


@pytest.mark.django_db
def test_a_child_that_does_not_answer_in_time_is_killed_and_the_files_refused(client, settings):
    """Past EVIDENCE_SANDBOX_TIMEOUT_SECONDS the request's files are refused with a clear message."""
    settings.EVIDENCE_SANDBOX_TIMEOUT_SECONDS = 0.001

    response = post_files(client, "zh-hans", [SimpleUploadedFile("a.png", photo_png((400, 400)), "image/png")])

    assert response.status_code == 200
    assert "无法被安全处理" in response.content.decode()
    assert not Case.objects.exists()


def test_a_child_out_of_memory_refuses_the_image_not_the_site(settings):
    """An image whose decoding exceeds the child's address-space limit is refused as too large."""
    settings.EVIDENCE_SANDBOX_MEMORY_BYTES = 400 * 1024 * 1024
    settings.EVIDENCE_MAX_IMAGE_PIXELS = 100_000_000
    settings.EVIDENCE_MAX_PIXELS_PER_BYTE = 100_000
    data = png(9000, 9000, (b"\x00" + b"\x00" * 27000) * 9000, colour_type=2)  # 81 Mpx RGB: 243 MB decoded

    error = refusal([SimpleUploadedFile("huge.png", data)])

    assert error.code in ("image_too_large", "processing_failed")


def _network_namespaces_allowed():
    pid = os.fork()
    if pid == 0:
        try:
            os.unshare(os.CLONE_NEWUSER | os.CLONE_NEWNET)
        except OSError:
            os._exit(1)
        os._exit(0)
    return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 0


def running_fork_server():
    """The fork server of this (test) process, started by processing one small image."""
    process_uploads([SimpleUploadedFile("a.png", photo_png((8, 8)))])
    assert sandbox._server is not None and sandbox._server.alive()
    return sandbox._server.process.pid


def test_after_leaving_the_network_a_process_cannot_reach_a_server_on_localhost():
    """leave_network() (the fork server's, inherited by every child): not even 127.0.0.1 answers."""
    if not _network_namespaces_allowed():
        pytest.skip("this kernel does not allow unprivileged network namespaces")
    server = socket.create_server(("127.0.0.1", 0))
    port = server.getsockname()[1]
    pid = os.fork()
    if pid == 0:
        try:
            leave_network()
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
        except OSError:
            os._exit(0)
        os._exit(1)
    status = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    server.close()
    assert status == 0


def test_the_fork_server_and_so_every_child_lives_in_a_network_namespace_of_its_own():
    if not _network_namespaces_allowed():
        pytest.skip("this kernel does not allow unprivileged network namespaces")
    server_pid = running_fork_server()

    assert os.readlink(f"/proc/{server_pid}/ns/net") != os.readlink("/proc/self/ns/net")


def test_a_sandbox_child_sees_none_of_the_web_process_secrets(monkeypatch):
    """A child taken over by a hostile file must not find the master keys, the secret key or the
    database's password in its own environment: its fork server (whose environment every child
    inherits) starts with a short list of harmless variables."""
    monkeypatch.setenv("CASE_MASTER_KEYS", "a-master-key-that-must-stay-in-the-web-process")
    monkeypatch.setattr(sandbox, "_server", None)  # a fork server started with the variable set
    try:
        server_pid = running_fork_server()
        with open(f"/proc/{server_pid}/environ", "rb") as environ:
            names = {entry.split(b"=", 1)[0].decode() for entry in environ.read().split(b"\0") if entry}
    finally:
        sandbox._server.stop()
    assert "PATH" in names
    assert names == set(sandbox.kept_environment(dict.fromkeys(names, "")))
    assert not names & {"CASE_MASTER_KEYS", "CASE_HASH_KEY", "SECRET_KEY", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"}


def test_the_fork_server_imports_nothing_of_django():
    """Neither Django nor the project's settings are in the fork server's memory (nor, so, in a child's)."""
    probe = (
        "import sys, forms_app.evidence.fork_server; "
        "print(sorted(name for name in sys.modules if name.startswith('django')))"
    )
    environment = sandbox.kept_environment(os.environ)

    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=sandbox.PROJECT_ROOT, env=environment, capture_output=True, text=True
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_a_fork_server_that_died_is_replaced_for_the_next_request():
    server_pid = running_fork_server()
    os.kill(server_pid, signal.SIGKILL)
    sandbox._server.process.wait()

    results = process_uploads([SimpleUploadedFile("a.png", photo_png((8, 8)))])

    assert [item.kind for item in results] == ["image"]
    assert sandbox._server.process.pid != server_pid


def test_a_late_child_is_killed_not_left_running(settings):
    """At the deadline the web process kills the child itself (through its pidfd): the fork server
    is left with no child, although decoding this image alone takes the child about 2 seconds."""
    server_pid = running_fork_server()
    slow = photo_png((3000, 3000))
    settings.EVIDENCE_SANDBOX_TIMEOUT_SECONDS = 0.05

    assert refusal([SimpleUploadedFile("slow.png", slow)]).code == "processing_failed"

    deadline = time.monotonic() + 0.5
    while _children(server_pid) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert _children(server_pid) == []


def test_a_child_ends_its_answer_before_it_exits_so_the_request_does_not_wait_for_its_exit():
    """The web process reads the child's answer until end of file; the child closes the pipe as soon
    as it has written, so its exit (tearing down its memory) is not part of the request's time."""
    request_fd = os.memfd_create("test-request")
    worker.write_all(request_fd, worker.encode_request([photo_png((8, 8))], sandbox.current_limits(), 10))
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # a child that answers, then takes its time to end
        try:
            os.close(reader)
            worker.serve(request_fd, writer)
            time.sleep(5)
        finally:
            os._exit(0)
    os.close(writer)
    try:
        answer = sandbox._read_until_closed(reader, time.monotonic() + 4, 1 << 24)
        assert os.waitpid(pid, os.WNOHANG) == (0, 0), "the answer ended only when the child did"
        _error, outcomes, _working = worker.decode(answer, 1)
        assert [outcome.kind for outcome in outcomes] == ["image"]
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(reader)
        os.close(request_fd)


def _children(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as children:
        return children.read().split()


def test_the_fork_server_warms_up_each_common_image_decoder_on_an_image_of_its_own():
    """The warm-up (done once, before the server forks any child) must really decode and rebuild an
    image of each format: a refused one would leave that format's first-use set-up to every child."""
    from forms_app.evidence import fork_server

    outcomes = fork_server.warm_up()
    assert len(outcomes) == len(fork_server.WARM_UP_FORMATS)
    assert [outcome.error for outcome in outcomes] == [""] * len(outcomes)
    assert {outcome.mime for outcome in outcomes} == {"image/jpeg", "image/png", "image/gif", "image/webp"}
