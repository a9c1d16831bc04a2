"""A member's day on a 390 px phone with JavaScript off, from their home: they see what to
do next, sign a document (MEM-3), declare a gift (GIFT-1), send apologies and see them as
sent (MTG-1), read a letter on the page and appeal the decision online (BR-12). axe checks
every page it visits."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import assert_accessible_without_js, fits_the_width

pytestmark = pytest.mark.browser


@pytest.fixture
def member(transactional_db: None) -> dict[str, Any]:
    """Sam, a vela member with a sign-in: the Role Profile to sign before a meeting in ten
    days, and a decided case whose outcome letter was emailed to them today."""
    from django.utils import timezone

    from panelkeeper.members.demo_texts import demo_text
    from tests.factory import PASSWORD, Factory

    factory = Factory()
    today = timezone.localdate()
    factory.code_in_force("vela")
    factory.document_version(
        "role_profile",
        title="Role Profile",
        text=demo_text("role_profile", "Role Profile"),
        published_on=today - dt.timedelta(days=30),
    )
    # Issued today, so the appeal window it opens is still open whatever the day the
    # suite runs on (the factory's own letter is dated 23 November 2026).
    letter = factory.letter(today=today)
    record = letter.case.member
    meeting = factory.meeting(record.group)
    user = factory.subject()
    return {
        "email": user.email,
        "password": PASSWORD,
        "member": record.pk,
        "meeting": meeting.date,
        "subject": letter.subject,
    }


def sign_in(page: Page, email: str, password: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def arrived(page: Page, heading: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    fits_the_width(page)
    assert_accessible_without_js(page)


def day(value: dt.date) -> str:
    return f"{value.day} {value:%B %Y}"


def test_a_member_does_what_their_home_asks_on_a_phone(
    phone_390: Page, live_server: object, member: dict[str, Any]
) -> None:
    phone = phone_390
    base = str(live_server)
    phone.goto(f"{base}/")
    sign_in(phone, member["email"], member["password"])
    arrived(phone, "Your home")
    next_step = phone.locator("#what-next")
    expect(next_step).to_contain_text(
        f"Sign the Role Profile before the meeting on {day(member['meeting'])}."
    )

    phone.get_by_role("link", name="Read and sign the Role Profile").click()
    arrived(phone, "Role Profile")
    phone.get_by_label("I have read and understood this document").check()
    accept = phone.get_by_label("I accept what the organisation may do if I breach the code")
    if accept.count():
        accept.check()
    phone.get_by_label("Type your full name to sign").fill("Sam Subject")
    phone.get_by_role("button", name="Sign", exact=True).click()
    arrived(phone, "Your home")
    expect(phone.locator(".govuk-notification-banner")).to_contain_text(
        "You signed the Role Profile"
    )
    expect(next_step).to_contain_text("We are checking the Role Profile you signed")

    phone.get_by_role("link", name="Declare a gift").click()
    arrived(phone, "Declare a gift or hospitality")
    phone.get_by_label("A contractor or supplier").check()
    phone.get_by_label("Their name or the organisation's name").fill("Brightside Roofing Ltd")
    phone.get_by_label("What was it?").fill("Lunch at an open day")
    phone.get_by_label("Estimated value").fill("£14.50")
    given = phone.get_by_role("group", name="When was it?")
    when = dt.date.today() - dt.timedelta(days=2)
    given.get_by_label("Day").fill(str(when.day))
    given.get_by_label("Month").fill(str(when.month))
    given.get_by_label("Year").fill(str(when.year))
    phone.get_by_role("button", name="Declare gift or hospitality").click()
    arrived(phone, "Your interests and gifts")
    expect(phone.get_by_role("heading", name="Lunch at an open day")).to_be_visible()
    phone.get_by_role("link", name="Back to your home").click()
    arrived(phone, "Your home")
    expect(phone.locator("main")).to_contain_text("1 gift or offer of hospitality")

    phone.get_by_role("link", name=re.compile("^Send apologies")).click()
    arrived(
        phone, f"Send apologies for the meeting on {member['meeting']:%A} {day(member['meeting'])}"
    )
    phone.get_by_role("button", name="Send apologies").click()
    expect(phone.locator(".govuk-error-summary")).to_contain_text("Tell us why you cannot come")
    assert_accessible_without_js(phone)
    phone.get_by_label("Why can you not come?").fill("A hospital appointment")
    phone.get_by_role("button", name="Send apologies").click()
    arrived(phone, "Your home")
    expect(phone.locator("main")).to_contain_text("Apologies sent")
    expect(phone.locator("main")).to_contain_text(f"You sent them on {day(dt.date.today())}")
    expect(phone.get_by_role("link", name=re.compile("^Send apologies"))).to_have_count(0)
    phone.get_by_role("link", name=re.compile("^Change your apologies")).click()
    expect(phone.get_by_label("Why can you not come?")).to_have_value("A hospital appointment")
    assert_accessible_without_js(phone)
    phone.get_by_role("link", name="Back to your home").click()

    phone.get_by_role("link", name=member["subject"]).click()
    arrived(phone, member["subject"])
    expect(phone.locator("main article")).to_be_visible()
    expect(phone.get_by_role("link", name="Download this letter as a PDF")).to_be_visible()
    phone.get_by_role("link", name="Back to your letters").click()
    arrived(phone, "Your letters")
    phone.get_by_role("link", name="Back to your home").click()

    expect(phone.locator("main")).to_contain_text("you can appeal to the Group Director")
    phone.get_by_role("link", name="Appeal online").click()
    arrived(phone, "Appeal against the decision")
    phone.get_by_role("button", name="Send your appeal").click()
    expect(phone.locator(".govuk-error-summary")).to_contain_text(
        "Tell us why you think the decision is wrong"
    )
    assert_accessible_without_js(phone)
    phone.get_by_label("Why do you think the decision is wrong?").fill(
        "I was not at the meeting where this happened."
    )
    phone.get_by_role("button", name="Send your appeal").click()
    arrived(phone, "Your case")
    expect(phone.locator(".govuk-notification-banner")).to_contain_text("Your appeal has been sent")
    expect(phone.locator("main")).to_contain_text("We got your appeal on")
    expect(phone.get_by_role("link", name="Appeal online")).to_have_count(0)
