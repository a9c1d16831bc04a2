"""Kestrel Homes from an empty database, through pages only.

`panelkeeper setup` makes the organisation and prints its first officer's invitation; from
then on everything is done in the browser: the officer accepts, sets up an authenticator
app (as staff must outside the demo), takes the code's staff
titles, publishes the code and its Code of Conduct, imports twenty members from a CSV file
and invites them; one member accepts on a 390 px phone without JavaScript and signs; the
officer countersigns. Nothing is written to the database except through the pages; the
member's link is read from the outbox, as a mail catcher would. Last, the officer makes
Ada the chair and takes a breach by another member through the Investigation Group to
its emailed notice: the case counts its appeal window from Kestrel's 15 working days.
Run with ``pytest -s`` to see each page visited and each field filled.
"""

from __future__ import annotations

import datetime
import io
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from panelkeeper.rules.calendar.working_days import Region, WorkingCalendar
from tests.browser.conftest import (
    assert_accessible,
    assert_accessible_without_js,
    watched_page,
)

pytestmark = pytest.mark.browser

OFFICER = "jo@kestrel.example"
OFFICER_PASSWORD = "kestrel-nest-2026"
MEMBER_PASSWORD = "river-meadow-41"
PHONE_WIDTH = 390
PHONE = {
    "viewport": {"width": PHONE_WIDTH, "height": 844},
    "is_mobile": True,
    "has_touch": True,
    "java_script_enabled": False,
}
FIRST_NAMES = ["Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Hal", "Iris", "Jon"]
LAST_NAMES = ["Marsh", "Reed"]
# Written for this test: the officer's own words for the document members sign.
CODE_TEXT = """# Code of Conduct

Kestrel Homes asks every involved customer to treat others with courtesy, to keep
what they learn in confidence, and to declare any interest before a discussion starts.
"""


GROUP = "Kestrel Involved Customers"
#: What the officer changes from the thirteen preset, as "What changes" lists it.
KESTREL_CHANGES = [
    "Organisation: Thirteen Group → Kestrel Homes",
    f"Groups this code covers: Involved Customers (Customer Involvement Framework) → {GROUP}",
    "What the chair is called: Chair of the Customer Involvement Framework → Chair of the Panel",
    "What the vice chair is called: Vice Chair of the Customer Involvement Framework → "
    "Vice Chair of the Panel",
    "Staff titles: Customer Involvement Team → Resident Involvement Lead",
    "Staff titles: Head of Touchpoints → Head of Resident Voice",
    "Documents: Confidentiality Statement removed",
    "How long it stays on record (informal step “Firm guidance at a joint discussion, such as "
    "mediation or training, with actions and review dates”): 12 months → 6 months",
    "Appeal window: 10 working days after the member receives written notice of the decision"
    " → 15 working days after the member receives written notice of the decision",
]


def make_thirteen_kestrels_own(jo: Journey) -> None:
    """On the draft's forms: Kestrel's names, two staff titles replaced and every title
    given a holder, one document dropped, firm guidance kept for 6 months, and an appeal
    window of 15 working days."""
    page = jo.page

    def change(part: str) -> None:
        page.get_by_role("link", name=f"Change {part.lower()}").click()
        jo.arrived(part)

    def fill(box: str, value: str) -> None:
        page.locator(f"#id_{box}").fill(value)
        print(f"[{jo.who}]   {box} = {value}")

    def save() -> None:
        page.locator("main form button.govuk-button", has_text="Save").click()
        jo.arrived("Parts of the code")

    change("Names and words")
    assert_accessible(page)
    fill("code__organisation", "Kestrel Homes")
    fill("groups-0-title", GROUP)
    fill("roles__members__chair", "Chair of the Panel")
    fill("roles__members__vice_chair", "Vice Chair of the Panel")
    save()

    change("Staff titles and what each does")
    assert_accessible(page)
    fill("roles__staff-0-title", "Resident Involvement Lead")
    fill("roles__staff-2-title", "Head of Resident Voice")
    for row in range(4):
        page.locator(f"#id_roles__staff-{row}-holder").select_option(label="Jo Kestrel")
        print(f"[{jo.who}]   holder of staff title {row + 1} = Jo Kestrel")
    save()

    change("Documents and signing")
    page.get_by_label("Remove this document").nth(1).check()
    print(f"[{jo.who}]   Remove document 2 = ticked")
    save()

    change("Informal steps")
    fill("breach__informal-1-keep", "6")
    page.locator("#id_breach__informal-1-keep-unit").select_option("months")
    save()

    # A deadline of 0 is refused on its field, saying what to write; then 15 is saved.
    change("Appeals")
    fill("breach__appeal__window", "0")
    page.locator("main form button.govuk-button", has_text="Save").click()
    jo.arrived("Appeals")
    expect(page.locator(".govuk-error-summary")).to_contain_text("1 or more")
    assert_accessible(page)
    fill("breach__appeal__window", "15")
    save()


def members_csv() -> str:
    """Twenty members of the code's one group, each with their own email address."""
    lines = ["full_name,customer_type,group,started_on,email"]
    for last in LAST_NAMES:
        for first in FIRST_NAMES:
            address = f"{first}.{last}@members.example".lower()
            lines.append(f"{first} {last},tenant,{GROUP},2026-01-05,{address}")
    return "\n".join(lines) + "\n"


class Journey:
    """Drives pages as a person would and prints what was seen and typed."""

    def __init__(self, page: Page, who: str) -> None:
        self.page = page
        self.who = who

    def arrived(self, heading: str | re.Pattern[str]) -> None:
        h1 = self.page.get_by_role("heading", level=1)
        expect(h1).to_have_text(heading)
        path = re.sub(r"^https?://[^/]+", "", self.page.url)
        print(f"[{self.who}] page: {h1.inner_text()}  ({path})")

    def fill(self, label: str, value: str, *, shown: str | None = None) -> None:
        self.page.get_by_label(label, exact=True).fill(value)
        print(f"[{self.who}]   {label} = {shown if shown is not None else value}")

    def check(self, label: str) -> None:
        self.page.get_by_label(label, exact=True).check()
        print(f"[{self.who}]   {label} = ticked")

    def choose(self, label: str, option: str) -> None:
        self.page.get_by_label(label, exact=True).select_option(label=option)
        print(f"[{self.who}]   {label} = {option}")

    def date(self, field: str, label: str, day: datetime.date) -> None:
        for part, value in (("day", day.day), ("month", day.month), ("year", day.year)):
            self.page.locator(f"#id_{field}_{part}").fill(str(value))
        print(f"[{self.who}]   {label} = {day.day} {day:%B %Y}")

    def choose_radio(self, question: str, option: str) -> None:
        self.page.get_by_role("group", name=question).get_by_label(option, exact=True).check()
        print(f"[{self.who}]   {question} = {option}")

    def click_link(self, name: str) -> None:
        self.page.get_by_role("link", name=name, exact=True).click()

    def click_button(self, name: str) -> None:
        self.page.get_by_role("button", name=name, exact=True).click()

    def banner(self, text: str) -> None:
        expect(self.page.locator(".govuk-notification-banner")).to_contain_text(text)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with watched_page(browser, **PHONE) as page:
        yield page


def fits_the_phone(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE_WIDTH, f"{page.url} is {width} px wide"


def authenticator_code(key: str) -> str:
    """The six digits an authenticator app set up with ``key`` shows now (RFC 6238)."""
    return format_hotp_value(hotp_value(key, int(time.time()) // 30))


def invitation_path(address: str) -> str:
    """The invitation link in the newest email to this address, as a mail catcher shows it."""
    from panelkeeper.outbox.models import Message

    message = Message.objects.filter(to_address=address).order_by("-pk").first()
    assert message is not None, f"no email to {address}"
    found = re.search(r"/invitations/[^/\s]+/", message.body)
    assert found, message.body
    return found.group(0)


def test_kestrel_homes_starts_from_nothing_through_pages_only(
    transactional_db: None,
    live_server: object,
    page_with_js: Page,
    phone: Page,
    tmp_path: Path,
    settings: Any,
) -> None:
    from panelkeeper.organisations.models import Organisation

    settings.REQUIRE_SECOND_FACTOR = True  # as outside the demo
    officer_page = page_with_js
    base = str(live_server)
    assert not Organisation.objects.exists()

    printed = io.StringIO()
    call_command(
        "setup",
        organisation="Kestrel Homes",
        slug="kestrel",
        region="ENG",
        preset="thirteen",
        officer=OFFICER,
        admin="it@kestrel.example",
        base_url=base,
        interactive=False,
        stdout=printed,
    )
    print(printed.getvalue())
    links = re.findall(rf"{re.escape(base)}/invitations/\S+", printed.getvalue())
    assert len(links) == 2, printed.getvalue()  # the administrator's, then the officer's
    officer_link = links[1]
    today = timezone.localdate()

    # The officer accepts the invitation and lands on the organisation's page.
    jo = Journey(officer_page, "officer")
    officer_page.goto(officer_link)
    jo.arrived("Accept your invitation")
    assert_accessible(officer_page)
    jo.fill("First name", "Jo")
    jo.fill("Last name", "Kestrel")
    jo.fill("Create a password", OFFICER_PASSWORD, shown="(a password)")
    jo.fill("Type the password again", OFFICER_PASSWORD, shown="(the same password)")
    jo.click_button("Accept and sign in")

    # Staff set up a second factor before any organisation page.
    jo.arrived("Second factor")
    jo.click_button("Set up an authenticator app")
    jo.arrived("Confirm it is you")
    jo.fill("Password", OFFICER_PASSWORD, shown="(their password)")
    jo.click_button("Continue")
    jo.arrived("Set up an authenticator app")
    assert_accessible(officer_page)
    key = officer_page.locator("main p code").inner_text()
    jo.fill("Authenticator code", authenticator_code(key), shown="(the code the app shows)")
    jo.click_button("Turn on the authenticator app")
    jo.arrived("Your recovery codes")
    expect(officer_page.get_by_role("list", name="Unused recovery codes")).to_be_visible()
    jo.click_link("panelkeeper")
    jo.arrived("Today")
    assert_accessible(officer_page)

    # The officer makes the thirteen preset Kestrel's own on the draft's forms.
    jo.click_link("Versions of the code")
    jo.arrived("Versions of the code")
    officer_page.locator("main table a").first.click()
    jo.arrived(re.compile(r"^Version “.+” Draft$"))
    jo.click_link("Change the code, part by part")
    jo.arrived("Parts of the code")
    assert_accessible(officer_page)
    make_thirteen_kestrels_own(jo)

    # What changes, in words, before publishing.
    jo.click_link("What changes from the thirteen preset")
    jo.arrived("What changes")
    assert_accessible(officer_page)
    changes = officer_page.locator("main li.pk-change").all_inner_texts()
    print("[officer]   changes: " + " | ".join(changes))
    assert changes == KESTREL_CHANGES

    # The officer publishes it, and its rulebook names only Kestrel's people and figures.
    jo.click_link("Publish this version")
    jo.arrived(re.compile(r"^Publish version “.+”$"))
    jo.date("approved_on", "When was this version approved?", today)
    jo.date("in_force_from", "When does it come into force?", today)
    jo.click_button("Publish")
    jo.arrived(re.compile(r"^Version “.+” Published$"))
    assert_accessible(officer_page)
    jo.click_link("panelkeeper")
    jo.arrived("Today")
    jo.click_link("Rulebook")
    rulebook = officer_page.locator("main").inner_text()
    for theirs in ("Thirteen Group", "Touchpoints", "Customer Involvement Framework"):
        assert theirs not in rulebook, theirs
    for ours in (GROUP, "Head of Resident Voice", "Resident Involvement Lead", "15 working days"):
        assert ours in rulebook, ours
    # A breach whose decision is emailed on Monday 4 January 2027 may be appealed until
    # the fifteenth working day after: Monday 25 January, not the preset's 18 January.
    jo.choose_radio("If this step happened", "Written notice of the decision is emailed")
    jo.date("on", "On this date", datetime.date(2027, 1, 4))
    jo.click_button("Show the deadlines")
    appeal = officer_page.locator("#planner ~ table tr", has_text="Last day to appeal")
    expect(appeal).to_contain_text("25 January 2027")

    # The officer publishes the text of the Code of Conduct that members sign.
    jo.click_link("Members")
    jo.arrived("Members")
    jo.click_link("Documents and signatures")
    jo.arrived("Documents")
    jo.click_link("Publish a new version")
    jo.arrived("Publish a document version")
    jo.choose("Document", "Code of Conduct")
    jo.fill("Version", "2026-1")
    jo.date("published_on", "Published on", today)
    jo.fill("Text of the document", CODE_TEXT, shown="(a short text of the code)")
    jo.click_button("Publish")
    jo.arrived("Code of Conduct")

    # The officer imports twenty members from a CSV file and invites them.
    csv_file = tmp_path / "kestrel-members.csv"
    csv_file.write_text(members_csv(), encoding="utf-8")
    jo.click_link("Back to documents")
    jo.arrived("Documents")
    jo.click_link("Back to members")
    jo.arrived("Members")
    jo.click_link("Import from CSV")
    jo.arrived("Import members")
    officer_page.get_by_label("Upload a CSV file").set_input_files(csv_file)
    print(f"[officer]   Upload a CSV file = {csv_file.name} (20 members with email addresses)")
    jo.check("Invite the imported members to sign in")
    jo.click_button("Check the file")
    jo.arrived("Import members")
    assert_accessible(officer_page)
    jo.click_button("Import all 20 and invite them")
    jo.arrived("Members")
    expect(officer_page.locator("main tbody tr")).to_have_count(20)
    assert_accessible(officer_page)

    # One member accepts on a phone, without JavaScript, and signs the Code of Conduct.
    ada = Journey(phone, "member, 390 px, no JavaScript")
    phone.goto(base + invitation_path("ada.marsh@members.example"))
    ada.arrived("Accept your invitation")
    fits_the_phone(phone)
    assert_accessible_without_js(phone)
    ada.check("With a password I choose")
    ada.fill("Create a password, if you chose one", MEMBER_PASSWORD, shown="(a password)")
    ada.fill("Type the password again", MEMBER_PASSWORD, shown="(the same password)")
    ada.click_button("Accept and sign in")
    ada.arrived("Your home")
    fits_the_phone(phone)
    assert_accessible_without_js(phone)
    ada.click_link("Read and sign the Code of Conduct")
    ada.arrived("Code of Conduct")
    fits_the_phone(phone)
    assert_accessible_without_js(phone)
    ada.check("I have read and understood this document")
    ada.check("I accept what the organisation may do if I breach the code")
    ada.fill("Type your full name to sign", "Ada Marsh")
    ada.click_button("Sign")
    ada.arrived("Your home")
    ada.banner("You signed the Code of Conduct")
    expect(phone.get_by_text("We are checking the Code of Conduct you signed")).to_have_count(1)
    fits_the_phone(phone)

    # The officer countersigns from the member's record.
    officer_page.reload()
    jo.arrived("Members")
    jo.click_link("Ada Marsh")
    jo.arrived("Ada Marsh")
    jo.click_button("Countersign Code of Conduct")
    jo.arrived("Ada Marsh")
    jo.banner("Code of Conduct countersigned")
    assert_accessible(officer_page)

    # A breach raised now runs under Kestrel's code: its appeal window is 15 working days.
    ada_is_chair(jo)
    notice_on = raise_a_breach_to_its_written_notice(jo, "Ben Marsh", today)
    summary = officer_page.locator("main dl.govuk-summary-list").first
    fifteen = WorkingCalendar(Region.ENG).add_working_days(notice_on, 15)
    ten = WorkingCalendar(Region.ENG).add_working_days(notice_on, 10)
    print(
        f"[officer]   appeal: {summary.get_by_text('To the Director of Experience').inner_text()}"
    )
    expect(summary).to_contain_text(
        f"To the Director of Experience, by {fifteen.day} {fifteen:%B %Y}, counting from "
        f"{notice_on.day} {notice_on:%B %Y}"
    )
    expect(summary).not_to_contain_text(f"by {ten.day} {ten:%B %Y}")
    assert_accessible(officer_page)


def ada_is_chair(jo: Journey) -> None:
    """The officer records that Ada chairs the group: she may then sit on an Investigation
    Group as its chair."""
    jo.click_link("Edit the record")
    jo.arrived(re.compile("Ada Marsh"))
    jo.choose_radio("Role on the group", "Chair")
    jo.click_button("Save")
    jo.arrived("Ada Marsh")


def raise_a_breach_to_its_written_notice(
    jo: Journey, member: str, today: datetime.date
) -> datetime.date:
    """Raise a breach about ``member`` and take it through the Investigation Group, a
    finding, an outcome and its written notice, emailed today; the day notice counts as
    received (email: the same day)."""
    page = jo.page

    def step(link: str) -> None:
        page.get_by_role("link", name=link, exact=True).click()
        jo.arrived(link)

    def save() -> None:
        page.locator("main form button.govuk-button").first.click()
        jo.arrived(re.compile(rf"^Case .+: {member}$"))
        jo.banner("")

    jo.click_link("Breach cases")
    jo.arrived("Breach cases")
    jo.click_link("Raise a breach")
    jo.arrived("Raise a breach")
    jo.choose("Which member is the breach about?", member)
    jo.fill("What happened?", "Shared a neighbour's repair details in a group chat.")
    jo.choose_radio("Where did it happen?", "Online, by email or on social media")
    page.locator("input[name=clauses]").first.check()
    print(f"[{jo.who}]   clause = the first listed")
    jo.choose_radio("Who raised it?", "A customer")
    jo.click_button("Raise the breach")
    jo.arrived(re.compile(rf"^Case .+: {member}$"))
    assert_accessible(page)

    step("Open the formal stage")
    save()
    for seat, person, field in (
        ("Customer Experience Manager", "Jo Kestrel", "A member of staff (optional)"),
        ("Chair of the Panel", "Ada Marsh", "A member (optional)"),
    ):
        step("Fill a seat on the investigating group")
        jo.choose_radio("Which seat?", seat)
        jo.choose(field, person)
        if person == "Ada Marsh":
            jo.check("They sit as an impartial member")
        save()
    step("Record that the group was convened")
    save()
    step("Record what was found")
    jo.choose_radio("What did the decider find?", "Minor breach")
    save()
    step("Record the outcome")
    page.get_by_label(re.compile("^Final written warning")).check()
    save()
    step("Record written notice sent")
    jo.date("sent_on", "When was it sent?", today)
    jo.choose_radio("How was it sent?", "Email")
    save()
    return today
