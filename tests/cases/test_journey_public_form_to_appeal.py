"""One breach from the public concern form to a decided appeal, through the pages only.

A customer raises a concern on vela's public page (a named reporter: vela's code has no
anonymous route); an officer triages it into a breach case, informs the member, seats
and convenes the investigating group, records the finding, the outcome and the written
notice, and records the appeal when it arrives; the Group Director of Operations decides
the appeal on their own page (BR-1, BR-2, BR-4 to BR-6, BR-10 to BR-12).

Each person uses the Django test client as a browser would: they open a page, the test
checks what it shows and that it links to the next one, and they send its form. The
clock moves on day by day through November 2026, so every step is recorded on the day it
happens and the deadlines the pages show are the ones the code sets.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.cases.models import Case, CaseEvent, CaseState
from panelkeeper.concerns.models import Concern
from panelkeeper.outbox.models import Message
from tests.cases.helpers import date_input
from tests.factory import PASSWORD, Factory

D = dt.date
WHAT_HAPPENED = "Talked about a resident's repairs outside the panel."


class Clock:
    """The time every page and domain function reads, moved on by the test."""

    def __init__(self, day: dt.date) -> None:
        self.now = dt.datetime(1, 1, 1, tzinfo=dt.UTC)
        self.on(day)

    def on(self, day: dt.date) -> None:
        self.now = dt.datetime.combine(day, dt.time(10, 0), dt.UTC)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch, settings: Any) -> Clock:
    """Monday 2 November 2026. Sign-ins last the three weeks the journey takes."""
    settings.SESSION_COOKIE_AGE = 60 * 24 * 3600
    moving = Clock(D(2026, 11, 2))
    monkeypatch.setattr("django.utils.timezone.now", lambda: moving.now)
    return moving


def shown(response: Any) -> str:
    """The text of the page's ``<main>`` as a reader sees it, one space between words."""
    assert response.status_code == 200, response.status_code
    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def links_to(response: Any, url: str) -> bool:
    return f'href="{url}"' in response.content.decode()


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_concern_from_the_public_form_becomes_a_case_whose_appeal_is_decided(
    factory: Factory, clock: Clock
) -> None:
    factory.code_in_force("vela")
    subject = factory.subject_record
    officer = signed_in(factory.officer())

    # -- Monday 2 November: a customer raises a concern, without signing in -------------
    reporter = Client()
    raise_url = reverse("concerns:raise", kwargs={"org": "home"})
    form = reporter.get(raise_url)
    text = shown(form)
    assert "Your concern goes to the Customer Involvement Team" in text  # BR-2
    assert "A customer A member of staff A Board member" in text  # BR-1
    assert 'name="anonymous"' not in form.content.decode()  # vela: no anonymous route
    sent = reporter.post(
        raise_url,
        {
            "what_happened": WHAT_HAPPENED,
            **date_input("happened_on", D(2026, 10, 29)),
            "setting": "meeting",
            "about_whom": "Sam Subject",
            "reporter_kind": "customer",
            "reporter_name": "Rhona Reporter",
            "reporter_contact": "rhona@example.org",
            "consents_to_identity": "no",
        },
        follow=True,
    )
    assert sent.redirect_chain[-1][0] == reverse("concerns:submitted", kwargs={"org": "home"})
    text = shown(sent)
    assert "Your concern has gone to the Customer Involvement Team" in text
    assert "They will contact you using the details you gave" in text
    concern = Concern.objects.get()
    assert concern.status == Concern.Status.RECEIVED

    # -- Tuesday 3 November: the officer triages it into a breach case -----------------
    clock.on(D(2026, 11, 3))
    concerns = officer.get(reverse("concerns:list", kwargs={"org": "home"}))
    detail_url = reverse("concerns:detail", kwargs={"org": "home", "pk": concern.pk})
    assert links_to(concerns, detail_url)
    assert "2 November 2026" in shown(concerns)
    assert "Rhona Reporter (a customer)" in shown(concerns)
    received = officer.get(detail_url)
    text = shown(received)
    assert WHAT_HAPPENED in text and "When 29 October 2026" in text
    assert "May the member know who raised it? No" in text
    triage_url = reverse("concerns:triage", kwargs={"org": "home", "pk": concern.pk})
    assert links_to(received, triage_url)
    text = shown(officer.get(triage_url))
    assert "The case will record Rhona Reporter as the person who raised it" in text
    assert "the member will not be told" in text
    triaged = officer.post(
        triage_url,
        {
            "member": subject.pk,
            **date_input("effective", D(2026, 11, 2)),
            "description": WHAT_HAPPENED,
            "setting": "meeting",
            "clauses": ["confidentiality_statement"],
        },
        follow=True,
    )
    assert "Breach case opened" in shown(triaged)
    case = Case.objects.get()
    case_url = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    assert links_to(triaged, case_url)
    text = shown(officer.get(case_url))
    assert f"Case {case.reference}: Sam Subject State Reported" in text
    assert "Rhona Reporter (not to be named to the member)" in text
    assert "Routed to Customer Involvement Team" in text
    assert "2 November 2026 Raised 3 November 2026 Recorded late" in text

    def step(action: str, title: str, data: dict[str, str], done: str) -> str:
        """The officer opens a step from the case page, sends its form, and reads the case."""
        url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": action})
        assert links_to(officer.get(case_url), url), action
        assert title in shown(officer.get(url))
        after = officer.post(url, data, follow=True)
        assert after.redirect_chain[-1][0] == case_url, shown(after)[:2000]
        text = shown(after)
        assert done in text
        return text

    # The member is told; from that day the code gives ten working days (BR-4, BR-5).
    text = step(
        "open-investigation",
        "Record that the member was told",
        date_input("effective", D(2026, 11, 3)),
        "Recorded that the member was told",
    )
    assert "State Investigating" in text
    assert "Deal with the breach (BR-5) 17 November 2026 10 working days left" in text
    assert "3 November 2026 Member informed" in text

    # -- Wednesday 4 and Thursday 5 November: the investigating group (BR-6) ------------
    clock.on(D(2026, 11, 4))
    # The two staff seats go to people from outside the involvement team, invited to
    # this case alone from its page; accepting their emailed link seats them.
    assert "Invite someone from outside the team" in officer.get(case_url).content.decode()
    invite_url = reverse("cases:invite_guest", kwargs={"org": "home", "pk": case.pk})
    for first, last, role in (
        ("Cara", "Team", "customer_involvement_team"),
        ("Sid", "Service", "service_improvement_team"),
    ):
        email = f"{first.lower()}@example.org"
        invited = {"email": email, "name": f"{first} {last}", "part": f"seat:{role}"}
        assert officer.post(invite_url, invited).status_code == 302
        letter = Message.objects.get(to_address=email).body
        link = re.search(r"https?://\S+/invitations/\S+", letter)
        assert link is not None
        path = "/" + link.group(0).split("/", 3)[3]
        details = {"first_name": first, "last_name": last, "password": PASSWORD}
        accepted = Client().post(path, {**details, "password_again": PASSWORD})
        assert accepted.status_code == 302
    ivan = factory.involved_customer(full_name="Ivan Involved")
    text = step(
        "seat",
        "Fill a seat on the investigating group",
        {
            "role_key": "involved_customer",
            "member": str(ivan.pk),
            **date_input("effective", D(2026, 11, 4)),
        },
        "Seat filled",
    )
    assert "Cara Team: Customer Involvement Team" in text
    assert "Ivan Involved: another involved customer" in text
    assert "Before the group can be convened" not in text
    clock.on(D(2026, 11, 5))
    text = step(
        "convene",
        "Record that the group was convened",
        date_input("effective", D(2026, 11, 5)),
        "Group convened",
    )
    assert "5 November 2026 Group convened" in text

    # -- Tuesday 10 November: the finding and the outcome (BR-7, BR-10) -----------------
    clock.on(D(2026, 11, 10))
    text = step(
        "determine",
        "Record what was found",
        {"level": "minor", **date_input("effective", D(2026, 11, 10))},
        "Finding recorded",
    )
    assert "Level Minor" in text
    text = step(
        "outcome",
        "Record the outcome",
        {"outcome": "final_written_warning", **date_input("effective", D(2026, 11, 10))},
        "Outcome recorded",
    )
    assert "State Decided" in text
    assert "Final written warning, kept on record by Vela and the Panel, 10 November 2026" in text
    assert "To the Group Director of Operations, once written notice is sent" in text
    assert "Met on 10 November 2026" in text

    # -- Wednesday 11 November: written notice by post (BR-11, BR-12) -------------------
    clock.on(D(2026, 11, 11))
    text = step(
        "notice",
        "Record written notice sent",
        {"to": "Sam Subject", "channel": "post", **date_input("sent_on", D(2026, 11, 11))},
        "Notice recorded",
    )
    # Received two working days after posting (13 November), then ten working days.
    assert "To the Group Director of Operations, by 27 November 2026" in text
    assert "11 November 2026 Notice sent by post to Sam Subject" in text

    # -- Tuesday 17 November: the member's appeal arrives (BR-12) -----------------------
    clock.on(D(2026, 11, 17))
    text = step(
        "appeal",
        "Record an appeal received",
        date_input("received_on", D(2026, 11, 17)),
        "Appeal recorded",
    )
    assert "State Appealed" in text and "Lodged 17 November 2026" in text
    case.refresh_from_db()
    assert case.appeal_to == "Group Director of Operations"
    assert case.appeal_officer is not None

    # -- Friday 20 November: the appeal officer decides it on their own pages -----------
    clock.on(D(2026, 11, 20))
    director = signed_in(case.appeal_officer)
    mine = director.get(reverse("cases:mine"))
    my_case_url = reverse("cases:my_case", kwargs={"case": case.pk})
    assert links_to(mine, my_case_url)
    assert f"Case {case.reference} , Home Housing, began 2 November 2026" in shown(mine)
    theirs = director.get(my_case_url)
    text = shown(theirs)
    assert "State Appealed" in text and WHAT_HAPPENED in text
    assert "Rhona Reporter" not in text  # the appeal officer needs the case, not its source
    decide_url = reverse("cases:decide_appeal", kwargs={"case": case.pk})
    assert links_to(theirs, decide_url)
    assert "Decide the appeal" in shown(director.get(decide_url))
    decided = director.post(
        decide_url,
        {
            "result": "upheld",
            "reason": "The finding stands.",
            **date_input("effective", D(2026, 11, 20)),
        },
        follow=True,
    )
    assert decided.redirect_chain[-1][0] == my_case_url
    text = shown(decided)
    assert "Appeal decision recorded" in text and "State Closed" in text
    assert "Lodged 17 November 2026; upheld on 20 November 2026" in text

    # -- What the officer sees, and what was saved ---------------------------------------
    text = shown(officer.get(case_url))
    assert "State Closed" in text
    assert "Lodged 17 November 2026; upheld on 20 November 2026" in text
    assert "20 November 2026 Appeal decided: upheld The finding stands." in text

    case.refresh_from_db()
    concern.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert (case.member, case.level, case.raised_by) == (subject, "minor", "customer")
    assert case.reporter_name == "Rhona Reporter" and not case.reporter_consents_to_identity
    assert concern.status == Concern.Status.CASE_OPENED and concern.case == case
    events = list(CaseEvent.objects.filter(case=case).order_by("effective", "recorded_at", "id"))
    assert [(e.kind, e.effective) for e in events] == [
        ("raised", D(2026, 11, 2)),
        ("member_informed", D(2026, 11, 3)),
        ("group_convened", D(2026, 11, 5)),
        ("level_determined", D(2026, 11, 10)),
        ("outcome_recorded", D(2026, 11, 10)),
        ("notice_sent", D(2026, 11, 11)),
        ("appeal_lodged", D(2026, 11, 17)),
        ("appeal_decided", D(2026, 11, 20)),
    ]
    appeal = events[-1]
    assert (appeal.result, appeal.reason) == ("upheld", "The finding stands.")
    assert appeal.recorded_by == case.appeal_officer
    # Every step was entered on the day it took effect, but the triage, a day late.
    assert [e.recorded_on for e in events] == [D(2026, 11, 3)] + [e.effective for e in events[1:]]
