"""Browser tests: Debian's Chromium driven by Playwright against pytest-django's live server.

Every test page is watched: a failed request, a console error, an uncaught script error or
a Content Security Policy violation fails the test. If Chromium is not installed the tests
fail with the command that installs it; they never skip.
"""

from __future__ import annotations

import datetime
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Request

CHROMIUM = "/usr/bin/chromium"
INSTALL_CHROMIUM = "apt-get update && apt-get install -y chromium libharfbuzz-subset0"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# WCAG 2.2 AA, the bar in DESIGN.md; no axe rule is switched off.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]

# The browser reports a CSP violation to the page only; this forwards it to the console,
# where the watcher below hears it. Init scripts are not subject to the page's CSP.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(
    `CSP violation: ${event.effectiveDirective} refused ${event.blockedURI || "inline code"}`
  );
});
"""


@pytest.fixture(scope="session", autouse=True)
def _allow_orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API keeps an asyncio loop running in the test thread, so Django's
    ORM would refuse the factory's queries as if they came from async code. They do not:
    the tests are synchronous. Set here only, for the session once a browser test starts,
    because that loop stays up until the session ends."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}. "
            f"Install it (as root) with: {INSTALL_CHROMIUM}",
            pytrace=False,
        )
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


class Watch:
    """Collects what went wrong on the pages of one browser context."""

    def __init__(self, context: BrowserContext) -> None:
        self.problems: list[str] = []
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on("requestfailed", self._request_failed)
        context.on("console", self._console)
        context.on("weberror", lambda error: self.problems.append(f"script error: {error.error}"))

    def _request_failed(self, request: Request) -> None:
        # ERR_ABORTED is the browser cancelling a fetch itself, e.g. the favicon when a
        # quick form post navigates away first: nothing the server did wrong.
        if request.failure and "net::ERR_ABORTED" in request.failure:
            return
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text} at {message.location}")

    def assert_clean(self) -> None:
        assert self.problems == [], "\n".join(self.problems)


@contextmanager
def watched_page(browser: Browser, **context_options: Any) -> Iterator[Page]:
    """A page in a new context; leaving the block fails if the watch saw any problem."""
    context = browser.new_context(**context_options)
    watch = Watch(context)
    # A page that works answers within seconds; waiting Playwright's default 30 s hides nothing.
    context.set_default_timeout(10_000)
    try:
        yield context.new_page()
        watch.assert_clean()
    finally:
        context.close()


PHONE_WIDTH = 390
PHONE_WITHOUT_JS = {
    "viewport": {"width": PHONE_WIDTH, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "java_script_enabled": False,
}


@pytest.fixture
def phone_390(browser: Browser) -> Iterator[Page]:
    """A 390 px phone with JavaScript switched off."""
    with watched_page(browser, **PHONE_WITHOUT_JS) as page:
        yield page


def fits_the_width(page: Page) -> None:
    """Nothing on the page makes a 390 px phone scroll sideways."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width} px wide"


@pytest.fixture
def page_with_js(browser: Browser) -> Iterator[Page]:
    with watched_page(browser) as page:
        yield page


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, java_script_enabled=False) as page:
        yield page


def assert_accessible(page: Page) -> None:
    """axe finds no WCAG 2.2 AA violation on the page as it stands."""
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]},
    )
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"


def assert_accessible_without_js(page: Page) -> None:
    """axe finds no violation on a page drawn with JavaScript switched off.

    axe needs timers, which never fire where JavaScript is off, so it runs on a copy: the
    page's DOM, scripts removed, served at the same address (so the same stylesheet loads)
    in a second context where axe can run and nothing else does.
    """
    html = re.sub(r"<script\b.*?</script>", "", page.content(), flags=re.DOTALL)
    address = page.url
    browser = page.context.browser
    assert browser is not None
    with watched_page(browser) as copy:
        copy.route(
            lambda url: url == address,
            lambda route: route.fulfill(
                status=200, content_type="text/html; charset=utf-8", body=html
            ),
        )
        copy.goto(address)
        assert_accessible(copy)


@pytest.fixture
def code_in_force(transactional_db: None) -> dict[str, str]:
    """An officer of an organisation whose code (the vela preset) is in force today."""
    from django.utils import timezone

    from panelkeeper.organisations.policies import (
        load_preset_draft,
        missing_role_holders,
        publish_policy_version,
    )
    from panelkeeper.organisations.role_holders import assign_role_holder
    from tests.factory import PASSWORD, Factory

    factory = Factory()
    officer = factory.officer()
    organisation = factory.home
    today: datetime.date = timezone.localdate()
    draft = load_preset_draft(organisation=organisation, preset="vela", actor=officer)
    for title in missing_role_holders(draft):
        assign_role_holder(
            organisation=organisation,
            role_key=title.key,
            user=officer,
            effective_from=today,
            actor=officer,
            today=today,
        )
    publish_policy_version(
        version=draft, approved_on=today, in_force_from=today, actor=officer, today=today
    )
    return {"email": officer.email, "password": PASSWORD, "organisation": organisation.name}
