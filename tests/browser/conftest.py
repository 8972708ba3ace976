"""Fixtures for the browser journeys: one seeded server and one Chromium for the package.

Every test here drives Debian's Chromium (`apt-get install chromium fonts-noto-cjk`) through
Playwright against a real server process (see server.py). Without Chromium they are skipped and
the rest of the suite still runs. Screenshots of every step go to screenshots/<test name>/.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

# Helper modules' assertions explain themselves like the tests' own.
pytest.register_assert_rewrite(
    "tests.browser.accessibility", "tests.browser.claimant", "tests.browser.server", "tests.browser.staff"
)

from .accessibility import assert_accessible  # noqa: E402
from .server import BASE_DIR, LiveServer  # noqa: E402
from .staff import CREATE_STAFF  # noqa: E402

HERE = Path(__file__).resolve().parent
SCREENSHOTS = BASE_DIR / "screenshots"
CHROMIUM = shutil.which("chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NO_CHROMIUM = (
    "Chromium is not installed, so the browser journeys are skipped. Install Debian's browser and CJK "
    "fonts with `sudo apt-get install chromium fonts-noto-cjk` (CI's .ci/run does this)."
)


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is a browser test, skipped when there is no Chromium."""
    for item in items:
        if HERE not in Path(item.path).parents:
            continue
        item.add_marker(pytest.mark.browser)
        if CHROMIUM is None:
            item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.fixture(scope="package")
def site_server(tmp_path_factory):
    """The demo site, seeded in its own SQLite database, served on a free port of 127.0.0.1.

    The database and private files live in memory (/dev/shm) where there is one: migrating
    SQLite on a disk spends most of its time waiting for fsync.
    """
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        var_dir = Path(tempfile.mkdtemp(prefix="browser-var-", dir=shm))
    else:
        var_dir = tmp_path_factory.mktemp("browser-var")
    server = LiveServer(var_dir)
    shutil.rmtree(SCREENSHOTS, ignore_errors=True)  # only this run's pictures
    try:
        server.prepare(then=CREATE_STAFF)
        server.start()
        yield server
    finally:
        server.stop()
        log = server.log()
        shutil.rmtree(var_dir, ignore_errors=True)
        SCREENSHOTS.mkdir(exist_ok=True)
        (SCREENSHOTS / "server.log").write_text(log)  # for whoever looks at a failed run


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for the whole package (each test gets fresh contexts)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Journey:
    """Browser contexts for one test, recording every request, console error and screenshot."""

    def __init__(self, browser, server, folder):
        self.browser = browser
        self.server = server
        self.folder = folder
        self.origin = server.url
        self.requests = []
        self.problems = []
        self.contexts = []
        self.pages_without_scripts = []
        self.admin_inline_scripts_blocked = 0
        self.steps = 0

    def new_page(self, **options):
        """A page in a new context (options as for Browser.new_context), every request recorded."""
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = self.browser.new_context(**options)
        context.set_default_timeout(15_000)
        context.on("request", lambda request: self.requests.append(request.url))
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))
        self.contexts.append(context)
        page = context.new_page()
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", self._console)
        page.on("response", self._response)
        if options.get("java_script_enabled") is False:
            self.pages_without_scripts.append(page)
        return page

    def assert_accessible(self, page):
        """axe finds nothing serious or critical on the page as it is now.

        axe needs scripts, and a page opened with JavaScript off never runs them. Such a page is
        checked as a copy: its HTML as rendered (no scripts), written into a page of the same
        site and language that may run axe.
        """
        if page not in self.pages_without_scripts:
            assert_accessible(page)
            return
        html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.DOTALL)
        # Chromium's serialisation can leave empty style="" attributes on form controls it has
        # touched; under the CSP each one would be a (harmless) violation in the twin.
        html = re.sub(r'\sstyle=""', "", html)
        language = page.locator("html").get_attribute("lang")
        twin = self.new_page(viewport=page.viewport_size)
        twin.goto(self.url(f"/{language}/"))
        twin.set_content(html)
        assert_accessible(twin)

    def _console(self, message):
        if message.type != "error":
            return
        url = message.location.get("url", "")
        # Chromium asks every site for /favicon.ico; the site has none, which is no fault of a page.
        if url.endswith("/favicon.ico"):
            return
        # Known: the admin's Content-Security-Policy blocks Wagtail's own inline scripts (the
        # InlinePanel of questions, date pickers). Recorded apart; see test_editor_journey.py.
        page_url = message.page.url if message.page else url
        if "Executing inline script violates" in message.text and urlsplit(page_url).path.startswith("/admin/"):
            self.admin_inline_scripts_blocked += 1
            return
        self.problems.append(f"console error: {message.text} ({url})")

    def _response(self, response):
        if response.status >= 500 and response.url.startswith(self.origin):
            self.problems.append(f"HTTP {response.status} from {response.url}")

    def url(self, path):
        return self.origin + path

    def shot(self, page, name):
        """Save a full-page screenshot of this step for people to look at."""
        self.steps += 1
        slug = re.sub(r"[^\w.-]+", "-", name).strip("-")
        page.screenshot(path=self.folder / f"{self.steps:02d}-{slug}.png", full_page=True)

    def foreign_requests(self):
        allowed = ("data:", "blob:")
        return sorted(
            {
                url
                for url in self.requests
                if not url.startswith(allowed) and "{0.scheme}://{0.netloc}".format(urlsplit(url)) != self.origin
            }
        )

    def assert_only_this_origin(self):
        """The browser asked no one but the test server for anything (data: and blob: allowed)."""
        assert self.requests, "no request was recorded"
        assert self.foreign_requests() == [], "requests to other origins"

    def assert_no_problems(self):
        """No server error, no script error, no console error (CSP violations are console errors)."""
        assert self.problems == []

    def close(self):
        for context in self.contexts:
            context.close()


@pytest.fixture
def journey(request, browser, site_server):
    folder = SCREENSHOTS / re.sub(r"[^\w.-]+", "-", request.node.name).strip("-")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    journey = Journey(browser, site_server, folder)
    yield journey
    journey.close()
    # Every journey, whatever it asserted itself, contacted only the test server.
    assert journey.foreign_requests() == [], "requests to other origins"
