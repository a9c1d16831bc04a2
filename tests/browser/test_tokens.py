"""An officer makes an API token, copies it and revokes it, by keyboard, with and without
JavaScript; axe checks every page of the journey."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible, assert_accessible_without_js
from tests.browser.test_journey import sign_in_by_keyboard

pytestmark = pytest.mark.browser


def press(page: Page, name: str, role: str = "link") -> None:
    """Focus the control and press Enter, as a keyboard user would."""
    page.get_by_role(role, name=name).focus()  # type: ignore[arg-type]  # a role by name
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def make_and_revoke(
    page: Page, base_url: str, officer: dict[str, str], check: Callable[[Page], None]
) -> None:
    sign_in_by_keyboard(page, base_url, officer["email"], officer["password"], check)
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Settings", exact=True).focus()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    press(page, "API tokens")
    expect(page.get_by_role("heading", level=1)).to_have_text("API tokens")
    check(page)

    press(page, "Make a token")
    press(page, "Make the token", role="button")
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter a name that says what the token is for")
    check(page)

    page.get_by_label("Name").focus()
    page.keyboard.type("Housing system")
    page.keyboard.press("Tab")  # into the radios, on the one chosen (90 days)
    page.keyboard.press("ArrowUp")  # 30 days
    expect(page.get_by_label("30 days")).to_be_checked()
    press(page, "Make the token", role="button")
    expect(page.get_by_role("heading", level=1)).to_have_text("Your new API token")
    token = page.get_by_label(re.compile("Token “Housing system”")).input_value()
    assert re.fullmatch(r"pk_[0-9a-f]{8}_\S{40,}", token)
    check(page)

    press(page, "Back to API tokens")
    row = page.get_by_role("row", name=re.compile("Housing system"))
    expect(row).to_contain_text("Working")
    assert token not in page.content()
    press(page, "Revoke Housing system")
    expect(page.get_by_role("heading", level=1)).to_have_text("Revoke token “Housing system”?")
    check(page)
    press(page, "Revoke the token", role="button")
    expect(page.get_by_role("row", name=re.compile("Housing system"))).to_contain_text("Revoked")
    check(page)


def test_an_officer_makes_and_revokes_a_token_by_keyboard(
    page_with_js: Page, live_server: object, code_in_force: dict[str, str]
) -> None:
    make_and_revoke(page_with_js, str(live_server), code_in_force, assert_accessible)


def test_the_same_with_javascript_switched_off(
    page_without_js: Page, live_server: object, code_in_force: dict[str, str]
) -> None:
    make_and_revoke(page_without_js, str(live_server), code_in_force, assert_accessible_without_js)
