"""What an organisation's staff have to do: deadlines due in the next few working days
or overdue, concerns waiting for triage, letters waiting to be sent, signatures waiting
for countersignature, declarations overdue for review, gifts and missed-meetings
decisions waiting for a meeting, and subject access requests waiting for an answer.

The page and the API read the same :class:`Today`. Every list is read in a fixed number
of queries whatever the number of records, and at most ``SHOWN`` items of each list are
given, with the total and the page holding them all. Deadlines are counted on the
organisation's own working calendar, within the same number of working days as the role
holders' daily digest.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from panelkeeper.cases.due import next_deadlines_due, soon_limit
from panelkeeper.concerns.models import Concern
from panelkeeper.letters.reminders import DIGEST_WORKING_DAYS
from panelkeeper.meetings.models import Action, MissedMeetings
from panelkeeper.members.documents import (
    documents_of_version,
    documents_with_versions,
    newest_version,
)
from panelkeeper.members.models import Countersignature, Document, Signature
from panelkeeper.organisations.in_force import calendar_for, loadable_policy_of, version_on
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year
from panelkeeper.subject_access.due import open_requests
from panelkeeper.today.queries import (
    GiftsWaiting,
    first_and_count,
    gifts_waiting,
    outcomes_to_tell,
    overdue_declarations,
    resigning_to_ask,
)

# Items shown of each list; the rest are on the page the list links to.
SHOWN = 20


class ItemKind(StrEnum):
    """What an item is; the API's enum."""

    CASE_DEADLINE = "case_deadline"
    ACTION = "action"
    CONCERN = "concern"
    OUTCOME_LETTER = "outcome_letter"
    GIFT_LETTER = "gift_letter"
    RESIGN_LETTER = "resign_letter"
    COUNTERSIGNATURE = "countersignature"
    DECLARATION_REVIEW = "declaration_review"
    GIFT_DECISION = "gift_decision"
    MISSED_MEETINGS_DECISION = "missed_meetings_decision"
    SUBJECT_ACCESS_REQUEST = "subject_access_request"


Kind = ItemKind  # the OpenAPI names enums by class: one name each


class ListKey(StrEnum):
    """Which list of the page an item is on; the API's enum."""

    DEADLINES = "deadlines"
    CONCERNS = "concerns"
    LETTERS = "letters"
    COUNTERSIGNATURES = "countersignatures"
    DECLARATIONS = "declarations"
    DECISIONS = "decisions"
    SUBJECT_ACCESS = "subject_access"


@dataclass(frozen=True)
class Item:
    """One thing to do. ``on`` is the date it is due, or the date it began waiting
    (``due`` says which), and ``overdue`` whether that due date has passed; ``left`` is
    what is left until it is due, in working days when ``working_days``, else in calendar
    days, negative once overdue; ``link`` opens the page that acts on it, and
    ``link_text`` names that page."""

    kind: Kind
    what: str
    member: str
    on: dt.date
    due: bool
    overdue: bool
    left: int | None
    working_days: bool
    link: str
    link_text: str

    @property
    def when(self) -> str:
        """The date in words, with what is left of it."""
        date = day_month_year(self.on)
        if not self.due:
            return f"Since {date}"
        unit = "working day" if self.working_days else "day"
        if self.overdue:
            if self.left is None or self.left >= 0:
                return f"Overdue since {date}"
            late = -self.left
            return f"Overdue since {date}: {late} {unit}{'s' if late != 1 else ''} late"
        if self.left is None:
            return f"Due {date}"
        if self.left == 0:
            return f"Due today, {date}"
        return f"Due {date}: {self.left} {unit}{'s' if self.left != 1 else ''} left"


@dataclass(frozen=True)
class Waiting:
    key: ListKey
    heading: str
    none: str
    items: tuple[Item, ...]
    total: int
    all_link: str
    all_text: str

    @property
    def more(self) -> int:
        return self.total - len(self.items)


@dataclass(frozen=True)
class Today:
    organisation: Organisation
    today: dt.date
    within: int
    lists: tuple[Waiting, ...]
    code: PolicyVersion | None
    """The version of the code in force on ``today``, which the lists were read under."""


def _since(kind: Kind, what: str, member: str, since: dt.date, link: str, link_text: str) -> Item:
    """Something waiting since a date, with no date it is due by."""
    return Item(kind, what, member, since, False, False, None, False, link, link_text)


def _due(
    kind: Kind, what: str, member: str, due: dt.date, left: int | None, link: str, text: str,
    *, today: dt.date, working_days: bool = True,
) -> Item:  # fmt: skip
    """Something due by a date, overdue once that date has passed."""
    return Item(kind, what, member, due, True, due < today, left, working_days, link, text)


def _url(name: str, organisation: Organisation, **kwargs: object) -> str:
    return reverse(name, kwargs={"org": organisation.slug, **kwargs})


def _waiting(
    key: ListKey,
    heading: str,
    none: str,
    items: Sequence[Item],
    all_of: tuple[str, str],
    *,
    total: int | None = None,
) -> Waiting:
    """The first ``SHOWN`` of ``items`` by date, and the total: ``total`` where the items
    are only the first of each kind, else every item; ``all_of`` is the page that lists
    them all, and its name."""
    shown = tuple(sorted(items, key=lambda i: (i.on, i.member, i.what))[:SHOWN])
    return Waiting(key, heading, none, shown, len(items) if total is None else total, *all_of)


@dataclass(frozen=True)
class _Asked:
    organisation: Organisation
    today: dt.date
    within: int
    is_officer: bool
    calendar: WorkingCalendar
    code: PolicyVersion | None
    """The version of the code in force on ``today``, read once for every list."""

    @cached_property
    def documents(self) -> list[Document]:
        """The organisation's documents with their versions, read once for the lists that
        need them."""
        return documents_with_versions(self.organisation)

    @cached_property
    def gifts(self) -> GiftsWaiting:
        """The gifts waiting to be told and waiting for a meeting, read once for the two
        lists that show them."""
        return gifts_waiting(self.organisation, first=SHOWN)

    def url(self, name: str, **kwargs: object) -> str:
        return _url(name, self.organisation, **kwargs)

    def left(self, due: dt.date) -> int:
        return self.calendar.working_days_between(self.today, due)

    def acts(self, officer: tuple[str, str], reader: tuple[str, str]) -> tuple[str, str]:
        """The link and its text: the page where an officer acts, or, for an auditor, the
        page that lists it."""
        return officer if self.is_officer else reader


def _deadlines(asked: _Asked) -> Waiting:
    """Case deadlines (BR-5, BR-11, BR-12) and meeting actions (MTG-6) due soon or overdue:
    each case once, by its next deadline (its page has the others), and each action."""
    organisation, today, within = asked.organisation, asked.today, asked.within
    cases, case_total = next_deadlines_due(
        organisation, today=today, within=within, first=SHOWN, calendar=asked.calendar
    )
    items = [
        _due(
            Kind.CASE_DEADLINE,
            found.label,
            found.member,
            found.due,
            found.left,
            asked.url("cases:detail", pk=found.case.pk),
            f"Case {found.case.reference}",
            today=today,
            working_days=found.working_days,
        )
        for found in cases
    ]
    actions, actions_total = first_and_count(
        Action.objects.filter(
            meeting__group__organisation=organisation,
            done_on__isnull=True,
            due_on__lt=soon_limit(asked.calendar, today=today, within=within),
        )
        .select_related("owner_member", "owner_user", "meeting")
        # What the list shows of each: the action, its meeting's date and its owner's name.
        .only(
            "description",
            "due_on",
            "meeting__date",
            "owner_member__full_name",
            "owner_user__first_name",
            "owner_user__last_name",
            "owner_user__email",
        ),
        "due_on",
        "id",
        first=SHOWN,
    )
    items += [
        _due(
            Kind.ACTION,
            f"Action from the meeting on {day_month_year(action.meeting.date)}: "
            f"{action.description}",
            str(action.owner_member or action.owner_user or ""),
            action.due_on,
            asked.left(action.due_on),
            asked.url("meetings:actions"),
            "Actions still open",
            today=today,
        )
        for action in actions
    ]
    return _waiting(
        ListKey.DEADLINES,
        "Deadlines",
        f"Nothing is due in the next {within} working days, and nothing is overdue.",
        items,
        (asked.url("cases:list"), "Breach cases"),
        total=case_total + actions_total,
    )


def _lower_first(text: str) -> str:
    """ "A member of staff" as it reads inside a sentence: "a member of staff"."""
    return text[:1].lower() + text[1:]


def _concerns(asked: _Asked) -> Waiting:
    """Concerns received and not yet triaged (BR-1, BR-2)."""
    concerns, total = first_and_count(
        Concern.objects.filter(
            organisation=asked.organisation, status=Concern.Status.RECEIVED
        ).only("about", "reporter_kind", "received_at"),
        "received_at",
        "id",
        first=SHOWN,
    )
    items = [
        _since(
            Kind.CONCERN,
            f"{concern.get_about_display()}, raised by "
            + _lower_first(concern.get_reporter_kind_display()),
            "",
            received,
            asked.url("concerns:detail", pk=concern.pk),
            f"Concern received {day_month_year(received)}",
        )
        for concern in concerns
        if (received := timezone.localdate(concern.received_at))
    ]
    return Waiting(
        ListKey.CONCERNS,
        "Concerns waiting for triage",
        "No concern is waiting for triage.",
        tuple(items),
        total,
        asked.url("concerns:list"),
        "Concerns",
    )


def _letters(asked: _Asked) -> Waiting:
    """Outcomes not yet confirmed in writing (BR-11), gifts whose result the member has
    not been told (GIFT-2), and members not yet asked to sign a new version of a document
    (MEM-6), waiting since that version was published."""
    to_send = asked.url("letters:to_send")
    resigning, resigning_total = resigning_to_ask(
        asked.organisation,
        on=asked.today,
        first=SHOWN,
        policy=loadable_policy_of(asked.code),
        documents=lambda: asked.documents,
    )
    cases, cases_total = first_and_count(
        outcomes_to_tell(asked.organisation), "decided_on", "member__full_name", "id", first=SHOWN
    )
    items = [
        _since(
            Kind.OUTCOME_LETTER,
            f"The outcome of case {case.reference}",
            str(case.member),
            getattr(case, "decided_on"),  # noqa: B009 (annotated)
            *asked.acts(
                (
                    asked.url("letters:issue", case=case.pk),
                    f"Send a letter for case {case.reference}",
                ),
                (to_send, "Letters to send"),
            ),
        )
        for case in cases
    ]
    gifts, gifts_total = asked.gifts.to_tell, asked.gifts.to_tell_total
    items += [
        _since(
            Kind.GIFT_LETTER,
            f"What happens to a gift: {gift.description}",
            str(gift.member),
            gift.decided_on or gift.declared_on,
            to_send,
            "Letters to send",
        )
        for gift in gifts
    ]
    items += [
        _since(
            Kind.RESIGN_LETTER,
            f"Ask them to sign the {resign.title}, version {resign.version.label} "
            f"(they signed version {resign.signed_label})",
            str(resign.member),
            resign.version.published_on,
            f"{to_send}#new-versions",
            "Letters to send",
        )
        for resign in resigning
    ]
    return _waiting(
        ListKey.LETTERS,
        "Letters waiting to be sent",
        "No outcome, gift or re-signing letter is waiting to be sent.",
        items,
        (to_send, "Letters to send"),
        total=cases_total + gifts_total + resigning_total,
    )


def _countersignatures(asked: _Asked) -> Waiting:
    """Signatures of the current version of each document that wait for the
    organisation's countersignature, where the code asks for one (MEM-4)."""
    code = documents_of_version(asked.organisation, asked.code)
    items: list[Item] = []
    total = 0
    current = []
    if code is not None and code.countersigned_by is not None:
        current = [
            newest.pk
            for document in asked.documents
            if (
                newest := newest_version(
                    v for v in document.versions.all() if v.published_on <= asked.today
                )
            )
        ]
    # Without a version to sign, nothing waits: no query is built.
    if current:
        signature = OuterRef("pk")
        waiting = (
            Signature.objects.filter(
                version__in=current, member__group__organisation=asked.organisation
            )
            .exclude(Exists(Countersignature.objects.filter(signature=signature)))
            .exclude(Exists(Signature.objects.filter(corrects=signature)))
            .select_related("member", "version__document")
        )
        signatures, total = first_and_count(
            waiting, "signed_on", "member__full_name", "id", first=SHOWN
        )
        items = [
            _since(
                Kind.COUNTERSIGNATURE,
                f"{signature.version.document.title}, version {signature.version.label}",
                str(signature.member),
                signature.signed_on,
                asked.url("members:detail", pk=signature.member_id),
                signature.member.full_name,
            )
            for signature in signatures
        ]
    return _waiting(
        ListKey.COUNTERSIGNATURES,
        "Signatures waiting for countersignature",
        "No signature is waiting for countersignature.",
        items,
        (asked.url("members:documents"), "Documents"),
        total=total,
    )


def _declarations(asked: _Asked) -> Waiting:
    """Members whose declaration of interests is overdue for review (COI-1)."""
    overdue, total = overdue_declarations(asked.organisation, on=asked.today, first=SHOWN)
    items = [
        _due(
            Kind.DECLARATION_REVIEW,
            "Declaration of interests to review",
            str(member),
            state.due,
            asked.left(state.due),
            asked.url("registers:member", member=member.pk),
            f"Register of {member.full_name}",
            today=asked.today,
        )
        for member, state in overdue
    ]
    return _waiting(
        ListKey.DECLARATIONS,
        "Declarations overdue for review",
        "Every declaration of interests is up to date.",
        items,
        (asked.url("registers:interests"), "Register of interests"),
        total=total,
    )


def _decisions(asked: _Asked) -> Waiting:
    """Gifts (GIFT-2) and missed-meetings decisions (MTG-2) waiting for a meeting."""
    gifts, gifts_total = asked.gifts.to_decide, asked.gifts.to_decide_total
    items = [
        _since(
            Kind.GIFT_DECISION,
            f"A gift or hospitality: {gift.description}"
            + (f" (on the agenda for {day_month_year(gift.agenda_on)})" if gift.agenda_on else ""),
            str(gift.member),
            gift.declared_on,
            *asked.acts(
                (asked.url("registers:decide_gift", pk=gift.pk), "Decide what happens to a gift"),
                (asked.url("registers:gifts"), "Gifts and hospitality"),
            ),
        )
        for gift in gifts
    ]
    missed, missed_total = first_and_count(
        MissedMeetings.objects.open()
        .filter(group__organisation=asked.organisation)
        .select_related("member")
        .only("missed", "opened_on", "member__full_name"),
        "opened_on",
        "member__full_name",
        "id",
        first=SHOWN,
    )
    items += [
        _since(
            Kind.MISSED_MEETINGS_DECISION,
            f"{decision.missed} meetings missed in a row",
            str(decision.member),
            decision.opened_on,
            *asked.acts(
                (asked.url("meetings:decide_missed", pk=decision.pk), str(decision)),
                (
                    asked.url("meetings:member_attendance", member=decision.member_id),
                    f"Attendance of {decision.member}",
                ),
            ),
        )
        for decision in missed
    ]
    return _waiting(
        ListKey.DECISIONS,
        "Decisions waiting for a meeting",
        "No gift or missed-meetings decision is waiting for a meeting.",
        items,
        (asked.url("meetings:list"), "Meetings"),
        total=gifts_total + missed_total,
    )


def _subject_access(asked: _Asked) -> Waiting:
    """Subject access requests not yet answered, soonest due first; a paused one shows
    since when it waits on the person who asked."""
    items = []
    for found in open_requests(asked.organisation, today=asked.today):
        link = asked.url("subject_access:detail", pk=found.request.pk)
        text = f"Request {found.request.reference}"
        kind, person, clock = Kind.SUBJECT_ACCESS_REQUEST, found.request.person, found.clock
        if clock.paused_since is not None:
            what = "Subject access request, paused"
            items.append(_since(kind, what, person, clock.paused_since, link, text))
        else:
            what = "Subject access request"
            items.append(
                _due(kind, what, person, clock.due, found.left, link, text, today=asked.today)
            )
    return _waiting(
        ListKey.SUBJECT_ACCESS,
        "Subject access requests",
        "No subject access request is waiting for an answer.",
        items,
        (asked.url("subject_access:list"), "Data protection"),
    )


# Officers see every list; auditors all but concerns, which carry reporters' names and
# contact details and are for officers only.
_LISTS: tuple[tuple[Callable[[_Asked], Waiting], bool], ...] = (
    (_deadlines, False),
    (_concerns, True),
    (_letters, False),
    (_countersignatures, False),
    (_declarations, False),
    (_decisions, False),
    (_subject_access, False),
)


def today_for(
    organisation: Organisation,
    *,
    today: dt.date,
    is_officer: bool,
    within: int = DIGEST_WORKING_DAYS,
) -> Today:
    """Everything waiting at ``organisation`` on ``today``, as its officers (or, without
    ``is_officer``, its auditors) see it."""
    code = version_on(organisation, on=today)
    asked = _Asked(organisation, today, within, is_officer, calendar_for(organisation), code)
    lists = tuple(
        build(asked) for build, officers_only in _LISTS if is_officer or not officers_only
    )
    return Today(organisation, today, within, lists, code)
