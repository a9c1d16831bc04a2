"""Today's bounded reads: the first few of each list and how many there are, the same
members and cases as the whole lists they stand for."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.cases.changes.steps import inform_member
from panelkeeper.cases.due import deadlines_due, next_deadlines_due
from panelkeeper.letters.waiting import resign_to_send
from panelkeeper.meetings.models import Action
from panelkeeper.members.documents import documents_with_versions
from panelkeeper.organisations.in_force import calendar_for, loadable_policy_on
from panelkeeper.registers.interests import members_with_reviews
from panelkeeper.registers.models import Review
from panelkeeper.today.items import SHOWN, Kind, ListKey, today_for
from panelkeeper.today.queries import gifts_waiting, overdue_declarations, resigning_to_ask
from tests.factory import Factory
from tests.today.records import DECIDED

D = dt.date
ON = D(2026, 11, 23)


def _review(factory: Factory, member: object, on: dt.date) -> None:
    Review.objects.create(
        organisation=factory.home,
        member=member,
        reviewed_on=on,
        recorded_at=timezone.now(),
        recorded_by=factory.officer(),
    )


def test_overdue_declarations_are_those_the_register_says_are_overdue_coi_1(
    factory: Factory,
) -> None:
    never = factory.panel_member(full_name="Nell Never")
    lapsed = factory.panel_member(full_name="Lara Lapsed")
    _review(factory, lapsed, D(2025, 11, 23))
    _review(factory, lapsed, D(2025, 1, 10))
    recent = factory.panel_member(full_name="Rory Recent")
    _review(factory, recent, D(2025, 11, 24))
    _review(factory, recent, D(2024, 1, 1))
    factory.panel_member(full_name="Eve Ended", ended_on=D(2026, 6, 1))
    expected = [
        (m, state) for m, state in members_with_reviews(factory.home, on=ON) if state.overdue
    ]
    found, total = overdue_declarations(factory.home, on=ON, first=SHOWN)
    assert total == len(expected) == 2
    assert sorted(found, key=lambda pair: pair[1].due) == sorted(expected, key=lambda p: p[1].due)
    assert {m for m, _ in found} == {never, lapsed}
    assert recent not in {m for m, _ in found}


def test_only_the_first_overdue_declarations_are_read_and_all_are_counted_coi_1(
    factory: Factory,
) -> None:
    for _ in range(SHOWN + 2):
        factory.panel_member()
    found, total = overdue_declarations(factory.home, on=ON, first=3)
    assert total == SHOWN + 2
    assert len(found) <= 6  # the first 3 never reviewed and the first 3 reviewed long ago
    waiting = {w.key: w for w in today_for(factory.home, today=ON, is_officer=True).lists}
    assert waiting[ListKey.DECLARATIONS].total == SHOWN + 2
    assert len(waiting[ListKey.DECLARATIONS].items) == SHOWN


def test_members_to_ask_to_re_sign_are_those_the_letters_page_lists_mem_6(
    factory: Factory,
) -> None:
    factory.code_in_force("vela")
    first = factory.document_version("code_of_conduct", title="Code of Conduct", label="2026-1")
    factory.document_version(
        "code_of_conduct", title="Code of Conduct", label="2026-2", published_on=D(2026, 6, 1)
    )
    for name in ("Cai", "Ann", "Bea"):
        factory.signature(factory.panel_member(full_name=name), first)
    expected = resign_to_send(factory.home, on=ON)
    policy = loadable_policy_on(factory.home, on=ON)
    found, total = resigning_to_ask(
        factory.home,
        on=ON,
        first=2,
        policy=policy,
        documents=lambda: documents_with_versions(factory.home),
    )
    assert total == len(expected) == 3
    assert [(r.member.full_name, r.signed_label, r.version.label) for r in found] == [
        ("Ann", "2026-1", "2026-2"),
        ("Bea", "2026-1", "2026-2"),
    ]


def test_each_case_shows_once_by_its_next_deadline_and_every_case_due_is_counted_br_5(
    factory: Factory, officer_client: Client
) -> None:
    for _ in range(SHOWN + 3):
        case = factory.breach_case(factory.panel_member())
        inform_member(case=case, actor=None, effective=D(2026, 11, 3), today=ON)
    # Not yet due, and nowhere near: left off the list and the count.
    factory.breach_case(factory.panel_member(), effective=ON, today=ON)
    waiting = {w.key: w for w in today_for(factory.home, today=ON, is_officer=True).lists}
    deadlines = waiting[ListKey.DEADLINES]
    assert deadlines.total == SHOWN + 3
    assert len(deadlines.items) == SHOWN
    links = [item.link for item in deadlines.items if item.kind is Kind.CASE_DEADLINE]
    assert len(set(links)) == len(links) == SHOWN
    assert all(item.overdue for item in deadlines.items)
    # The page says the same of the day it is opened on.
    now = {
        w.key: w for w in today_for(factory.home, today=timezone.localdate(), is_officer=True).lists
    }
    total = now[ListKey.DEADLINES].total
    content = officer_client.get(reverse("today:today", kwargs={"org": "home"})).content.decode()
    assert f"Deadlines ({total})" in content
    assert f"And {total - SHOWN} more" in content


def test_today_and_the_digest_agree_on_which_cases_have_a_deadline_due_br_5(
    factory: Factory,
) -> None:
    # Told on 3 November (overdue by 23 November), told on 19 November (due soon after),
    # and raised on 23 November with its first deadline some way off.
    for told in (D(2026, 11, 3), D(2026, 11, 19), D(2026, 11, 20)):
        case = factory.breach_case(factory.panel_member(), effective=D(2026, 11, 2))
        inform_member(case=case, actor=None, effective=told, today=ON)
    factory.breach_case(factory.panel_member(), effective=ON, today=ON)
    for on in (ON, D(2026, 11, 30), D(2026, 12, 7)):
        every = deadlines_due(factory.home, today=on, within=2)
        found, total = next_deadlines_due(
            factory.home, today=on, within=2, first=SHOWN, calendar=calendar_for(factory.home)
        )
        assert {d.case.pk for d in found} == {d.case.pk for d in every}
        assert total == len(found)
        for next_one in found:
            first = min(
                (d for d in every if d.case.pk == next_one.case.pk),
                key=lambda d: d.due.deadline.due,
            )
            assert (next_one.due, next_one.label, next_one.working_days, next_one.left) == (
                first.due.deadline.due,
                first.due.deadline.label,
                first.due.deadline.working_days,
                first.due.left,
            )


def test_each_list_of_gifts_shows_its_own_first_and_counts_its_own_gift_2(
    factory: Factory,
) -> None:
    # Read in one query, the gifts to tell and the gifts waiting for a meeting are still
    # numbered and counted apart: each list shows its own earliest, by the day it began
    # waiting (decided, or declared) and then by the member's name.
    decided = [
        factory.gift(**{**DECIDED, "decided_on": D(2026, 10, 1) + dt.timedelta(days=n)})
        for n in range(SHOWN + 2)
    ]
    waiting = [
        factory.gift(given_on=D(2026, 9, 1) + dt.timedelta(days=n)) for n in range(SHOWN + 3)
    ]
    found = gifts_waiting(factory.home, first=SHOWN)
    assert (found.to_tell_total, found.to_decide_total) == (SHOWN + 2, SHOWN + 3)
    assert sorted(g.pk for g in found.to_tell) == [g.pk for g in decided[:SHOWN]]
    assert sorted(g.pk for g in found.to_decide) == [g.pk for g in waiting[:SHOWN]]
    lists = {w.key: w for w in today_for(factory.home, today=ON, is_officer=True).lists}
    letters, decisions = lists[ListKey.LETTERS], lists[ListKey.DECISIONS]
    assert (letters.total, decisions.total) == (SHOWN + 2, SHOWN + 3)
    assert [item.on for item in letters.items] == [g.decided_on for g in decided[:SHOWN]]
    assert [item.on for item in decisions.items] == [g.declared_on for g in waiting[:SHOWN]]


def test_an_action_a_member_of_staff_owns_shows_their_name_in_the_same_queries_mtg_6(
    factory: Factory,
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 16))
    owner = factory.officer(first_name="Sam", last_name="Staff")

    def action() -> None:
        Action.objects.create(
            meeting=meeting,
            description="Write to the repairs contractor",
            owner_user=owner,
            due_on=D(2026, 11, 24),
            recorded_at=timezone.now(),
            recorded_by=owner,
        )

    def read() -> tuple[int, list[str]]:
        with CaptureQueriesContext(connection) as captured:
            lists = today_for(factory.home, today=ON, is_officer=True).lists
        deadlines = next(w for w in lists if w.key is ListKey.DEADLINES)
        return len(captured), [item.member for item in deadlines.items]

    action()
    few, names = read()
    assert names == ["Sam Staff"]
    for _ in range(4):
        action()
    assert read() == (few, ["Sam Staff"] * 5)
