"""On a 390 px phone with JavaScript off: a member accepts their invitation, chooses an
emailed code instead of a password, and lands on their home. axe checks each page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible_without_js, fits_the_width

pytestmark = pytest.mark.browser


@pytest.fixture
def invitation_link(transactional_db: None) -> str:
    from panelkeeper.members.invitations import invite_member
    from tests.factory import Factory

    factory = Factory()
    member = factory.panel_member(full_name="Pat Kestrel", email="pat@example.org")
    link = invite_member(member=member, actor=factory.officer()).link
    return link.split("/invitations/", 1)[1]


def test_a_member_accepts_on_a_phone_without_javascript_and_chooses_a_code(
    phone_390: Page, live_server: object, invitation_link: str
) -> None:
    phone = phone_390
    phone.goto(f"{live_server}/invitations/{invitation_link}")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Accept your invitation")
    expect(phone.get_by_label("First name")).to_have_value("Pat")
    expect(phone.get_by_label("Last name")).to_have_value("Kestrel")
    fits_the_width(phone)
    assert_accessible_without_js(phone)

    phone.get_by_role("button", name="Accept and sign in").click()
    expect(phone.locator(".govuk-error-summary")).to_contain_text("Select how you want to sign in")
    assert_accessible_without_js(phone)

    phone.get_by_label("Email me a sign-in code each time").check()
    phone.get_by_role("button", name="Accept and sign in").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your home")
    expect(phone.locator(".govuk-notification-banner")).to_contain_text(
        "Next time, sign in with your email address: we will email you a code"
    )
    fits_the_width(phone)
    assert_accessible_without_js(phone)
