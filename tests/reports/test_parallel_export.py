"""An export written by forked processes (forms_app/reports/parallel.py) is the export written by
one process, and the processes never outlive it, whatever stops it."""

import contextlib
import gc
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections, connection, connections
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import ModelLogEntry

from forms_app.models import CaseTag
from forms_app.reports import export, parallel
from tests.builders import copy_case, file_case, staff

from .test_export import download

pytestmark = pytest.mark.django_db


def child_pids():
    """This process's children now (the pytest process may have others: compared before/after)."""
    pid = os.getpid()
    with open(f"/proc/{pid}/task/{pid}/children") as children:
        return {int(child) for child in children.read().split()}


def gone(pids, seconds=10):
    """True once none of ``pids`` is alive any more (reaped, or a zombie of a dead parent)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        alive = set()
        for pid in pids:
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    if stat.read().rsplit(")", 1)[1].split()[0] != "Z":
                        alive.add(pid)
            except FileNotFoundError:
                pass
        if not alive:
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def many_cases(monkeypatch):
    """23 cases in chunks of 4 read from the database and pieces of 3 per process: tagged,
    assigned, investor cases with transactions among them."""
    monkeypatch.setattr(export, "CHUNK_SIZE", 4)
    monkeypatch.setattr(export, "PIECE_SIZE", 3)
    reviewer = staff("rita", "Reviewers", first_name="Rita", last_name="Reviewer")
    cases = [file_case("account_closure", "en"), file_case("investor", "zh-hans")]
    cases += copy_case(cases[0], 10) + copy_case(cases[1], 11)
    strong, translator = CaseTag.objects.create(name="strong"), CaseTag.objects.create(name="需要翻譯")
    for index, case in enumerate(cases):
        if index % 3 == 0:
            strong.cases.add(case)
        if index % 4 == 0:
            translator.cases.add(case)
        if index % 5 == 0:
            case.assigned_to = reviewer
            case.save(update_fields=["assigned_to"])
    return cases


def sheets(body):
    with zipfile.ZipFile(io.BytesIO(body)) as package:
        return {name: package.read(name) for name in package.namelist() if name.startswith("xl/worksheets/")}


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_an_export_written_by_several_processes_is_the_one_written_by_one(
    login, case_manager, many_cases, settings, export_format
):
    """Same rows in the same order, the same cells (tags, assignees, answers, transactions), the
    same complete row, and audit entries listing the same references."""
    client = login(case_manager)
    settings.EXPORT_PROCESSES = 1
    response, alone = download(client, export_format)
    assert response.status_code == 200
    settings.EXPORT_PROCESSES = 2
    response, together = download(client, export_format)
    assert response.status_code == 200

    if export_format == "csv":
        assert together == alone
        assert together.rstrip().endswith(b"complete: 23 cases")
        assert "需要翻譯".encode() in together and b"Rita Reviewer" in together
    else:
        assert sheets(together) == sheets(alone)
        cases_sheet, transactions_sheet = sheets(together).values()
        assert b"complete: 23 cases" in cases_sheet and b'<row r="26">' in cases_sheet
        assert transactions_sheet.count(b"<row ") > 2  # the investor cases' trades
    first, second = ModelLogEntry.objects.filter(action=export.EXPORT_ACTION).order_by("pk")
    assert first.data == second.data
    assert second.data["sent"] == 23 and second.data["complete"] is True
    assert sorted(second.data["references"]) == sorted(case.reference for case in many_cases)


def test_an_export_cut_short_stops_its_processes(case_manager, many_cases, settings):
    """The server closing the stream (a dropped connection, a timeout) ends the processes."""
    settings.EXPORT_PROCESSES = 2
    before = child_pids()
    # The view as a WSGI server calls it (see test_an_export_cut_short_has_no_complete_row...).
    request = RequestFactory().post(reverse("forms_app_review:export_csv"))
    request.user = case_manager
    response = export.export_view(request, "csv")
    stream = iter(response.streaming_content)
    next(stream), next(stream)  # the header, then the first piece: the processes run
    started = child_pids() - before
    assert len(started) == 2
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
    assert gone(started)
    entry = ModelLogEntry.objects.get(action=export.EXPORT_ACTION)
    assert entry.data["complete"] is False and 0 < entry.data["sent"] < 23


def double(number):
    return 2 * number


def refuse_seven(number):
    if number == 7:
        raise ValueError("seven")
    return number


def test_results_come_in_the_order_of_the_items():
    assert list(parallel.ordered_map(double, range(50), processes=3, window=4)) == [2 * n for n in range(50)]


def test_an_export_leaves_the_serving_processs_frozen_start_up_objects_frozen():
    """cms/wsgi.py freezes a worker's start-up objects out of full garbage collections (each would
    otherwise walk ~200,000 objects): an export, which freezes objects around its fork, must not
    thaw them."""
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        assert list(parallel.ordered_map(double, range(10), processes=2)) == [2 * n for n in range(10)]
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


MADE_AFTER_START_UP = []


def collected_in_the_process(_item):
    """Whether the export process's garbage collections walk MADE_AFTER_START_UP (gc.get_objects
    lists what they walk; frozen objects are left out)."""
    return any(found is MADE_AFTER_START_UP for found in gc.get_objects())


def test_what_a_served_process_made_after_start_up_is_frozen_before_its_export_processes_fork():
    """A worker's caches grow after its start-up freeze: left in sight of the export processes'
    collections, every page holding them would be copied into each (the bench saw +25 MiB)."""
    global MADE_AFTER_START_UP
    gc.freeze()  # the start-up objects, as cms/wsgi.py does
    try:
        MADE_AFTER_START_UP = []  # made after the start-up freeze
        assert collected_in_the_process(None)
        assert list(parallel.ordered_map(collected_in_the_process, range(2), processes=2)) == [False, False]
    finally:
        gc.unfreeze()


def test_an_export_from_a_process_that_froze_nothing_leaves_nothing_frozen():
    assert gc.get_freeze_count() == 0
    assert list(parallel.ordered_map(double, range(4), processes=2)) == [2 * n for n in range(4)]
    assert gc.get_freeze_count() == 0


def test_an_error_in_a_process_is_raised_where_the_results_are_read_and_stops_the_others():
    before = child_pids()
    results = parallel.ordered_map(refuse_seven, range(20), processes=2)
    with pytest.raises(ValueError, match="seven"):
        list(results)
    assert gone(child_pids() - before)


def connection_state(_item):
    return connections["default"].connection is None


def test_the_processes_never_use_the_serving_processs_database_connection():
    """A worker that queried would open its own connection: the server's session, which it
    inherited, stays this process's alone (and keeps working after the processes end)."""
    connection.ensure_connection()
    assert list(parallel.ordered_map(connection_state, range(4), processes=2)) == [True] * 4
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert cursor.fetchone() == (1,)


def ignore_term(signum, frame):
    """What a gunicorn worker's SIGTERM handler does: note it, and go on."""


def test_sigterm_ends_the_processes_even_where_the_server_handles_it_itself():
    """SIGTERM (an operator's kill, systemd stopping a service without KillMode=mixed) ends the
    export's processes at once, though the gunicorn worker they were forked from only takes note."""
    previous = signal.signal(signal.SIGTERM, ignore_term)
    before = child_pids()
    try:
        results = parallel.ordered_map(double, range(100), processes=2, window=2)
        assert next(results) == 0
        started = child_pids() - before
        assert len(started) == 2
        for pid in started:
            os.kill(pid, signal.SIGTERM)
        assert gone(started)
        with pytest.raises(BrokenProcessPool):
            list(results)
    finally:
        signal.signal(signal.SIGTERM, previous)


SERVING_PROCESS = """
import os, sys, time
sys.path.insert(0, {root!r})
from forms_app.reports import parallel

def slow(number):
    time.sleep(60)
    return number

results = parallel.ordered_map(slow, range(10), processes=2)
try:
    next(results)
finally:
    print("never")
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_processes_die_with_a_killed_serving_process():
    """A server worker killed mid-export (SIGKILL: no clean-up runs) takes its processes with it:
    none is left holding decrypted answers."""
    root = str(Path(__file__).resolve().parents[2])
    workers = set()
    serving = subprocess.Popen(
        [sys.executable, "-c", SERVING_PROCESS.format(root=root)],
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(workers) < 2:
            time.sleep(0.1)
            with open(f"/proc/{serving.pid}/task/{serving.pid}/children") as children:
                workers = {int(child) for child in children.read().split()}
        assert len(workers) == 2
        serving.kill()
        serving.wait(10)
        assert gone(workers)
    finally:
        serving.kill()
        for pid in workers:  # only if the test failed
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
