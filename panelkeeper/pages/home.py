"""A member's home: what they need to do next and where everything of theirs is.

Everything on it is read here in a fixed number of queries, whatever the number of
meetings, actions, letters or claims a member has: each list is cut to its first few and
links to the page that holds the rest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, Func, IntegerField, QuerySet, Subquery

from panelkeeper.cases.member_words import CaseWords, case_in_words
from panelkeeper.cases.models import Case
from panelkeeper.letters.models import Letter
from panelkeeper.meetings.models import Action, Attendance, Meeting, MeetingStatus
from panelkeeper.meetings.queries import with_apologies_sent
from panelkeeper.members.eligibility import DocumentCheck, Eligibility, Hurdle, eligibility
from panelkeeper.members.models import Expense, Member
from panelkeeper.registers.interests import ReviewState, review_months_of, review_state
from panelkeeper.registers.models import Gift, Interest, Review
from panelkeeper.registers.routing import GiftRoute, gift_route
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.policy.loader import Policy

SHOWN = 5
"""How many of each list the home shows; the section's own page has the rest."""

SIGNABLE = (Hurdle.UNSIGNED, Hurdle.OUTDATED)


@dataclass(frozen=True)
class NextMeeting:
    meeting: Meeting
    apologies: Attendance | None
    """The member's apologies for it, once sent."""


@dataclass(frozen=True)
class Standing:
    """Whether the member can take part, in words: a headline, what to do, and a colour
    only when something is wrong that the member did not simply have still to do."""

    can_take_part: bool
    headline: str
    todo: tuple[str, ...]
    worry: bool


@dataclass(frozen=True)
class Register:
    """What the home says of the member's interests and gifts: how many there are, when to
    check them again (COI-1), and whether the code keeps a gifts register (GIFT-1); their
    own page lists them."""

    current: int
    """Interests in effect today."""
    gifts: int
    review: ReviewState
    gift_route: GiftRoute | None


@dataclass(frozen=True)
class Home:
    member: Member
    today: dt.date
    standing: Standing
    to_sign: tuple[DocumentCheck, ...]
    register: Register
    meetings: tuple[NextMeeting, ...]
    actions: tuple[Action, ...]
    letters: tuple[Letter, ...]
    case: CaseWords | None
    expenses: tuple[Expense, ...]


def _next_meetings(member: Member, today: dt.date) -> tuple[NextMeeting, ...]:
    # Of each meeting only what the home shows: its date and time.
    meetings = (
        Meeting.objects.filter(
            group_id=member.group_id, status=MeetingStatus.SCHEDULED, date__gte=today
        )
        .only("date", "starts_at")
        .order_by("date", "starts_at", "id")[:3]
    )
    return tuple(NextMeeting(m, sent) for m, sent in with_apologies_sent(member, meetings))


def standing(answer: Eligibility, next_meeting: Meeting | None) -> Standing:
    """What the eligibility answer means for the member, and what they can do about it.

    Documents still to sign are a task, not a fault: they are worded as the next step,
    with the next meeting's date when there is one (MEM-2, MEM-3)."""
    if answer.eligible:
        return Standing(True, "You can take part in meetings.", (), False)
    before = f" before the meeting on {day_month_year(next_meeting.date)}" if next_meeting else ""
    todo: list[str] = []
    waiting: list[str] = []
    worry = False
    for reason in answer.reasons:
        if reason.hurdle in SIGNABLE:
            title = _title(answer, reason.document_key)
            todo.append(f"Sign the {title}{before}.")
        elif reason.hurdle is Hurdle.NOT_COUNTERSIGNED:
            title = _title(answer, reason.document_key)
            waiting.append(f"We are checking the {title} you signed. You need do nothing.")
        elif reason.hurdle is Hurdle.NO_TEXT:
            waiting.append("We have a document still to send you. We will tell you when.")
        elif reason.hurdle is Hurdle.NOT_STARTED:
            waiting.append(f"{reason.message}.")
        else:
            worry = True
            waiting.append(f"{reason.message}.")
    if todo:
        headline = "You can take part once you have signed your papers."
    elif worry:
        headline = "You cannot take part in meetings at the moment."
    else:
        headline = "You can take part soon."
    return Standing(False, headline, (*todo, *waiting), worry)


def _title(answer: Eligibility, key: str | None) -> str:
    return next((c.title for c in answer.documents if c.key == key), "document")


def _case(member: Member, today: dt.date, *, any_case: bool) -> CaseWords | None:
    """The member's latest case, if they have one (``any_case``, counted with their numbers):
    told in full; the rest are on their cases page. The member's cases are read in one
    query, the latest with the earlier ones its code counts (BR-8); their member and
    organisation are those the home has read already."""
    if not any_case:
        return None
    cases = list(
        Case.objects.filter(member=member)
        .select_related("policy_version")
        .order_by("-began_on", "-id")
    )
    if not cases:
        return None
    latest, *others = cases
    latest.member, latest.organisation = member, member.group.organisation
    return case_in_words(latest, today=today, others=others)


def _counted(rows: QuerySet[Any]) -> Subquery:
    """How many ``rows`` there are, as a column of another query: a count with no grouping,
    so one row whatever their number, 0 for none."""
    counted = rows.order_by().annotate(n=Func("pk", function="COUNT")).values("n")
    return Subquery(counted, output_field=IntegerField())


def _numbers(member: Member, today: dt.date) -> Mapping[str, Any]:
    """What the home counts or looks up of the member, in one query: their interests in
    effect today, their gifts, their latest review, the organisation's review period, and
    whether they have a case at all (so that a member with none costs no case query)."""
    latest = Review.objects.filter(member=member).order_by("-reviewed_on")
    return (
        Member.objects.filter(pk=member.pk)
        .values(
            current_interests=_counted(Interest.objects.filter(member=member).current(on=today)),
            gifts_declared=_counted(Gift.objects.filter(member=member)),
            last_reviewed=Subquery(latest.values("reviewed_on")[:1]),
            review_months=review_months_of(member.group.organisation),
            any_case=Exists(Case.objects.filter(member=member)),
        )
        .get()
    )


def _register(
    member: Member, numbers: Mapping[str, Any], today: dt.date, code: Policy | None
) -> Register:
    """What the home says of the registers, from the member's ``numbers``, under ``code``,
    the code in force today."""
    return Register(
        current=numbers["current_interests"],
        gifts=numbers["gifts_declared"],
        review=review_state(
            member,
            last_reviewed=numbers["last_reviewed"],
            months=numbers["review_months"],
            today=today,
        ),
        gift_route=gift_route(code),
    )


def member_home(member: Member, *, today: dt.date) -> Home:
    answer = eligibility(member, on=today)
    meetings = _next_meetings(member, today)
    numbers = _numbers(member, today)
    return Home(
        member=member,
        today=today,
        standing=standing(answer, meetings[0].meeting if meetings else None),
        to_sign=tuple(c for c in answer.documents if c.state in SIGNABLE and c.current_pk),
        # The code in force today, as eligibility read it: not looked up a second time.
        register=_register(member, numbers, today, answer.policy),
        meetings=meetings,
        actions=tuple(
            # What the list shows of each: what to do and by when.
            Action.objects.filter(owner_member=member, done_on__isnull=True)
            .only("description", "due_on")
            .order_by("due_on", "id")[:SHOWN]
        ),
        letters=tuple(
            # What the list shows of each: not its text, HTML or PDF, nor who issued it.
            Letter.objects.filter(member=member)
            .to_member()
            .only("subject", "issued_on")
            .order_by("-issued_on", "-id")[:SHOWN]
        ),
        case=_case(member, today, any_case=numbers["any_case"]),
        expenses=tuple(
            # What the list shows of each claim: its kind, amount, activity and state.
            member.expenses.only("kind", "amount", "activity", "state").order_by(
                "-activity_on", "-id"
            )[:SHOWN]
        ),
    )
