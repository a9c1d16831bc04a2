"""A member declares a gift on a phone: it waits for the next meeting in vela, not in thirteen.

GIFT-1, GIFT-2, checked by axe (WCAG 2.2 AA) on every page of the journey.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import assert_accessible, watched_page

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def members(transactional_db: None) -> dict[str, dict[str, Any]]:
    """A member with a sign-in in a vela organisation and another in a thirteen one."""
    from tests.factory import PASSWORD, Factory

    factory = Factory()
    found: dict[str, dict[str, Any]] = {}
    for preset in ("vela", "thirteen"):
        organisation = factory.organisation(slug=preset)
        factory.published_version(organisation, preset, in_force_from=dt.date(2026, 2, 2))
        user = factory.user(first_name="Mina", last_name=preset.title())
        record = factory.panel_member(
            factory.group(organisation), full_name=f"Mina {preset}", user=user
        )
        officer = factory.officer(organisation)
        found[preset] = {"email": user.email, "password": PASSWORD, "member": record.pk}
        found[f"{preset}-officer"] = {"email": officer.email, "password": PASSWORD}
    return found


def sign_in(page: Page, address: str, person: dict[str, Any]) -> None:
    page.goto(address)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Email").fill(person["email"])
    page.get_by_label("Password").fill(person["password"])
    page.get_by_role("button", name="Sign in").click()


def declare_a_gift(page: Page, base_url: str, person: dict[str, Any]) -> None:
    sign_in(page, f"{base_url}/my/registers/{person['member']}/", person)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your interests and gifts")
    assert_accessible(page)

    page.get_by_role("link", name="Declare a gift or hospitality").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Declare a gift or hospitality")
    assert_accessible(page)
    # Sent empty first: the error summary lists what to fix, and axe checks that state too.
    page.get_by_role("button", name="Declare gift or hospitality").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the estimated value")
    assert_accessible(page)

    page.get_by_label("A contractor or supplier").check()
    page.get_by_label("Their name or the organisation's name").fill("Brightside Roofing Ltd")
    page.get_by_label("What was it?").fill("Lunch at an open day")
    page.get_by_label("Estimated value").fill("£14.50")
    when = timezone.localdate() - dt.timedelta(days=3)
    # "When was it declared?" is left empty: declared today.
    given = page.get_by_role("group", name="When was it?")
    given.get_by_label("Day").fill(str(when.day))
    given.get_by_label("Month").fill(str(when.month))
    given.get_by_label("Year").fill(str(when.year))
    page.get_by_role("button", name="Declare gift or hospitality").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your interests and gifts")
    card = page.locator(".govuk-summary-card").filter(has_text="Lunch at an open day")
    expect(card).to_contain_text("£14.50")
    assert_accessible(page)


def test_a_gift_declared_on_a_phone_waits_for_the_next_meeting_in_vela_gift_2(
    browser: Browser, live_server: object, members: dict[str, dict[str, Any]]
) -> None:
    with watched_page(browser, **PHONE) as page:
        declare_a_gift(page, str(live_server), members["vela"])
        expect(page.locator("main")).to_contain_text("Waiting for a meeting")
    # The officer finds it in the organisation's register, the giver's name included.
    with watched_page(browser, **PHONE) as page:
        sign_in(page, f"{live_server}/organisations/vela/registers/gifts/", members["vela-officer"])
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Register of gifts and hospitality"
        )
        row = page.get_by_role("row").filter(has_text="Lunch at an open day")
        expect(row).to_contain_text("Brightside Roofing Ltd")
        expect(row).to_contain_text("Waiting for a meeting")
        assert_accessible(page)


def test_a_gift_declared_on_a_phone_is_decided_by_the_team_in_thirteen_gift_2(
    browser: Browser, live_server: object, members: dict[str, dict[str, Any]]
) -> None:
    with watched_page(browser, **PHONE) as page:
        declare_a_gift(page, str(live_server), members["thirteen"])
        main = page.locator("main")
        expect(main).to_contain_text("Waiting for a decision")
        expect(main).not_to_contain_text("Waiting for a meeting")
