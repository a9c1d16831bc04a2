"""A member's home: what they need to do next and where everything of theirs is.

Everything on it is read here in a fixed number of queries, whatever the number of
meetings, actions, letters or claims a member has: each list is cut to its first few and
links to the page that holds the rest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from panelkeeper.cases.member_words import CaseWords, case_in_words
from panelkeeper.cases.models import Case
from panelkeeper.letters.models import Letter
from panelkeeper.meetings.models import Action, Attendance, Meeting, MeetingStatus
from panelkeeper.meetings.queries import apologies_sent
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
    meetings = list(
        Meeting.objects.filter(
            group_id=member.group_id, status=MeetingStatus.SCHEDULED, date__gte=today
        ).order_by("date", "starts_at", "id")[:3]
    )
    sent = apologies_sent(member, meetings)
    return tuple(NextMeeting(m, sent.get(m.pk)) for m in meetings)


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


def _case(member: Member, today: dt.date) -> CaseWords | None:
    """The member's latest case, if any: one, read in full; the rest are on their cases page.
    Its member and organisation are those the home has read already."""
    latest = (
        Case.objects.filter(member=member)
        .select_related("policy_version")
        .order_by("-began_on", "-id")
        .first()
    )
    if latest is None:
        return None
    latest.member, latest.organisation = member, member.group.organisation
    return case_in_words(latest, today=today)


def _counted(rows: QuerySet[Any]) -> Coalesce:
    """How many ``rows`` (of one member) there are, as a column of another query."""
    counted = rows.order_by().values("member").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted), 0)


def _register(member: Member, today: dt.date, code: Policy | None) -> Register:
    """What the home says of the registers, under ``code``, the code in force today: the
    member's numbers and the organisation's review period read in one query."""
    organisation = member.group.organisation
    mine = OuterRef("pk")
    latest = Review.objects.filter(member=mine).order_by("-reviewed_on")
    numbers = (
        Member.objects.filter(pk=member.pk)
        .values(
            current_interests=_counted(Interest.objects.filter(member=mine).current(on=today)),
            gifts_declared=_counted(Gift.objects.filter(member=mine)),
            last_reviewed=Subquery(latest.values("reviewed_on")[:1]),
            review_months=review_months_of(organisation),
        )
        .get()
    )
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
    return Home(
        member=member,
        today=today,
        standing=standing(answer, meetings[0].meeting if meetings else None),
        to_sign=tuple(c for c in answer.documents if c.state in SIGNABLE and c.current_pk),
        # The code in force today, as eligibility read it: not looked up a second time.
        register=_register(member, today, answer.policy),
        meetings=meetings,
        actions=tuple(
            Action.objects.filter(owner_member=member, done_on__isnull=True).order_by(
                "due_on", "id"
            )[:SHOWN]
        ),
        letters=tuple(
            # What the list shows of each: not its text, HTML or PDF, nor who issued it.
            Letter.objects.filter(member=member)
            .to_member()
            .only("subject", "issued_on")
            .order_by("-issued_on", "-id")[:SHOWN]
        ),
        case=_case(member, today),
        expenses=tuple(member.expenses.order_by("-activity_on", "-id")[:SHOWN]),
    )
