"""The browser tests' own guards catch what they promise to catch."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, Route

from tests.browser.conftest import Watch, assert_accessible, assert_accessible_without_js

pytestmark = pytest.mark.browser

ADDRESS = "http://panelkeeper.test/"
STRICT_CSP = "default-src 'self'; script-src 'self'"


def serve(page: Page, html: str, headers: dict[str, str] | None = None) -> None:
    def fulfil(route: Route) -> None:
        if route.request.url == ADDRESS:
            route.fulfill(status=200, content_type="text/html", body=html, headers=headers)
        else:
            route.abort()

    page.route("**/*", fulfil)
    page.goto(ADDRESS)


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    watch = Watch(context)
    yield context.new_page(), watch
    context.close()


def test_an_inline_script_without_the_nonce_is_reported_as_a_csp_violation(
    watched: tuple[Page, Watch],
) -> None:
    page, watch = watched
    serve(
        page,
        "<!DOCTYPE html><html lang='en'><title>t</title><script>1</script></html>",
        headers={"Content-Security-Policy": STRICT_CSP},
    )
    page.wait_for_timeout(200)
    assert any("CSP violation: script-src" in p for p in watch.problems), watch.problems
    with pytest.raises(AssertionError):
        watch.assert_clean()


def test_a_failed_request_and_a_console_error_are_reported(watched: tuple[Page, Watch]) -> None:
    page, watch = watched
    serve(
        page,
        "<!DOCTYPE html><html lang='en'><title>t</title>"
        "<img src='/missing.png' alt='x'><script>console.error('broken')</script></html>",
    )
    page.wait_for_timeout(200)
    assert any(
        p.startswith("request failed: http://panelkeeper.test/missing.png") for p in watch.problems
    )
    assert any("console error: broken" in p for p in watch.problems)


def test_axe_fails_a_page_with_an_unlabelled_field(browser: Browser) -> None:
    bad = "<!DOCTYPE html><html lang='en'><title>t</title><main><input type='text'></main></html>"
    for javascript in (True, False):
        context = browser.new_context(java_script_enabled=javascript)
        page = context.new_page()
        page.route(
            "**/*", lambda route: route.fulfill(status=200, content_type="text/html", body=bad)
        )
        page.goto(ADDRESS)
        check = assert_accessible if javascript else assert_accessible_without_js
        with pytest.raises(AssertionError, match="label"):
            check(page)
        context.close()
