"""A real server for the browser journeys: a seeded SQLite site in a temporary folder.

Not pytest-django's live_server: that needs transactional_db, which empties the test database
after each test and would remove the demo site that the ``demo_site`` fixture seeds once.
Here the server is a separate process with its own database, so nothing is shared with the other
tests. Its state is checked through the UI or through `manage.py shell` in the same environment.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
SETTINGS = "tests.browser.server_settings"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LiveServer:
    """`manage.py runserver --noreload` on a free port, with its own VAR_DIR and SQLite database."""

    def __init__(self, var_dir: Path):
        self.var_dir = var_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        self.env |= {
            "DJANGO_SETTINGS_MODULE": SETTINGS,
            "VAR_DIR": str(var_dir),
            "PYTHONUNBUFFERED": "1",
        }
        self.process = None
        self.log_path = var_dir / "server.log"

    def manage(self, *args, stdin=None):
        """Run a management command against the server's database; return its standard output."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
        return result.stdout

    def shell(self, code):
        """Run Python in `manage.py shell` against the server's database; return what it prints."""
        return self.manage("shell", "--no-imports", "-c", code)

    def case(self, reference):
        """What the database holds for a case (decrypted with the server's keys), as a dict."""
        code = (
            "import json\n"
            "from forms_app.models import Case\n"
            f"case = Case.objects.get(reference={reference!r})\n"
            "print(json.dumps({'case_type': case.case_type, 'language': case.language, 'status': case.status,"
            " 'answers': case.answers, 'evidence': sorted(e.display_name for e in case.evidence.all())}))\n"
        )
        return json.loads(self.shell(code))

    def file_cases(self, *forms):
        """File cases the quick way, for journeys that begin where a claimant's ends: Django's test
        client posts complete answers (tests/intake/builders.py) to the forms given as
        (case_type, language) pairs, in the server's environment. Returns their references."""
        code = (
            "import json\n"
            "from django.test import Client\n"
            "from forms_app.models import Case, IntakeFormPage\n"
            "from tests.intake.builders import complete_answers\n"
            "references = []\n"
            f"for case_type, language in {list(forms)!r}:\n"
            "    page = IntakeFormPage.objects.live().get(case_type=case_type, locale__language_code=language)\n"
            "    response = Client().post(page.url, complete_answers(page))\n"
            "    assert response.status_code == 302, response.status_code\n"
            "    references.append(Case.objects.latest('pk').reference)\n"
            "print(json.dumps(references))\n"
        )
        return json.loads(self.shell(code))

    def prepare(self, then=""):
        """Migrate and seed the demo site, then run the Python in `then`, all in one process."""
        self.var_dir.mkdir(parents=True, exist_ok=True)
        self.shell(
            "from django.core.management import call_command\n"
            "call_command('migrate', interactive=False, verbosity=0)\n"
            "call_command('seed_demo', verbosity=0)\n" + then
        )

    def start(self):
        log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{self.port}"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The test server stopped:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/en/", timeout=5) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"The test server did not answer within 60 s:\n{self.log()}")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
