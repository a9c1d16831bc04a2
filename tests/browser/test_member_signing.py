"""On a phone: a vela member signs all four documents, an officer countersigns, and the
eligibility checklist turns complete (MEM-2, MEM-3, MEM-4). axe checks every page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import assert_accessible, watched_page

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 375, "height": 740}, "is_mobile": True, "has_touch": True}
VELA_DOCUMENTS = {
    "code_of_conduct": "Code of Conduct",
    "confidentiality_statement": "Confidentiality Statement",
    "terms_of_reference": "Terms of Reference",
    "role_profile": "Role Profile",
}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, **PHONE) as page:
        yield page


@pytest.fixture
def vela_member(transactional_db: None) -> dict[str, object]:
    """A vela member with a sign-in, the four documents published, and an officer."""
    from django.utils import timezone

    from panelkeeper.members.demo_texts import demo_text
    from tests.factory import PASSWORD, Factory

    factory = Factory()
    today = timezone.localdate()
    factory.published_version(preset="vela", in_force_from=today - dt.timedelta(days=30))
    for key, title in VELA_DOCUMENTS.items():
        factory.document_version(
            key, title=title, text=demo_text(key, title), published_on=today - dt.timedelta(days=30)
        )
    member = factory.member_record
    officer = factory.officer()
    return {
        "member": member.pk,
        "member_email": factory.member().email,
        "officer_email": officer.email,
        "password": PASSWORD,
        "org": factory.home.slug,
    }


def sign_in(page: Page, email: str, password: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page)
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_a_member_signs_on_a_phone_and_an_officer_countersigns(
    phone: Page, live_server: object, vela_member: dict[str, object]
) -> None:
    base = str(live_server)
    phone.goto(f"{base}/")
    sign_in(phone, str(vela_member["member_email"]), str(vela_member["password"]))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Your home")
    expect(phone.locator("#what-next")).to_contain_text("once you have signed your papers")
    assert_accessible(phone)

    for title in VELA_DOCUMENTS.values():
        phone.get_by_role("link", name=f"Read and sign the {title}").click()
        expect(phone.get_by_role("heading", level=1)).to_have_text(title)
        assert_accessible(phone)
        phone.get_by_label("I have read and understood this document").check()
        phone.get_by_label("Type your full name to sign").fill("Mina Member")
        phone.get_by_role("button", name="Sign", exact=True).click()
        expect(phone.locator(".govuk-notification-banner")).to_contain_text(
            f"You signed the {title}"
        )
        assert_accessible(phone)

    expect(phone.locator("#what-next")).to_contain_text("You can take part soon.")
    expect(phone.get_by_text("We are checking the")).to_have_count(4)
    phone.get_by_role("button", name="Sign out").click()

    phone.goto(f"{base}/organisations/{vela_member['org']}/members/{vela_member['member']}/")
    sign_in(phone, str(vela_member["officer_email"]), str(vela_member["password"]))
    expect(phone.get_by_role("heading", level=1)).to_have_text("Mina Member")
    assert_accessible(phone)
    for title in VELA_DOCUMENTS.values():
        phone.get_by_role("button", name=f"Countersign {title}").click()
        expect(phone.locator(".govuk-notification-banner")).to_contain_text(
            f"{title} countersigned"
        )
        assert_accessible(phone)
    expect(phone.locator("#eligibility + p")).to_contain_text("Complete")
    expect(phone.get_by_text("Complete", exact=True)).to_have_count(5)  # summary + 4 documents
    phone.get_by_role("button", name="Sign out").click()

    phone.goto(f"{base}/my/{vela_member['member']}/")
    sign_in(phone, str(vela_member["member_email"]), str(vela_member["password"]))
    expect(phone).to_have_url(re.compile(rf"/my/{vela_member['member']}/$"))
    expect(phone.locator("#eligibility + p")).to_contain_text("Complete")
    expect(phone.get_by_text("Nothing to sign.")).to_be_visible()
    assert_accessible(phone)
