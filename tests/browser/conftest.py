"""Headless Debian Chromium driven by Playwright. Outside CI a missing browser skips these
tests with a message; under CI (CI=true) it fails them."""

import os
from pathlib import Path

import pytest

from archive.loading import load_fixtures
from archive.seed.build import FIXTURE

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = f"No Chromium at {CHROMIUM}: `apt-get install chromium` to run the browser tests."
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


# Every page runs under the site's Content-Security-Policy; any violation (an inline script
# or style, a style="" attribute, a script from elsewhere) fails the test that caused it.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def csp_problems(messages: list[str]) -> list[str]:
    return [m for m in messages if "CSP violation" in m or "Content Security Policy" in m]


def watch_csp(context) -> list[str]:
    """The console messages of every page of `context`, with CSP violations reported."""
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    messages = []
    context.on("console", lambda message: messages.append(message.text))
    return messages


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    messages = watch_csp(context)
    page = context.new_page()
    yield page
    context.close()
    problems = csp_problems(messages)
    assert not problems, "Content-Security-Policy violations:\n" + "\n".join(problems)


@pytest.fixture
def seeded_server(live_server, transactional_db):
    load_fixtures([FIXTURE])
    return live_server
