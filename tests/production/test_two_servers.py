"""Two gunicorn app servers, one PostgreSQL database, one Redis: they behave as one site.

Another module may have filed cases on the same site first: counts are taken before and after.

Production settings (DEBUG off, real keys, database task queue, JSON logs), plain HTTP on loopback
ports (SECURE_SSL_REDIRECT off, no proxy), the seeded demo forms. Bounded: 200 submissions from
8 client threads, then a short rate-limit phase; well under two minutes on a quiet machine.
"""

import io
import json
import re
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from PIL import Image

from forms_app.intake.stepping import ACTION_FIELD, STEP_FIELD
from home.page_cache import LOCAL_SECONDS

from .services import (
    REDIS_URL,
    ROOT,
    VENV_BIN,
    cache_prefix,
    free_port,
    python,
    require_redis,
    stop,
    wait_for_port,
)

SUBMISSIONS = 200
CLIENTS = 8
RATE_LIMIT = 3
REFERENCE = re.compile(r"WC-[2-9A-Z]{4}-[2-9A-Z]{4}")
FORM_TOKEN = re.compile(r'name="form_token" value="([^"]+)"')

FORM_DATA = """
import json
from forms_app.models import IntakeFormPage
from tests.intake.builders import complete_answers

page = IntakeFormPage.objects.live().get(case_type="persecution", locale__language_code="zh-hans")
data = complete_answers(page, files=[])
evidence = [field.clean_name for field in page.get_form_fields() if field.field_type == "evidence"]
data = {key: value for key, value in data.items() if key not in evidence}
print(json.dumps({"url": page.url, "data": data, "evidence": evidence}))
"""

STORED = """
import json
from pathlib import Path
from django.conf import settings
from django_tasks_db.models import DBTaskResult
from forms_app.models import Case, Evidence
files = [p for p in Path(settings.PRIVATE_STORAGE_ROOT).rglob("*") if p.is_file()]
announced = DBTaskResult.objects.filter(task_path="forms_app.cases.tasks.announce_new_case")
print(json.dumps({
    "references": list(Case.objects.values_list("reference", flat=True)),
    "evidence": Evidence.objects.count(),
    "stored_files": len(files),
    "without_rows": Case.objects.filter(consents__isnull=True).count() + Case.objects.filter(contact=None).count(),
    "announced": sorted(args["args"][0] for args in announced.values_list("args_kwargs", flat=True)),
    "ids": sorted(Case.objects.values_list("pk", flat=True)),
}))
"""

pytestmark = pytest.mark.servers


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (24, 24), (30, 90, 160)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def cluster(production_site):
    """Two gunicorn servers (2 workers each) sharing the production-like site's PostgreSQL database,
    Redis database (under a key prefix of their own) and evidence folder; their URLs, env and logs."""
    require_redis()
    folder = production_site["folder"]
    env = {
        **production_site["env"],
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": cache_prefix(),
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP",
        "INTAKE_RATE_LIMIT": str(RATE_LIMIT),
        # Cheap proof-of-work: the test solves one challenge per submission in Python.
        "INTAKE_POW_COST": "1",
        "GUNICORN_WORKERS": "2",
    }
    servers, logs = [], []
    try:
        for index in range(2):
            port = free_port()
            log = open(folder / f"server{index}.log", "w+")  # noqa: SIM115 - closed below
            logs.append(log)
            process = subprocess.Popen(  # our own gunicorn from the venv
                [str(VENV_BIN / "gunicorn"), "-c", "deploy/gunicorn.conf.py", "cms.wsgi:application"],
                cwd=ROOT,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
            servers.append((process, f"http://127.0.0.1:{port}"))
            wait_for_port(port, process)
        yield {"urls": [url for _process, url in servers], "env": env, "logs": logs}
    finally:
        for process, _url in servers:
            stop(process)
        for log in logs:
            log.close()


class Client:
    """A browser: per server the CSRF cookie and token it got by GETting the form there first, and
    the session cookie from its first filing. The client address (X-Real-IP, as the proxy would set
    it) is chosen per submission."""

    def __init__(self):
        self.jar = {}
        self.tokens = {}

    def token(self, base, form, address):
        if base not in self.tokens:
            headers = {"X-Real-IP": address, "Cookie": self.cookies_header()}
            page = requests.get(base + form["url"] + "?utm_source=chat", headers=headers, timeout=60)
            assert page.status_code == 200, page.status_code
            self.tokens[base] = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            self.cookies(page)
        return self.tokens[base]

    def human_check(self, base, form, address):
        """A fresh single-use form token and a solved challenge, as the widget sends them.

        The token is on the page that sends a case, the stepped form's review page: the first time,
        the client opens a draft and goes to its last page (as "Next" does); from then on every GET
        of the form shows that review page again, each time with a new token."""
        from altcha import Challenge, Payload, solve_challenge

        headers = {"X-Real-IP": address, "Cookie": self.cookies_header()}
        page = requests.get(base + form["url"], headers=headers, timeout=60)
        found = FORM_TOKEN.search(page.text)
        if found is None:
            to_review = {
                STEP_FIELD: "99",
                ACTION_FIELD: "goto:99",
                "csrfmiddlewaretoken": self.token(base, form, address),
            }
            opened = requests.post(
                base + form["url"], data=to_review, headers=headers, allow_redirects=False, timeout=60
            )
            assert opened.status_code == 302, opened.status_code
            headers["Cookie"] = self.cookies(opened)
            page = requests.get(base + form["url"], headers=headers, timeout=60)
            found = FORM_TOKEN.search(page.text)
        form_token = found.group(1)
        challenge = Challenge.from_dict(requests.get(base + "/altcha/challenge/", headers=headers, timeout=60).json())
        return {"form_token": form_token, "altcha": Payload(challenge, solve_challenge(challenge)).to_base64()}

    def cookies(self, response):
        """Secure cookies are not sent back over plain HTTP by HTTP clients: carried by hand."""
        self.jar.update({cookie.name: cookie.value for cookie in response.cookies})
        return self.cookies_header()

    def submit(self, base, other, form, address, with_file=False):
        """POST the form to `base`; on success open the receipt on `other`. (status, reference)."""
        token = self.token(base, form, address)
        files = [(name, ("screen.png", png(), "image/png")) for name in form["evidence"]] if with_file else None
        posted = requests.post(
            base + form["url"],
            data={**form["data"], **self.human_check(base, form, address), "csrfmiddlewaretoken": token},
            files=files,
            headers={"X-Real-IP": address, "Cookie": self.cookies_header()},
            allow_redirects=False,
            timeout=60,
        )
        if posted.status_code != 302:
            return posted.status_code, None
        cookie = self.cookies(posted)
        receipt = requests.get(other + posted.headers["Location"], headers={"Cookie": cookie}, timeout=60)
        assert receipt.status_code == 200, receipt.status_code
        return 302, REFERENCE.search(receipt.text).group(0)

    def cookies_header(self):
        return "; ".join(f"{name}={value}" for name, value in self.jar.items())


def test_two_servers_file_every_case_once_and_share_one_rate_limit(cluster):
    """200 concurrent submissions from 8 clients, alternating between two app servers (each receipt
    read on the other server, through the shared session), all succeed: as many cases in the
    database as 302 answers, each reference unique and the one its claimant was shown, every
    evidence file on the shared storage. Then one client's submissions are counted by both servers
    together: the limit refuses the fourth on whichever server it lands. Neither server's access
    log holds a client address or a query string."""
    base_a, base_b = cluster["urls"]
    form = json.loads(python(cluster["env"], FORM_DATA).splitlines()[-1])
    before = json.loads(python(cluster["env"], STORED).splitlines()[-1])
    before["references"] = set(before["references"])
    lock = threading.Lock()
    results = []
    local = threading.local()

    def one(index):
        # A client per thread; each submission from an address of its own (a claimant of its own).
        if not hasattr(local, "client"):
            local.client = Client()
        base, other = (base_a, base_b) if index % 2 == 0 else (base_b, base_a)
        address = f"10.1.{index // 250}.{index % 250}"
        outcome = local.client.submit(base, other, form, address, with_file=index % 8 == 0)
        with lock:
            results.append(outcome)

    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        list(pool.map(one, range(SUBMISSIONS)))

    statuses = [status for status, _reference in results]
    shown = [reference for _status, reference in results if reference]
    stored = json.loads(python(cluster["env"], STORED).splitlines()[-1])
    assert statuses.count(302) == SUBMISSIONS, sorted(set(statuses))
    new_references = set(stored["references"]) - before["references"]
    assert len(stored["references"]) - len(before["references"]) == statuses.count(302)
    assert len(set(shown)) == len(shown) == SUBMISSIONS
    assert set(shown) == new_references
    # Each case with its rows and its one mail task (written with it in one statement).
    assert stored["without_rows"] == 0
    new_ids = set(stored["ids"]) - set(before["ids"])
    assert sorted(case_id for case_id in stored["announced"] if case_id in new_ids) == sorted(new_ids)
    with_files = len(range(0, SUBMISSIONS, 8)) * len(form["evidence"])
    assert stored["evidence"] - before["evidence"] == with_files
    # working copies, plus originals kept with consent
    assert stored["stored_files"] - before["stored_files"] >= with_files

    # One client, alternating servers: three accepted in all, then refused by both.
    client = Client()
    limited = [client.submit(url, url, form, "192.0.2.200")[0] for url in (base_a, base_b) * 3]
    assert limited == [302, 302, 302, 429, 429, 429]

    for log in cluster["logs"]:
        log.flush()
        log.seek(0)
        text = log.read()
        assert '"path": "/zh-hans/' in text  # the access log is on and we are reading the right lines
        for forbidden in ("10.1.", "192.0.2.200", "utm_source", "127.0.0.1:"):
            assert forbidden not in text


PUBLISH_ABOUT = """
from wagtail.models import Page
page = Page.objects.get(slug="about", locale__language_code="en").specific
page.title = "About this project (edited)"
page.save_revision().publish()
"""


def test_a_publish_reaches_the_page_cache_of_both_servers(cluster):
    """Both servers answer anonymous visitors from the one shared page cache (Redis); a publish
    invalidates it for both: once a worker's own copy is older than LOCAL_SECONDS (a second), the
    next request renders the new page, and the other server then serves that new copy, never its
    old one."""
    path, headers = "/en/about/", {"Host": "localhost"}
    first, second = cluster["urls"]
    seen = [requests.get(base + path, headers=headers, timeout=60) for base in (first, first, second)]
    last_read = time.monotonic()
    assert [response.status_code for response in seen] == [200, 200, 200]
    assert [response.headers.get("X-Page-Cache") for response in seen[1:]] == ["hit", "hit"]
    assert "About this project (edited)" not in seen[2].text
    python(cluster["env"], PUBLISH_ABOUT)
    time.sleep(max(0.0, last_read + LOCAL_SECONDS - time.monotonic()))  # the workers' own copies lapse
    fresh = requests.get(second + path, headers=headers, timeout=60)
    assert fresh.headers.get("X-Page-Cache") == "miss"
    assert "About this project (edited)" in fresh.text
    shared = requests.get(first + path, headers=headers, timeout=60)
    assert shared.headers.get("X-Page-Cache") == "hit"
    assert "About this project (edited)" in shared.text
