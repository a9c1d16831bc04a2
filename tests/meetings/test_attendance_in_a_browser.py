"""An officer records attendance at a nexus meeting by keyboard only; the third absence in
a row puts a missed-meetings decision on the next agenda (MTG-1, MTG-2); axe finds nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.models import MissedMeetings
from tests.browser.conftest import (  # noqa: F401 (fixtures used by name)
    _allow_orm_beside_playwright,
    assert_accessible,
    browser_type_launch_args,
    page_with_js,
)
from tests.factory import PASSWORD, Factory

pytestmark = pytest.mark.browser

MAX_TABS = 80


def tab_to(page: Page, element_id: str) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == element_id:
            return
    pytest.fail(f"#{element_id} was not reached within {MAX_TABS} presses of Tab")


def tab_to_link(page: Page, text: str) -> None:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        found = page.evaluate(
            "document.activeElement && document.activeElement.tagName === 'A'"
            " ? document.activeElement.textContent.trim() : ''"
        )
        if found.startswith(text):
            return
    pytest.fail(f"No link starting {text!r} within {MAX_TABS} presses of Tab")


@pytest.fixture
def nexus_meetings(transactional_db: None) -> dict[str, object]:
    """Nexus at home; Mo missed the last two meetings; the latest has no register yet."""
    factory = Factory()
    officer = factory.officer()
    factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))
    today = timezone.localdate()
    ann = factory.panel_member(full_name="Ann Attender")
    mo = factory.panel_member(full_name="Mo Missing")
    earlier = [
        factory.meeting(date=today - dt.timedelta(days=days), today=today) for days in (70, 35)
    ]
    for meeting in earlier:
        record_attendance(
            meeting=meeting, member=ann, presence="present", actor=officer, today=today
        )
        record_attendance(meeting=meeting, member=mo, presence="absent", actor=officer, today=today)
    latest = factory.meeting(date=today - dt.timedelta(days=1), today=today)
    upcoming = factory.meeting(date=today + dt.timedelta(days=28), today=today)
    return {
        "email": officer.email,
        "latest": latest.pk,
        "upcoming": upcoming.pk,
        "ann": ann.pk,
        "mo": mo.pk,
    }


def test_an_officer_records_attendance_by_keyboard_and_the_third_absence_goes_on_the_agenda(
    page_with_js: Page,  # noqa: F811
    live_server: object,
    nexus_meetings: dict[str, object],
) -> None:
    page, base, data = page_with_js, f"{live_server}", nexus_meetings
    page.goto(f"{base}/sign-in/")
    tab_to(page, "id_email")
    page.keyboard.type(str(data["email"]))
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()

    page.goto(f"{base}/organisations/home/meetings/{data['latest']}/")
    assert_accessible(page)
    tab_to_link(page, "Record attendance")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Record attendance")
    assert_accessible(page)

    # Sending it empty says what to do, and the page stays accessible in its error state.
    tab_to(page, "id_presence_{}_0".format(data["ann"]))
    page.keyboard.press("Space")
    tab_to(page, "id_presence_{}_0".format(data["mo"]))
    page.keyboard.press("ArrowDown")  # Apologies, with no date: refused
    expect(page.locator("#id_presence_{}_1".format(data["mo"]))).to_be_checked()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".govuk-error-summary")).to_contain_text(
        "Enter the date the apologies were given"
    )
    assert_accessible(page)
    assert not MissedMeetings.objects.exists()

    tab_to(page, "id_presence_{}_1".format(data["mo"]))
    page.keyboard.press("ArrowDown")  # Absent without apologies
    expect(page.locator("#id_presence_{}_2".format(data["mo"]))).to_be_checked()
    expect(page.locator("#id_presence_{}_0".format(data["ann"]))).to_be_checked()
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Attendance recorded")
    assert_accessible(page)

    page.goto(f"{base}/organisations/home/meetings/{data['upcoming']}/")
    expect(page.locator("main")).to_contain_text("Mo Missing has missed 3 meetings in a row")
    assert_accessible(page)
    assert MissedMeetings.objects.get().missed == 3


def test_the_other_meetings_pages_pass_axe_in_their_normal_and_error_states(
    page_with_js: Page,  # noqa: F811
    live_server: object,
    nexus_meetings: dict[str, object],
) -> None:
    page, base, data = page_with_js, f"{live_server}", nexus_meetings
    page.goto(f"{base}/sign-in/")
    page.fill("#id_email", str(data["email"]))
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    org = f"{base}/organisations/home"
    for path in [
        "/meetings/",
        "/actions/",
        "/calendar-feeds/",
        f"/members/{data['mo']}/attendance/",
    ]:
        page.goto(f"{org}{path}")
        assert_accessible(page)
    page.goto(f"{org}/meetings/")
    page.get_by_role("link", name="Attendance at").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Attendance at")
    assert_accessible(page)
    page.goto(f"{org}/meetings/")
    page.get_by_role("link", name="Add a meeting of").first.click()
    page.get_by_role("button", name="Add meeting").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter the date of the meeting")
    assert_accessible(page)
    page.goto(f"{org}/meetings/{data['upcoming']}/")
    page.get_by_role("link", name="Cancel the meeting").click()
    page.get_by_role("button", name="Cancel the meeting").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    assert_accessible(page)


@pytest.fixture
def member_sign_in(transactional_db: None) -> dict[str, object]:
    factory = Factory()
    factory.published_version(preset="nexus", in_force_from=dt.date(2026, 1, 5))
    user = factory.member()
    today = timezone.localdate()
    factory.meeting(date=today + dt.timedelta(days=10), today=today)
    return {"email": user.email, "member": factory.member_record.pk}


def test_a_member_sends_apologies_by_keyboard_from_the_portal_mtg_1(
    page_with_js: Page,  # noqa: F811
    live_server: object,
    member_sign_in: dict[str, object],
) -> None:
    page, base, data = page_with_js, f"{live_server}", member_sign_in
    page.goto(f"{base}/sign-in/")
    tab_to(page, "id_email")
    page.keyboard.type(str(data["email"]))
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    page.goto(f"{base}/portal/members/{data['member']}/meetings/")
    assert_accessible(page)
    tab_to_link(page, "Send apologies")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Send apologies")
    assert_accessible(page)
    tab_to(page, "id_reason")
    page.keyboard.type("A hospital appointment")
    page.keyboard.press("Enter")
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Apologies sent")
    assert_accessible(page)
