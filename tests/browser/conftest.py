"""Browser tests: a real `dateline serve` over a small store, driven through Debian's Chromium.

Without Chromium (or the playwright package) the tests skip and say why; under
CI (CI=true) a missing browser is a failure instead, so CI never passes by
running nothing.  The server is the project's own command on a free loopback
port; the store is filled through the API's ingest route.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles.jsonl"
SCREENSHOTS = HERE / "screenshots"
TOKEN = "browser-test-token"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-background-networking"]
STARTUP_SECONDS = 120
VIEWPORT = {"width": 1366, "height": 860}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def unavailable(reason: str) -> None:
    """Skip on a developer's machine; fail under CI, where the install step must have provided it."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: the browser tests must run; see scripts/install_browser.sh)",
                    pytrace=False)
    pytest.skip(reason)


def chromium_path() -> str | None:
    candidates = [os.environ.get("DATELINE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                  shutil.which("chromium-browser")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def request(url: str, body: object | None = None, token: str | None = None, timeout: float = 60) -> object:
    data = None if body is None else json.dumps(body).encode("utf-8")
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    req = urllib.request.Request(url, data=data, headers=headers, method="POST" if data else "GET")
    with urllib.request.urlopen(req, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


class Server:
    def __init__(self, base: str, process: subprocess.Popen[bytes], log: Path):
        self.base = base
        self.process = process
        self.log = log

    def url(self, path: str = "/") -> str:
        return self.base + path


def wait_until_up(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"dateline serve exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            request(base + "/api/health", timeout=2)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            time.sleep(0.25)
    raise RuntimeError(f"dateline serve did not answer within {STARTUP_SECONDS} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def chromium() -> str:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        unavailable("the playwright package is not installed (pip install -e '.[dev]')")
    path = chromium_path()
    if path is None:
        unavailable("Chromium is not installed at /usr/bin/chromium (bash scripts/install_browser.sh, "
                    "or set DATELINE_CHROMIUM)")
    return path


@contextlib.contextmanager
def running_server(workdir: Path, *extra: str) -> Iterator[Server]:
    """`dateline serve` on a free port over a store in ``workdir``, stopped on exit."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = workdir / "server.log"
    env = {**os.environ, "DATELINE_API_TOKEN": TOKEN}
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "dateline.cli.main", "serve", "--db", str(workdir / "corpus.db"),
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", *extra],
            stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        wait_until_up(base, process, log)
        yield Server(base, process, log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`dateline serve` over a fresh store holding the test articles."""
    with running_server(tmp_path_factory.mktemp("browser-store")) as running:
        articles = [json.loads(line) for line in ARTICLES.read_text(encoding="utf-8").splitlines() if line.strip()]
        report = request(running.url("/api/articles"), articles, token=TOKEN, timeout=120)
        assert isinstance(report, dict) and report.get("added") == len(articles), report
        yield running


@pytest.fixture(scope="session")
def locked_server(chromium: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`dateline serve --token-reads` over an empty store: every route asks for the token."""
    with running_server(tmp_path_factory.mktemp("locked-store"), "--token-reads") as running:
        yield running


@pytest.fixture(scope="module")
def browser(chromium: str):
    """Chromium for one test module: Playwright's event loop must be gone before other tests run."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextlib.contextmanager
def fresh_page(browser, server: Server, console_errors: bool = True) -> Iterator[Any]:
    """A tab in its own context (nothing kept from other tests) that collects script errors.

    ``page.js_errors`` lists them (and, with ``console_errors``, what the console logs as
    errors, such as failed requests); ``page.open(route)`` goes to ``route`` on ``server``.
    """
    context = browser.new_context(viewport=VIEWPORT, reduced_motion="reduce")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if console_errors:
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.js_errors = errors
    page.open = lambda route: page.goto(server.url("/") + route)
    try:
        yield page
    finally:
        context.close()


@pytest.fixture()
def page(browser, server):
    with fresh_page(browser, server) as page:
        yield page


@pytest.fixture()
def locked_page(browser, locked_server):
    """A tab on the --token-reads server, holding no token yet (its refused requests are expected)."""
    with fresh_page(browser, locked_server, console_errors=False) as page:
        page.token = TOKEN
        yield page


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS


@pytest.fixture()
def shoot(page, screenshot_dir):
    """Save a screenshot of the page under tests/browser/screenshots/NAME.png."""

    def take(name: str, full_page: bool = False) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take
