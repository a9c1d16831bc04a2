"""An officer takes a vela breach to an outcome and an appeal in the browser (BR-1 to
BR-12), checked by axe (WCAG 2.2 AA) on every page of the journey."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import assert_accessible, watched_page

pytestmark = pytest.mark.browser


@pytest.fixture
def people(code_in_force: dict[str, str]) -> dict[str, Any]:
    """The member a breach is about, another panel member and two staff for the group."""
    from panelkeeper.organisations.models import Organisation
    from tests.factory import Factory

    factory = Factory()
    home = Organisation.objects.get(slug="home")
    group = factory.group(home)
    subject = factory.panel_member(group, full_name="Sam Subject")
    customer = factory.involved_customer(group, full_name="Cora Customer")
    # Staff of the organisation (a case's picker offers its own people and those invited).
    staff = [factory.auditor(home, first_name=n, last_name="Staff") for n in ("Ida", "Sid")]
    return {
        **code_in_force,
        "subject": subject.pk,
        "customer": customer.pk,
        "staff": [u.pk for u in staff],
    }


def _save(page: Page, heading: str, button: str = "Save") -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_accessible(page)
    page.get_by_role("button", name=button).click()
    expect(page.locator(".govuk-notification-banner, .govuk-error-summary").first).to_be_visible()
    assert_accessible(page)


def _step(page: Page, link: str, heading: str) -> None:
    page.get_by_role("link", name=link).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)


def test_an_officer_takes_a_vela_breach_to_an_outcome_and_an_appeal(
    browser: Browser, live_server: Any, people: dict[str, Any]
) -> None:
    today = timezone.localdate()
    with watched_page(browser) as page:
        page.goto(f"{live_server.url}/organisations/home/cases/")
        page.get_by_label("Email").fill(people["email"])
        page.get_by_label("Password").fill(people["password"])
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Breach cases")
        assert_accessible(page)

        page.get_by_role("link", name="Raise a breach").click()
        _save(page, "Raise a breach", "Raise the breach")  # empty: the errors, checked too
        expect(page.locator(".govuk-error-summary")).to_contain_text("Describe what happened")
        page.get_by_label("Which member is the breach about?").select_option(str(people["subject"]))
        page.get_by_label("What happened?").fill("Shared a resident's repair details online.")
        page.get_by_label("At a meeting").check()
        page.get_by_label("Confidentiality Statement (as a whole, or its spirit)").check()
        page.get_by_label("A customer", exact=True).check()
        page.get_by_label("Name of the person who raised it (optional)").fill("Rita Reporter")
        page.get_by_role("button", name="Raise the breach").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Sam Subject")
        assert_accessible(page)

        _step(page, "Record that the member was told", "Record that the member was told")
        _save(page, "Record that the member was told")
        for role, person in (
            ("Customer Involvement Team", ("user", people["staff"][0])),
            ("Service Improvement Team", ("user", people["staff"][1])),
            ("another involved customer", ("member", people["customer"])),
        ):
            _step(
                page,
                "Fill a seat on the investigating group",
                "Fill a seat on the investigating group",
            )
            page.get_by_label(role, exact=True).check()
            label = (
                "A member (optional)" if person[0] == "member" else "A member of staff (optional)"
            )
            page.get_by_label(label).select_option(str(person[1]))
            _save(page, "Fill a seat on the investigating group")
        _step(page, "Record that the group was convened", "Record that the group was convened")
        _save(page, "Record that the group was convened")
        _step(page, "Record what was found", "Record what was found")
        page.get_by_label("Minor").check()
        _save(page, "Record what was found")
        _step(page, "Record the outcome", "Record the outcome")
        page.get_by_label("Final written warning, kept on record by Vela and the Panel").check()
        _save(page, "Record the outcome")
        _step(page, "Record written notice sent", "Record written notice sent")
        page.locator("#id_sent_on_day").fill(str(today.day))
        page.locator("#id_sent_on_month").fill(str(today.month))
        page.locator("#id_sent_on_year").fill(str(today.year))
        page.get_by_label("Who was it sent to?").fill("Sam Subject")
        page.get_by_label("Email").check()
        _save(page, "Record written notice sent")
        _step(page, "Record an appeal received", "Record an appeal received")
        page.locator("#id_received_on_day").fill(str(today.day))
        page.locator("#id_received_on_month").fill(str(today.month))
        page.locator("#id_received_on_year").fill(str(today.year))
        _save(page, "Record an appeal received")
        expect(page.locator("main")).to_contain_text("Group Director of Operations")
        expect(page.locator("main")).to_contain_text("Appeal lodged")
