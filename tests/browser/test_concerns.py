"""A member of the public raises an anonymous concern and keeps the receipt; an officer
triages it into a breach case and asks a question; the reporter answers with the code.

BR-1, BR-2, checked by axe (WCAG 2.2 AA) on every page visited, error states included.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import assert_accessible, assert_accessible_without_js, watched_page

pytestmark = pytest.mark.browser

CODE = re.compile(r"[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}")


@pytest.fixture
def thirteen(transactional_db: None) -> dict[str, Any]:
    """An organisation under the thirteen code (it has the anonymous route), its officer
    and the member the concern turns out to be about."""
    from tests.factory import PASSWORD, Factory

    factory = Factory()
    organisation = factory.organisation(slug="thirteen", name="Thirteen Homes")
    factory.code_in_force("thirteen", organisation)
    factory.panel_member(factory.group(organisation), full_name="Val Vice")
    officer = factory.officer(organisation)
    return {"email": officer.email, "password": PASSWORD}


Check = Callable[[Page], None]
PHONE = {"viewport": {"width": 375, "height": 667}, "is_mobile": True, "has_touch": True}


def raise_anonymously(page: Page, base_url: str, check: Check = assert_accessible) -> str:
    page.goto(f"{base_url}/concerns/thirteen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Raise a concern")
    check(page)
    page.get_by_role("button", name="Send your concern").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter what happened")
    check(page)

    page.get_by_label("A member's conduct").check()
    page.get_by_label("What happened?").fill("The vice chair shouted at a tenant in the meeting.")
    day = dt.date(2026, 11, 12)
    page.locator("#id_happened_on_day").fill(str(day.day))
    page.locator("#id_happened_on_month").fill(str(day.month))
    page.locator("#id_happened_on_year").fill(str(day.year))
    page.get_by_label("At a meeting").check()
    page.get_by_label("Who is it about? (optional)").fill("The vice chair")
    page.get_by_label("A customer").check()
    page.locator("input[name=anonymous][value=yes]").check()
    page.locator("input[name=consents_to_identity][value=no]").check()
    page.get_by_role("button", name="Send your concern").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Concern sent")
    check(page)
    match = CODE.search(page.locator(".govuk-panel__body").inner_text())
    assert match is not None, "the receipt code is on the confirmation"
    assert match.group() not in page.url
    return match.group()


def sign_in(page: Page, address: str, person: dict[str, Any]) -> None:
    page.goto(address)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    page.get_by_label("Email").fill(person["email"])
    page.get_by_label("Password").fill(person["password"])
    page.get_by_role("button", name="Sign in").click()


def triage_and_ask(page: Page, base_url: str, officer: dict[str, Any]) -> None:
    sign_in(page, f"{base_url}/organisations/thirteen/concerns/", officer)
    expect(page.get_by_role("heading", level=1)).to_have_text("Concerns")
    assert_accessible(page)
    page.locator("table a").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Concern received")
    assert_accessible(page)

    page.get_by_role("button", name="Open a breach case").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Open a breach case")
    assert_accessible(page)
    page.get_by_role("button", name="Open the case").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Choose the member")
    assert_accessible(page)
    page.get_by_label("Which member is it about?").select_option(label="Val Vice")
    page.locator("input[name=clauses]").first.check()
    page.get_by_role("button", name="Open the case").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Breach case opened")
    assert_accessible(page)

    page.get_by_label("Your message").fill("Which meeting was it, and who else was there?")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("Message sent")
    assert_accessible(page)


def answer_with_the_code(
    page: Page,
    base_url: str,
    code: str,
    check: Check = assert_accessible,
    question: str = "Which meeting was it",
    status: str = "Being looked at",
) -> None:
    page.goto(f"{base_url}/concerns/thirteen/follow-up/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Follow up a concern")
    check(page)
    page.get_by_label("Receipt code").fill("7KQ2-M9XD-4TPB-HC3R")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Check your receipt code")
    check(page)

    page.get_by_label("Receipt code").fill(code.lower())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your concern")
    expect(page.locator("main")).to_contain_text(status)
    expect(page.locator("main")).to_contain_text("last time it is shown")
    expect(page.locator("main")).to_contain_text(question)
    assert code not in page.url
    check(page)

    page.get_by_label("Your message").fill("The panel meeting on 12 November; four others.")
    page.get_by_role("button", name="Send message").click()
    expect(page.locator("main")).to_contain_text("four others")
    expect(page.locator("main")).not_to_contain_text("last time it is shown")
    check(page)


def test_an_anonymous_concern_is_triaged_questioned_and_answered_with_the_receipt_code(
    browser: Browser, live_server: object, thirteen: dict[str, Any]
) -> None:
    base_url = str(live_server)
    with watched_page(browser) as reporter:
        code = raise_anonymously(reporter, base_url)
    with watched_page(browser) as officer:
        triage_and_ask(officer, base_url, thirteen)
        # The reporter comes back later, on another device, with only the code.
        with watched_page(browser) as later:
            answer_with_the_code(later, base_url, code)
        officer.reload()
        expect(officer.locator("main")).to_contain_text("four others")
        assert_accessible(officer)


def test_a_reporter_on_a_phone_without_javascript_raises_and_follows_up(
    browser: Browser, live_server: object, thirteen: dict[str, Any]
) -> None:
    """Every step of the reporter's journey works with JavaScript off (DESIGN.md)."""
    from panelkeeper.accounts.models import User
    from panelkeeper.concerns.handling import reply_to_concern
    from panelkeeper.concerns.models import Concern

    base_url = str(live_server)
    with watched_page(browser, java_script_enabled=False, **PHONE) as page:
        code = raise_anonymously(page, base_url, assert_accessible_without_js)
        reply_to_concern(
            concern=Concern.objects.get(),
            officer=User.objects.get(email=thirteen["email"]),
            body="Was anyone else there?",
            today=dt.date(2026, 11, 23),
        )
        answer_with_the_code(
            page, base_url, code, assert_accessible_without_js, "Was anyone else there?", "Received"
        )
