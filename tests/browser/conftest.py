"""Headless Chromium for the browser tests, driven by Playwright's sync API.

We use Debian's /usr/bin/chromium instead of a Playwright-downloaded browser: CI cannot fetch
browser builds, and `.ci/run` installs the Debian package.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Chromium's background services try to reach Google; the CI network refuses them, so switch
# them off (and run as root without the sandbox, without a GPU).
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def chromium():
    """A fresh headless Chromium; a missing browser fails the test instead of skipping it.

    Request this fixture after every fixture that writes to the database: Playwright's sync API
    runs an event loop in this thread, after which Django refuses synchronous ORM calls here.
    """
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium package "
                    "(apt-get install chromium), as .ci/run does.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(chromium):
    """A page in a fresh English-speaking browser context (the UI follows Accept-Language)."""
    context = chromium.new_context(locale="en-GB")
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()
