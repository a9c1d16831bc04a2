"""An officer's journey by keyboard, checked by axe, with and without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, assert_accessible_without_js

pytestmark = pytest.mark.browser

# Enough presses to pass the skip link and the header, few enough to prove the email field
# comes early in the tab order.
MAX_TABS = 8


def tab_to(page: Page, element_id: str) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} was not reached within {MAX_TABS} presses of Tab")


def sign_in_by_keyboard(
    page: Page, base_url: str, email: str, password: str, check: Callable[[Page], None]
) -> None:
    page.goto(f"{base_url}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    check(page)
    tab_to(page, "id_email")
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password"
    page.keyboard.type(password)
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def journey(
    page: Page, base_url: str, officer: dict[str, str], check: Callable[[Page], None]
) -> None:
    """Sign in to Today, read the rulebook, go to the closure days by the menu and send
    their form empty; check each page."""
    sign_in_by_keyboard(page, base_url, officer["email"], officer["password"], check)
    expect(page.locator(".pk-header__organisation")).to_have_text(officer["organisation"])
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    # Signing in lands on Today, the organisation's home for staff.
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    check(page)

    page.get_by_role("link", name="Rulebook").click()
    expect(page).to_have_url(re.compile(r"/rulebook/$"))
    check(page)

    # On to the closure days through the header's menu, no "Back" needed.
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Settings").click()
    expect(menu.get_by_role("link", name="Settings")).to_have_attribute("aria-current", "page")
    page.get_by_role("link", name="View closure days").click()
    page.get_by_role("link", name="Add a closure day").click()
    page.get_by_role("button", name="Add").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("There is a problem")
    date_error = summary.get_by_role("link", name="Enter the date the organisation is closed")
    expect(date_error).to_have_attribute("href", "#id_date_day")
    expect(page.locator("#id_date_error")).to_contain_text("Error: Enter the date")
    check(page)


def test_an_officer_signs_in_by_keyboard_and_reads_the_rulebook_with_javascript(
    page_with_js: Page, live_server: object, code_in_force: dict[str, str]
) -> None:
    journey(page_with_js, str(live_server), code_in_force, assert_accessible)
    # GOV.UK Frontend ran: it marks the body and moves focus to the error summary.
    expect(page_with_js.locator("body")).to_have_class(re.compile("govuk-frontend-supported"))
    expect(page_with_js.locator(".govuk-error-summary")).to_be_focused()


def test_the_same_journey_works_with_javascript_switched_off(
    page_without_js: Page, live_server: object, code_in_force: dict[str, str]
) -> None:
    journey(page_without_js, str(live_server), code_in_force, assert_accessible_without_js)
    expect(page_without_js.locator("body")).not_to_have_class(re.compile("js-enabled"))
