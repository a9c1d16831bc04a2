"""Pieces of work, the conflict check for each, and who is conflicted out (COI-2 to COI-4).

Meetings, cases and scrutiny projects each create a :class:`WorkItem` with
:func:`open_work_item`. :func:`conflict_check` lists the members whose interests are
current on the work's date, with any decision already recorded;
:func:`record_conflict_decision` records the decision the role named by the code takes
(Interpretation 12) and that the role the code names was told (COI-3), or a revision of
it when the decider reconsiders; :func:`conflicts_for` answers who is out of what on a
date, for a vote (meetings) or a seat (cases, COI-4).

Interpretation 11: receiving a report is not a conflict, so it is not among the grounds
a decision may give; having advised on the same matter, being a witness or being
implicated are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import IntegrityError, models, transaction
from django.db.models import Prefetch
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_changed
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.codes import code_on, day, no_code, pick_role
from panelkeeper.registers.models import (
    ConflictDecision,
    Decision,
    Grounds,
    Interest,
    WorkItem,
    WorkKind,
)
from panelkeeper.registers.routing import ConflictRoute, conflict_route

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def open_work_item(
    *, organisation: Organisation, kind: str, title: str, on: dt.date, actor: User | None
) -> WorkItem:
    """A piece of work conflicts are checked against; ``actor`` None when the system opens it."""
    if kind not in WorkKind.values:
        raise Refused("Select what kind of work it is.", field="kind")
    title = entered(title, field="title", missing="Enter a title for the work.")
    return create_recorded(
        WorkItem,
        organisation=organisation,
        actor=actor,
        action="work_item.opened",
        logged={"kind": kind, "title": title[:300], "on": on},
        created_at=timezone.now(),
        created_by=actor,
    )


def move_work_items(works: Iterable[WorkItem], *, on: dt.date, actor: User | None) -> None:
    """Move pieces of work to ``on`` (a meeting rescheduled): conflicts are then checked
    against the interests current on the new date. Decisions already taken stay."""
    with transaction.atomic():
        for work in works:
            save_changed(
                work,
                {"on": on},
                action="work_item.moved",
                actor=actor,
                organisation=work.organisation,
            )


def route_for(work: WorkItem) -> ConflictRoute:
    """The conflict rules of the code in force on the work's date; refused when none is."""
    route = conflict_route(code_on(work.organisation, work.on))
    if route is None:
        raise no_code(work.on)
    return route


def _members_on(work: WorkItem) -> models.QuerySet[Member]:
    """Members of the organisation on the work's date: those who left or had not yet
    joined take no part, so their interests raise no conflict."""
    return Member.objects.of(work.organisation).active(on=work.on)


@dataclass(frozen=True)
class Entry:
    """One decision in a member's history on a work, and the revision that replaced it."""

    decision: ConflictDecision
    replaced_by: ConflictDecision | None


@dataclass(frozen=True)
class CheckLine:
    """One member in a conflict check: their interests current on the day, and the
    decisions on them, latest first (``decision`` is the latest, or None)."""

    member: Member
    interests: tuple[Interest, ...]
    history: tuple[Entry, ...] = ()

    @property
    def decision(self) -> ConflictDecision | None:
        return self.history[0].decision if self.history else None


def histories(work: WorkItem, *, member: Member | None = None) -> dict[int, tuple[Entry, ...]]:
    """Member id → that member's decisions on ``work``, latest first (only ``member``'s
    when given). One query."""
    found = ConflictDecision.objects.filter(work=work)
    if member is not None:
        found = found.filter(member=member)
    rows: dict[int, list[ConflictDecision]] = {}
    for row in found.history().select_related("recorded_by"):
        rows.setdefault(row.member_id, []).append(row)
    return {
        pk: tuple(Entry(row, found[i - 1] if i else None) for i, row in enumerate(found))
        for pk, found in rows.items()
    }


def conflict_check(work: WorkItem) -> list[CheckLine]:
    """Members active on the work's date with interests current then, and anyone with a
    decision on it, each with their decisions latest first.

    A fixed number of queries however many members, interests and revisions there are.
    """
    current = Interest.objects.current(on=work.on).order_by("kind", "id")
    decided = histories(work)
    interested = _members_on(work).filter(pk__in=current.values("member")).values("pk")
    members = (
        Member.objects.of(work.organisation)
        .filter(models.Q(pk__in=interested) | models.Q(pk__in=list(decided)))
        .select_related("group")
        .prefetch_related(Prefetch("interests", queryset=current, to_attr="current_interests"))
    )
    return [
        CheckLine(
            member=member,
            interests=tuple(member.current_interests),  # type: ignore[attr-defined]  # to_attr
            history=decided.get(member.pk, ()),
        )
        for member in members
    ]


def latest_decision(work: WorkItem, member: Member) -> ConflictDecision | None:
    """The member's latest decision on the work: the one a revision would replace."""
    return ConflictDecision.objects.filter(work=work, member=member).history().first()


def record_conflict_decision(
    *,
    work: WorkItem,
    member: Member,
    decision: str,
    grounds: str = Grounds.INTEREST,
    parts: str = "",
    reason: str = "",
    decided_by_role: str | None,
    decided_on: dt.date,
    told_role: str | None,
    told_on: dt.date,
    actor: User,
    today: dt.date,
    revision_reason: str = "",
    revises: int | None = None,
) -> ConflictDecision:
    """Record what was decided about ``member``'s conflict on ``work`` (COI-2, COI-3), or,
    when a decision is already recorded, a revision of the latest one.

    ``decided_by_role`` must be a role the code in force on the work's date names to
    decide (Interpretation 12) and ``told_role`` one it names to be told; either may be
    left empty when the code names only one. A partial withdrawal names the parts.

    A revision needs ``revision_reason``, may not be dated before the decision it
    replaces, and takes effect from its own ``decided_on``; the earlier decision stays
    on record unchanged. ``revises``, when given, is the id of the decision the caller
    saw as the latest: if someone has recorded another since, the revision is refused
    rather than silently replacing a decision the caller never saw.
    """
    organisation = work.organisation
    if member.group.organisation_id != organisation.pk:
        raise Refused("Choose a member of this organisation.", field="member")
    if decision not in Decision.values:
        raise Refused("Select what was decided.", field="decision")
    if grounds not in Grounds.values:
        raise Refused("Select the grounds of the possible conflict.", field="grounds")
    parts = parts.strip()
    if decision == Decision.WITHDRAWS_IN_PART and not parts:
        raise Refused("Say which parts of the work the member withdraws from.", field="parts")
    if decision != Decision.WITHDRAWS_IN_PART:
        parts = ""
    refuse_future(decided_on, today, what="The date of the decision", field="decided_on")
    refuse_future(told_on, today, what="The date they were told", field="told_on")
    route = route_for(work)
    decider = pick_role(
        route.decided_by, decided_by_role, field="decided_by_role", what="who decided"
    )
    told = pick_role(route.tell, told_role, field="told_role", what="who was told")
    earlier = latest_decision(work, member)
    revision_reason = revision_reason.strip()
    _check_revision(earlier, revises, revision_reason, decided_on, member)
    changed = Refused(
        f"Someone else has just recorded a decision for {member.full_name} on this work. "
        "Go back to the work to see it, then try again."
    )
    # A revision names what it revises and why; a first decision leaves both empty.
    revision = {"revises": earlier, "revision_reason": revision_reason} if earlier else {}
    try:
        with transaction.atomic():
            row = create_recorded(
                ConflictDecision,
                organisation=organisation,
                actor=actor,
                action="conflict_decision.revised" if earlier else "conflict_decision.recorded",
                logged={
                    "work": work,
                    "member": member,
                    "decision": decision,
                    "grounds": grounds,
                    "parts": parts,
                    "reason": reason.strip(),
                    "decided_by_role": decider.key,
                    "decided_on": decided_on,
                    "told_role": told.key,
                    "told_on": told_on,
                    **revision,
                },
                decided_by_title=decider.title,
                told_title=told.title,
                recorded_at=timezone.now(),
                recorded_by=actor,
            )
    except IntegrityError:
        # Two officers at once: the unique constraints let only one first decision, and
        # one revision of each decision, through.
        raise changed from None
    return row


def _check_revision(
    earlier: ConflictDecision | None,
    revises: int | None,
    revision_reason: str,
    decided_on: dt.date,
    member: Member,
) -> None:
    """Refuse a revision that is stale, has no reason, or is dated before what it revises."""
    if revises is not None and (earlier is None or earlier.pk != revises):
        raise Refused(
            f"The decision for {member.full_name} on this work has changed since you opened "
            "this page. Go back to the work to see the latest, then try again."
        )
    if earlier is None:
        if revision_reason:
            raise Refused(
                "There is no earlier decision to revise. Leave the reason for revising empty.",
                field="revision_reason",
            )
        return
    if not revision_reason:
        raise Refused(
            f"A decision for {member.full_name} on this work is already recorded. "
            "Enter why it is being revised.",
            field="revision_reason",
        )
    if decided_on < earlier.decided_on:
        raise Refused(
            "The date of the revised decision must be the same as or after "
            f"{day(earlier.decided_on)}, the date of the decision it replaces.",
            field="decided_on",
        )


@dataclass(frozen=True)
class Conflicts:
    """Who is conflicted out of a piece of work, as known on a date (COI-2, COI-4).

    ``entirely``: member ids out of the whole work. ``in_part``: member id → the parts
    they are out of. ``undecided``: member ids with an interest current on the work's
    date and no decision yet; a seat or a vote should wait for a decision on them.
    """

    work: WorkItem
    on: dt.date
    entirely: frozenset[int] = frozenset()
    in_part: dict[int, str] = field(default_factory=dict)
    undecided: frozenset[int] = frozenset()

    def excludes(self, member: Member | int) -> bool:
        """True when the member takes no part at all in the work."""
        pk = member if isinstance(member, int) else member.pk
        return pk in self.entirely

    def withdrawn(self, member: Member | int) -> bool:
        """True when the member withdrew from the work in whole or in part."""
        pk = member if isinstance(member, int) else member.pk
        return pk in self.entirely or pk in self.in_part


def conflicts_for(work: WorkItem, *, on: dt.date) -> Conflicts:
    """Who is conflicted out of ``work`` on ``on``: for each member, the latest decision
    taken on or before ``on`` counts, so a revision applies from its own date and an
    earlier date still reads the decision replaced since.

    Two queries, however many members and revisions. Meetings ask it before a vote,
    cases before a seat (COI-4).
    """
    decided = {
        d.member_id: d
        for d in ConflictDecision.objects.filter(work=work)
        .in_force(on=on)
        .only("member_id", "decision", "parts")
    }
    interested = set(
        Interest.objects.current(on=work.on)
        .filter(member__in=_members_on(work).values("pk"))
        .values_list("member_id", flat=True)
    )
    return Conflicts(
        work=work,
        on=on,
        entirely=frozenset(
            pk for pk, d in decided.items() if d.decision == Decision.WITHDRAWS_ENTIRELY
        ),
        in_part={
            pk: d.parts for pk, d in decided.items() if d.decision == Decision.WITHDRAWS_IN_PART
        },
        undecided=frozenset(interested - set(decided)),
    )


def describe(decision: ConflictDecision) -> str:
    """One line for pages and exports: what, by whom, when."""
    text = decision.get_decision_display()
    if decision.parts:
        text += f" ({decision.parts})"
    return f"{text}; decided by {decision.decided_by_title} on {day(decision.decided_on)}"
