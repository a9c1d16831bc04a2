"""Today and the menu in a browser: an officer on a desktop and on a 390 px phone, with and
without JavaScript, finds what is waiting, moves by the menu and searches from the header;
a member on a phone has their own menu. axe checks every page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import assert_accessible, assert_accessible_without_js, watched_page

pytestmark = pytest.mark.browser

PHONE_WIDTH = 390
PHONE = {"viewport": {"width": PHONE_WIDTH, "height": 844}, "is_mobile": True, "has_touch": True}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, **PHONE) as page:
        yield page


@pytest.fixture
def phone_without_js(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, **PHONE, java_script_enabled=False) as page:
        yield page


@pytest.fixture
def waiting(transactional_db: None) -> dict[str, str]:
    """An officer and a member of an organisation with one thing of each kind waiting."""
    from tests.factory import PASSWORD, Factory
    from tests.today.records import one_of_each

    factory = Factory()
    factory.code_in_force("vela")
    version = factory.document_version("code_of_conduct", title="Code of Conduct")
    one_of_each(factory, version)
    factory.panel_member(full_name="Priya Patel", email="priya@example.org")
    member = factory.member_record
    return {
        "officer": factory.officer().email,
        "member": factory.member().email,
        "member_id": str(member.pk),
        "password": PASSWORD,
    }


def sign_in(page: Page, base: str, email: str, password: str) -> None:
    page.goto(f"{base}/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def fits(page: Page, width: int) -> None:
    scrolled = page.evaluate("document.documentElement.scrollWidth")
    assert scrolled <= width, f"{page.url} is {scrolled} px wide"


def header_fits(page: Page, width: int) -> None:
    right = page.evaluate(
        "Math.max(...[...document.querySelectorAll('header *')]"
        ".map(e => e.getBoundingClientRect().right))"
    )
    assert right <= width, f"the header of {page.url} reaches {right} px"


def officer_day(page: Page, base: str, person: dict[str, str], check: object) -> None:
    sign_in(page, base, person["officer"], person["password"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Today")
    for heading in (
        "Deadlines",
        "Concerns waiting for triage",
        "Letters waiting to be sent",
        "Signatures waiting for countersignature",
        "Declarations overdue for review",
        "Decisions waiting for a meeting",
    ):
        expect(page.get_by_role("heading", name=f"{heading} (", exact=False)).to_be_visible()
    check(page)  # type: ignore[operator]

    page.get_by_role("searchbox", name="Search for a member or a case").fill("Patel")
    page.get_by_role("button", name="Search", exact=True).first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Search results")
    expect(page.get_by_role("link", name="Priya Patel")).to_be_visible()
    check(page)  # type: ignore[operator]


def test_an_officer_reads_today_and_searches_on_a_desktop(
    page_with_js: Page, live_server: object, waiting: dict[str, str]
) -> None:
    officer_day(page_with_js, str(live_server), waiting, assert_accessible)


def test_an_officer_on_a_phone_opens_the_menu_with_its_button(
    phone: Page, live_server: object, waiting: dict[str, str]
) -> None:
    officer_day(phone, str(live_server), waiting, assert_accessible)
    fits(phone, PHONE_WIDTH)
    menu = phone.get_by_role("navigation", name="Menu")
    button = menu.get_by_role("button", name="Menu")
    expect(menu.get_by_role("link", name="Meetings")).to_be_hidden()
    button.click()
    expect(button).to_have_attribute("aria-expanded", "true")
    menu.get_by_role("link", name="Meetings").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Meetings")
    fits(phone, PHONE_WIDTH)


def test_an_officer_on_a_phone_without_javascript_sees_the_whole_menu(
    phone_without_js: Page, live_server: object, waiting: dict[str, str]
) -> None:
    officer_day(phone_without_js, str(live_server), waiting, assert_accessible_without_js)
    fits(phone_without_js, PHONE_WIDTH)
    menu = phone_without_js.get_by_role("navigation", name="Menu")
    expect(menu.get_by_role("button", name="Menu")).to_be_hidden()
    menu.get_by_role("link", name="Breach cases").click()
    expect(phone_without_js.get_by_role("heading", level=1)).to_have_text("Breach cases")
    expect(menu.get_by_role("link", name="Breach cases")).to_have_attribute("aria-current", "page")
    assert_accessible_without_js(phone_without_js)


def test_a_member_on_a_phone_moves_between_their_own_pages(
    phone_without_js: Page, live_server: object, waiting: dict[str, str]
) -> None:
    base = str(live_server)
    sign_in(phone_without_js, base, waiting["member"], waiting["password"])
    menu = phone_without_js.get_by_role("navigation", name="Menu")
    for text in ("Meetings", "Interests and gifts", "Letters", "Expenses and rewards", "Record"):
        menu.get_by_role("link", name=text, exact=True).click()
        expect(menu.get_by_role("link", name=text, exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        header_fits(phone_without_js, PHONE_WIDTH)
        assert_accessible_without_js(phone_without_js)
    assert phone_without_js.get_by_role("search").count() == 0


def test_an_officer_finds_the_public_form_and_prints_its_poster(
    page_with_js: Page, live_server: object, waiting: dict[str, str]
) -> None:
    page = page_with_js
    sign_in(page, str(live_server), waiting["officer"], waiting["password"])
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Concerns").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Concerns")
    page.get_by_role("link", name="print a poster with a QR code that opens it").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Poster for raising a concern")
    expect(page.locator(".pk-poster svg")).to_be_visible()
    assert_accessible(page)
