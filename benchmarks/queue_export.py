"""Parts (4) and (5) of `make bench`: the review queue and the export at 100,000 cases.

Requests go over HTTP to the same gunicorn, signed in as a superuser whose session has passed the
second factor (a TOTP device is created and the session marked verified, as django-otp does after a
correct code). Queries per request are counted in this process with Django's test client.
"""

import http.client
import os
import statistics
import subprocess
import sys
import threading
import time

from run import BASE_DIR, WORKERS, say

CASES = int(os.environ.get("BENCH_CASES", "100000"))
QUEUE_REQUESTS = int(os.environ.get("BENCH_QUEUE_REQUESTS", "50"))


def ensure_cases(env, count):
    """At least ``count`` cases in the bench database (make_fake_cases when fewer), then ANALYZE."""
    from django.db import connection

    from forms_app.models import Case

    existing = Case.objects.count()
    if existing < count:
        say(f"making {count - existing} fake cases (make_fake_cases, progress below)")
        started = time.monotonic()
        subprocess.run(
            [
                *(sys.executable, "manage.py", "make_fake_cases", str(count - existing), "--force"),
                f"--processes={os.cpu_count() or 1}",  # one per core (PostgreSQL; SQLite uses one)
            ],
            cwd=BASE_DIR,
            env=env,
            check=True,
            timeout=1200,
        )
        made_in = time.monotonic() - started
    else:
        made_in = None
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return {"cases": Case.objects.count(), "made_in_s": made_in}


def signed_in_session():
    """(cookie header, test client) of a verified superuser session."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user, _created = get_user_model().objects.get_or_create(
        username="bench-manager", defaults={"is_superuser": True, "is_staff": True}
    )
    device = TOTPDevice.objects.filter(user=user).first() or TOTPDevice.objects.create(
        user=user, name="bench", confirmed=True
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    cookie = f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
    return cookie, client


def timed_get(host, path, cookie):
    connection = http.client.HTTPConnection(host, timeout=120)
    started = time.perf_counter()
    connection.request("GET", path, headers={"Cookie": cookie})
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, elapsed, body


def timed_post(host, path, cookie):
    """A POST as the export's confirmation page sends it: with a CSRF cookie and its token (a fresh
    32-character secret, which Django accepts unmasked, stands in for the page's)."""
    import secrets
    import string

    from django.conf import settings

    token = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    headers = {
        "Cookie": f"{cookie}; {settings.CSRF_COOKIE_NAME}={token}",
        "X-CSRFToken": token,
        "Content-Length": "0",
    }
    connection = http.client.HTTPConnection(host, timeout=120)
    started = time.perf_counter()
    connection.request("POST", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    elapsed = (time.perf_counter() - started) * 1000
    connection.close()
    return response.status, elapsed, body


def warm_every_worker(host, path_for, cookie):
    """Requests (not measured) sent a few at a time, so that every worker has served the page before
    the timed ones: sent one after another, they can all reach the same worker, and the other's
    first admin page (templates loaded, ~100 ms once per worker) would be timed."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(WORKERS * 2) as pool:
        list(pool.map(lambda number: timed_get(host, path_for(number), cookie), range(WORKERS * 4)))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def count_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, (path, response.status_code)
    return len(captured.captured_queries)


def storage_per_case():
    """Bytes in the database per case: the case table with its TOAST and indexes, identifiers,
    reported losses, consents, contact preferences, assessments, tags and wording, divided by the
    number of cases."""
    from django.db import connection

    from forms_app.models import Case

    if connection.vendor != "postgresql":
        return None
    tables = [
        "forms_app_case",
        "forms_app_caseidentifier",
        "forms_app_reportedloss",
        "forms_app_caseconsent",
        "forms_app_claimantcontact",
        "forms_app_caseassessment",
        "forms_app_casetag_cases",
        "forms_app_formwording",
    ]
    sizes = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute("SELECT pg_total_relation_size(%s)", [table])
            sizes[table] = cursor.fetchone()[0]
        cursor.execute("SELECT avg(octet_length(sealed_answers)), avg(octet_length(sealed_index)) FROM forms_app_case")
        sealed_answers, sealed_index = cursor.fetchone()
    count = Case.objects.count() or 1
    return {
        "per_case": sum(sizes.values()) / count,
        "case_table_per_case": sizes["forms_app_case"] / count,
        "sealed_answers_avg": float(sealed_answers or 0),
        "sealed_index_avg": float(sealed_index or 0),
        "tables": sizes,
    }


def measure_queue(host, env):
    """Listing, a status filter, a Chinese word, a Chinese phrase, a reference, page 2,500 and a case
    page: p50/p99 over HTTP and queries per request."""
    from django.urls import reverse

    from forms_app.models import Case

    cases = ensure_cases(env, CASES)
    cookie, client = signed_in_session()
    index = reverse("forms_app_review:index")
    references = list(Case.objects.order_by("?").values_list("reference", "pk")[:QUEUE_REQUESTS])
    deep = max(1, min(2500, cases["cases"] // 20))
    kinds = {
        "listing": lambda i: index,
        "status filter (new)": lambda i: f"{index}?status=new",
        "Chinese word (警察)": lambda i: f"{index}?q=%E8%AD%A6%E5%AF%9F",
        "Chinese phrase (微信支付)": lambda i: f"{index}?q=%E5%BE%AE%E4%BF%A1%E6%94%AF%E4%BB%98",
        "reference (first 7 characters)": lambda i: f"{index}?q={references[i % len(references)][0][:7]}",
        f"deep page ({deep})": lambda i: f"{index}?p={deep}",
        "case page": lambda i: reverse("forms_app_review:detail", args=[references[i % len(references)][1]]),
    }
    results = {}
    for label, path_for in kinds.items():
        say(f"queue at {cases['cases']} cases: {label}")
        warm_every_worker(host, path_for, cookie)
        timings, statuses = [], set()
        for number in range(QUEUE_REQUESTS):
            status, elapsed, _body = timed_get(host, path_for(number), cookie)
            statuses.add(status)
            timings.append(elapsed)
        results[label] = {
            "p50_ms": statistics.median(timings),
            "p99_ms": percentile(timings, 0.99),
            "statuses": sorted(statuses),
            "queries": count_queries(client, path_for(0)),
        }
    per_page = {size: count_queries(client, f"{index}?per_page={size}") for size in (20, 100)}
    return {
        "cases": cases,
        "requests": QUEUE_REQUESTS,
        "kinds": results,
        "queries_by_page_size": per_page,
        "storage": storage_per_case(),
    }


def worker_pids(master_pid):
    try:
        with open(f"/proc/{master_pid}/task/{master_pid}/children") as children:
            return [int(pid) for pid in children.read().split()]
    except OSError:
        return []


def process_tree(pid):
    """``pid`` and its descendants (an export's helper processes are a worker's children)."""
    found, waiting = [], [pid]
    while waiting:
        current = waiting.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as children:
                waiting.extend(int(child) for child in children.read().split())
        except OSError:
            pass
    return found


def rollup_kib(pid, *fields):
    """The sum of ``fields`` of /proc/PID/smaps_rollup, in KiB (0 for a process that is gone)."""
    total = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                name, _, rest = line.partition(":")
                if name in fields:
                    total += int(rest.split()[0])
    except OSError:
        return 0
    return total


def tree_memory_kib(pid):
    """A worker's resident memory plus the memory its forked export processes hold to themselves
    (their private pages: what they allocated or copied; the pages still shared with the worker
    are counted once, in the worker's)."""
    worker, *helpers = process_tree(pid)
    return rollup_kib(worker, "Rss") + sum(rollup_kib(helper, "Private_Clean", "Private_Dirty") for helper in helpers)


def measure_export(host, master_pid):
    """Wall time of downloading all cases as CSV and XLSX, bytes, whether the last row says the
    file is complete, and the largest growth of the memory of any worker with the processes it
    forked for the export (tree_memory_kib) while it ran."""
    from django.urls import reverse

    cookie, _client = signed_in_session()
    results = {}
    for export_format in ("csv", "xlsx"):
        say(f"export of every case as {export_format.upper()}")
        pids = worker_pids(master_pid)
        before = {pid: tree_memory_kib(pid) for pid in pids}
        peak = dict(before)
        done = threading.Event()

        def sample(pids=pids, peak=peak, done=done):
            while not done.is_set():
                for pid in pids:
                    peak[pid] = max(peak[pid], tree_memory_kib(pid))
                time.sleep(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        # The download is a POST since the confirmation step (issue 12).
        status, elapsed, body = timed_post(host, reverse(f"forms_app_review:export_{export_format}"), cookie)
        done.set()
        sampler.join()
        if export_format == "csv":
            last = body.rstrip(b"\r\n").rsplit(b"\n", 1)[-1].decode()
        else:
            import io
            import zipfile

            sheet = zipfile.ZipFile(io.BytesIO(body)).read("xl/worksheets/sheet1.xml")
            import re

            # The text of the first cell of the last row (<t> with or without xml:space).
            found = re.search(rb"<t(?: [^>]*)?>([^<]*)</t>", sheet.rsplit(b"<row ", 1)[-1])
            last = found.group(1).decode() if found else ""
        results[export_format] = {
            "status": status,
            "seconds": elapsed / 1000,
            "bytes": len(body),
            "last_row": last.strip().strip('"'),
            "memory_growth_mib": max((peak[pid] - before[pid]) for pid in pids) / 1024 if pids else None,
        }
    return results


BUDGETS_MS = (50, 150)
CASE_PAGE_P50_MS = 100


def queue_lines(queue):
    lines = [
        f"(4) review queue at {queue['cases']['cases']:,} cases ({queue['requests']} timed requests each, signed in):",
        f"    | {'request':<34} | {'p50 ms':>7} | {'p99 ms':>7} | {'queries':>7} |",
    ]
    for label, r in queue["kinds"].items():
        lines.append(f"    | {label:<34} | {r['p50_ms']:>7.1f} | {r['p99_ms']:>7.1f} | {r['queries']:>7} |")
    sizes = queue["queries_by_page_size"]
    lines.append(f"    queries per listing: {sizes[20]} at 20 rows, {sizes[100]} at 100 rows")
    storage = queue["storage"]
    if storage:
        lines.append(
            f"    storage: {storage['per_case'] / 1024:.1f} kB per case in the database (case table with indexes "
            f"{storage['case_table_per_case'] / 1024:.1f} kB; sealed answers {storage['sealed_answers_avg']:.0f} B, "
            f"sealed index {storage['sealed_index_avg']:.0f} B)"
        )
    if queue["cases"]["made_in_s"]:
        lines.append(f"    make_fake_cases took {queue['cases']['made_in_s']:.0f} s")
    return lines


def export_lines(export):
    lines = []
    for export_format, r in export.items():
        growth = "n/a" if r["memory_growth_mib"] is None else f"{r['memory_growth_mib']:.1f} MiB"
        lines.append(
            f"(5) export {export_format.upper()}: {r['seconds']:.1f} s, {r['bytes'] / 2**20:.1f} MiB, "
            f"memory growth (worker and its export processes) {growth}, last row: {r['last_row']!r}"
        )
    return lines


def queue_budgets(queue, export):
    checks = []
    if queue:
        kinds = queue["kinds"]
        listing = [label for label in kinds if label != "case page"]
        checks.append(
            (
                f"queue p50 <= {BUDGETS_MS[0]} ms, p99 <= {BUDGETS_MS[1]} ms (listing, filter, searches, deep page)",
                all(kinds[k]["p50_ms"] <= BUDGETS_MS[0] and kinds[k]["p99_ms"] <= BUDGETS_MS[1] for k in listing),
            )
        )
        checks.append((f"case page p50 <= {CASE_PAGE_P50_MS} ms", kinds["case page"]["p50_ms"] <= CASE_PAGE_P50_MS))
        sizes = queue["queries_by_page_size"]
        checks.append(("queries per listing constant in page size", sizes[20] == sizes[100]))
        if queue["storage"]:
            checks.append(("<= 8 kB per text-only case incl. indexes", queue["storage"]["per_case"] <= 8 * 1024))
    if export:
        for export_format, r in export.items():
            checks.append((f"export {export_format.upper()} <= 15 s", r["seconds"] <= 15))
            checks.append(
                (
                    f"export {export_format.upper()} memory growth <= 50 MiB",
                    r["memory_growth_mib"] is not None and r["memory_growth_mib"] <= 50,
                )
            )
            checks.append(
                (f"export {export_format.upper()} ends with its complete row", r["last_row"].startswith("complete:"))
            )
    return checks
