"""The kinds of record that hold personal data, and how long each is kept by default.

This is the one place that knows them (apps above this one add theirs with
:func:`register` when they are ready): for each kind, the records it covers, the event
its time counts from, how a record goes (removed whole, or anonymised) and what a legal
hold on a member, a case or a concern protects. The schedule (:mod:`.schedule`), the
purge (:mod:`.purge`) and the pages read it; no other app knows a retention period.

The defaults follow common practice for UK social landlords: six years for anything
that may be needed in a claim or an audit (the limitation period for most claims, and
HMRC's for payments), one year for a concern that led nowhere.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Coalesce, Lower, TruncDate

from panelkeeper.cases.models import Case, CaseEvent, CaseState
from panelkeeper.concerns.models import Concern
from panelkeeper.core.models import Removal
from panelkeeper.letters.models import Dispatch, Letter
from panelkeeper.meetings.models import Attendance
from panelkeeper.members.models import Expense, Member, Signature
from panelkeeper.organisations.models import Organisation
from panelkeeper.outbox.models import Message as Email
from panelkeeper.outbox.models import Status
from panelkeeper.registers.models import Gift, Interest
from panelkeeper.retention import removal
from panelkeeper.rules.calendar.working_days import add_months
from panelkeeper.rules.ladder.case_model import EventKind
from panelkeeper.rules.ladder.model import NO_BREACH

AUDIT = "audit_entries"


@dataclass(frozen=True)
class Holds:
    """The ids of the records under a legal hold in force in one organisation."""

    members: frozenset[int]
    cases: frozenset[int]
    concerns: frozenset[int]

    def covering_member(self, field: str = "member") -> Q:
        return _any_of({f"{field}__in": self.members})

    def covering_case(self, field: str = "") -> Q:
        """A case is held itself, through the member it is about, or through its concern."""
        prefix = f"{field}__" if field else ""
        return _any_of(
            {
                f"{prefix}pk__in": self.cases,
                f"{prefix}member__in": self.members,
                f"{prefix}concern__in": self.concerns,
            }
        )


def _any_of(held: dict[str, frozenset[int]]) -> Q:
    """Records under any of the ``held`` look-ups, leaving out those with nothing held: a
    look-up of no ids matches nothing, but would still join the table it names."""
    covering = Q()
    for lookup, ids in held.items():
        if ids:
            covering |= Q(**{lookup: ids})
    return covering


@dataclass(frozen=True)
class Part:
    """One model's records of a kind: those of an organisation that are not held, each
    annotated with ``counted_from`` (the day its time starts), and how one goes."""

    candidates: Callable[[Organisation, Holds], QuerySet[Any]]
    describe: Callable[[Any], str]
    remove: Callable[[Any], None]
    remove_all: Callable[[list[Any]], None] | None = None
    """``remove`` for many records at once, where the part has a way to: the purge then
    takes them in batches (:data:`~.purge.BATCH`)."""


@dataclass(frozen=True)
class RecordKind:
    key: str
    label: str
    counted_from: str
    what_happens: str
    default_months: int
    parts: Sequence[Part] = ()


@functools.cache
def _last_outcome() -> Coalesce:
    """A case's outcome as it stands: the last one recorded (an appeal may vary it), or
    else its last informal step (one that closes a case, such as a verbal warning, is
    its outcome). Made once: a query resolves a copy of each expression it is given."""
    events = CaseEvent.objects.filter(case=OuterRef("pk")).order_by(
        "-effective", "-recorded_at", "-id"
    )
    outcome = events.exclude(outcome="").values("outcome")[:1]
    step = events.filter(kind=EventKind.INFORMAL_STEP).values("step")[:1]
    return Coalesce(Subquery(outcome), Subquery(step), Value(""))


@functools.cache
def _last_step_on() -> Subquery:
    """The day a case's last step took effect: one probe of the index on its steps' order
    per case, where grouping by case would join every step of every case. Made once, as
    ``_last_outcome``."""
    last = CaseEvent.objects.filter(case=OuterRef("pk")).order_by("-effective")
    return Subquery(last.values("effective")[:1])


type Closed = Callable[[QuerySet[Case]], QuerySet[Case]]

# A breach found at a level, and a case that was decided at all: with a level found, or
# closed by an informal step (its level is empty).
_FOUND = Q(state=CaseState.CLOSED) & ~Q(level__in=[NO_BREACH, ""])
_DECIDED = Q(state=CaseState.CLOSED) & ~Q(level=NO_BREACH)


def _closed_cases(which: Closed) -> Callable[[Organisation, Holds], QuerySet[Case]]:
    """Closed and withdrawn cases narrowed by ``which``, which may filter on the alias
    ``outcome_key`` (a case's outcome as it stands)."""

    def candidates(organisation: Organisation, holds: Holds) -> QuerySet[Case]:
        closed = (
            Case.objects.of(organisation)
            .filter(state__in=[CaseState.CLOSED, CaseState.WITHDRAWN])
            # An alias, not a column: only the filters on decided cases read it, so the
            # database looks up no withdrawn case's events for it.
            .alias(outcome_key=_last_outcome())
        )
        return (
            which(closed)
            .exclude(holds.covering_case())
            .annotate(counted_from=_last_step_on())
            .select_related("member")
        )

    return candidates


def _concerns(anonymous: bool) -> Callable[[Organisation, Holds], QuerySet[Concern]]:
    def candidates(organisation: Organisation, holds: Holds) -> QuerySet[Concern]:
        return (
            Concern.objects.filter(
                organisation=organisation, status=Concern.Status.CLOSED, anonymous=anonymous
            )
            .exclude(pk__in=holds.concerns)
            .annotate(counted_from=F("closed_on"))
        )

    return candidates


def _ended_members(organisation: Organisation, holds: Holds) -> QuerySet[Member]:
    anonymised = Removal.objects.filter(record_table="members_member", record_id=OuterRef("pk"))
    members = (
        Member.objects.of(organisation)
        .filter(ended_on__isnull=False)
        .exclude(Exists(anonymised))
        .exclude(holds.covering_member("pk"))
        .annotate(counted_from=F("ended_on"))
    )
    if holds.cases:
        held_case = Case.objects.filter(member=OuterRef("pk"), pk__in=holds.cases)
        members = members.exclude(Exists(held_case))
    return members


def _of_members(
    records: Callable[[Organisation], QuerySet[Any]], counted_from: Combinable
) -> Callable[[Organisation, Holds], QuerySet[Any]]:
    """A part of members' own records: those of members not held, counted from
    ``counted_from`` (an expression)."""

    def candidates(organisation: Organisation, holds: Holds) -> QuerySet[Any]:
        kept: QuerySet[Any] = records(organisation).exclude(holds.covering_member())
        counted: QuerySet[Any] = kept.annotate(counted_from=counted_from)
        return counted.select_related("member")

    return candidates


_letters = _of_members(
    lambda o: Letter.objects.filter(organisation=o, case__isnull=True, gift__isnull=True),
    F("issued_on"),
)
_signatures = _of_members(
    # A correction goes with the signature it corrects.
    lambda o: Signature.objects.filter(
        member__group__organisation=o, member__ended_on__isnull=False, corrects__isnull=True
    ).select_related("version__document"),
    F("member__ended_on"),
)
_interests = _of_members(
    lambda o: Interest.objects.filter(organisation=o, ends_on__isnull=False), F("ends_on")
)
_gifts = _of_members(lambda o: Gift.objects.filter(organisation=o), F("given_on"))
_apologies = _of_members(
    lambda o: Attendance.objects.filter(meeting__group__organisation=o).exclude(reason=""),
    F("meeting__date"),
)


def _emails(organisation: Organisation, holds: Holds) -> QuerySet[Email]:
    """The copies of emails sent, or given up on, to anyone; not those to a member on
    hold, nor the letters about a held case, concern or member. One still to be sent
    stays. A copy's key (``Email.key``) keeps an email from being posted twice by a job
    run again on its day; a copy goes long after any such day."""
    emails = Email.objects.filter(
        organisation=organisation, status__in=[Status.SENT, Status.FAILED]
    ).annotate(counted_from=TruncDate(Coalesce("sent_at", "failed_at")))
    if holds.members:
        held_members = Member.objects.filter(pk__in=holds.members)
        held_addresses = [
            address.lower()
            for pair in held_members.values_list("email", "user__email")
            for address in pair
            if address
        ]
        emails = emails.alias(address=Lower("to_address")).exclude(address__in=held_addresses)
    if holds.members or holds.cases or holds.concerns:
        held_letters = Dispatch.objects.filter(
            Q(letter__member__in=holds.members)
            | Q(letter__case__in=holds.cases)
            | Q(letter__case__member__in=holds.members)
            | Q(letter__case__concern__in=holds.concerns)
        )
        held_keys = [f"letter-dispatch:{pk}" for pk in held_letters.values_list("pk", flat=True)]
        emails = emails.exclude(key__in=held_keys)
    return emails


def _email_words(email: Email) -> str:
    return f"Email to {email.to_name or email.to_address}: {email.subject}"


_expenses = _of_members(
    lambda o: Expense.objects.filter(member__group__organisation=o),
    Coalesce("paid_on", "decided_on", "activity_on"),
)


def _case_words(case: Case) -> str:
    return f"Case {case.reference} about {case.member}"


UPHELD = "cases_upheld"
NOT_UPHELD = "cases_not_upheld"
_CASE_GOES = "The case goes with its steps, letters, the people on it and the concern it came from."

CASE_OUTCOME = RecordKind(
    "case_outcome",
    "Closed cases with the outcome",
    "the last step of the case",
    _CASE_GOES,
    72,
)
"""A period for one outcome of the organisation's code: one row of the schedule per
outcome the code in force names, each kept as long as cases that found a breach unless
the organisation sets its own (``RetentionPeriod.outcome``)."""


# Q keeps the annotation's name out of the type checker's field look-ups.


def upheld_parts(other_than: Sequence[str]) -> tuple[Part, ...]:
    """Closed cases that found a breach, but not with an outcome of ``other_than``."""

    def which(closed: QuerySet[Case]) -> QuerySet[Case]:
        return closed.filter(_FOUND).exclude(Q(outcome_key__in=list(other_than)))

    return (Part(_closed_cases(which), _case_words, removal.remove_case, removal.remove_cases),)


def not_upheld_parts(other_than: Sequence[str]) -> tuple[Part, ...]:
    """Cases closed with no breach found, or withdrawn, and cases closed by an informal
    step that is not one of ``other_than``."""

    def which(closed: QuerySet[Case]) -> QuerySet[Case]:
        return closed.exclude(_FOUND).exclude(_DECIDED & Q(outcome_key__in=list(other_than)))

    return (Part(_closed_cases(which), _case_words, removal.remove_case, removal.remove_cases),)


def outcome_parts(outcome: str) -> tuple[Part, ...]:
    """Closed cases decided with ``outcome`` as it stands: one the code names, or an
    informal step of the code that closed the case."""

    def which(closed: QuerySet[Case]) -> QuerySet[Case]:
        return closed.filter(_DECIDED & Q(outcome_key=outcome))

    return (Part(_closed_cases(which), _case_words, removal.remove_case, removal.remove_cases),)


KINDS: list[RecordKind] = [
    RecordKind(
        UPHELD,
        "Closed cases that found a breach",
        "the last step of the case",
        _CASE_GOES,
        72,
        upheld_parts(()),
    ),
    RecordKind(
        NOT_UPHELD,
        "Cases closed with no breach found, and withdrawn cases",
        "the last step of the case",
        _CASE_GOES,
        12,
        not_upheld_parts(()),
    ),
    RecordKind(
        "concerns_closed",
        "Concerns from a named person that were not taken forward",
        "the day the concern was closed",
        "The concern and the notes of each contact with the person who raised it go.",
        12,
        (Part(_concerns(anonymous=False), lambda c: f"Concern {c.pk}", removal.remove_concern),),
    ),
    RecordKind(
        "anonymous_reports",
        "Anonymous reports that were not taken forward",
        "the day the report was closed",
        "The report and every message about it go.",
        12,
        (
            Part(
                _concerns(anonymous=True),
                lambda c: f"Anonymous report {c.pk}",
                removal.remove_concern,
            ),
        ),
    ),
    RecordKind(
        "ended_members",
        "Members whose membership ended",
        "the day the membership ended",
        "The name, contact details, sign-in and appraisals are taken off the record; "
        "meetings and other people's cases still show that a former member took part.",
        72,
        (Part(_ended_members, lambda m: f"Member {m.pk}: {m}", removal.anonymise_member),),
    ),
    RecordKind(
        "letters",
        "Letters not about a case or a gift",
        "the day the letter was issued",
        "The letter and the record of its sending go. Letters about a case or a gift go with it.",
        72,
        (
            Part(
                _letters,
                lambda x: f"Letter to {x.to_name or x.member}: {x.subject}",
                removal.remove_letter,
            ),
        ),
    ),
    RecordKind(
        "signatures",
        "Signatures of members whose membership ended",
        "the day the membership ended",
        "The signature, its countersignatures and any scan of the paper copy go.",
        72,
        (
            Part(
                _signatures,
                lambda s: f"Signature of {s.member} on {s.version.document}",
                removal.remove_signature,
            ),
        ),
    ),
    RecordKind(
        "declarations",
        "Declarations of interests, and of gifts or hospitality",
        "the day an interest ended, or the day a gift was given",
        "The declaration goes, with any letter about a gift.",
        72,
        (
            Part(
                _interests,
                lambda i: f"Interest declared by {i.member}: {i.description}",
                lambda i: i.delete(),
            ),
            Part(
                _gifts,
                lambda g: f"Gift or hospitality declared by {g.member}: {g.description}",
                removal.remove_gift,
            ),
        ),
    ),
    RecordKind(
        "apologies",
        "Reasons given with apologies for meetings",
        "the day of the meeting",
        "The reason is cleared; who attended stays with the meeting.",
        24,
        (
            Part(
                _apologies,
                lambda a: f"Reason {a.member} gave for missing a meeting",
                removal.clear_apologies_reason,
                removal.clear_apologies_reasons,
            ),
        ),
    ),
    RecordKind(
        "expenses",
        "Expense and reward claims",
        "the day a claim was paid or decided, or else the day of the activity",
        "The claim goes.",
        72,
        (Part(_expenses, lambda e: f"Claim by {e.member} for {e.activity}", lambda e: e.delete()),),
    ),
    RecordKind(
        "emails",
        "Copies of emails sent",
        "the day the email was sent, or given up on",
        "The copy of the email and anything attached go. A letter keeps its own record "
        "of when and how it was sent.",
        12,
        (Part(_emails, _email_words, lambda e: e.delete()),),
    ),
    RecordKind(
        AUDIT,
        "Audit trail entries",
        "the day the entry was recorded",
        "The oldest entries go together; a sealed checkpoint says how many went, so the "
        "trail still checks. Entries keep who acted and when, never what they wrote.",
        72,
    ),
]
BY_KEY = {kind.key: kind for kind in KINDS}


def register(kind: RecordKind) -> None:
    """Add a kind of record held by an app above this one (the access log, subject access
    requests), just before the audit trail, which stays last; once, however often called."""
    if kind.key in BY_KEY:
        return
    KINDS.insert(len(KINDS) - 1, kind)
    BY_KEY[kind.key] = kind


def due_before(today: dt.date, months: int) -> dt.date:
    """Records counted from this day or before have been kept ``months`` by ``today``."""
    return add_months(today, -months)
