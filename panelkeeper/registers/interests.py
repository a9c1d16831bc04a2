"""Declaring, closing and reviewing interests (COI-1).

Each function is keyword-only, runs in one transaction, writes an audit entry and raises
:class:`~panelkeeper.organisations.policies.Refused` (saving nothing) when the data do
not allow the change. Declaring or closing an interest also records a review of the
member's register, so the review clock restarts whenever the member touches it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Max, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_values
from panelkeeper.lib.batches import in_batches
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.codes import day
from panelkeeper.registers.models import Interest, InterestKind, RegisterSettings, Review
from panelkeeper.registers.routing import DEFAULT_REVIEW_MONTHS, review_due
from panelkeeper.rules.calendar.working_days import add_months

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User


def settings_of(organisation: Organisation) -> RegisterSettings:
    """The organisation's register settings; the defaults (unsaved) until it changes them."""
    found = RegisterSettings.objects.filter(organisation=organisation).first()
    return found or RegisterSettings(organisation=organisation)


def review_months_of(organisation: Organisation) -> Coalesce:
    """The organisation's review period in months, as :func:`settings_of` gives it, as a
    column of another query (read with what else a page needs, not on its own)."""
    chosen = RegisterSettings.objects.filter(organisation=organisation).order_by("id")
    return Coalesce(Subquery(chosen.values("review_months")[:1]), DEFAULT_REVIEW_MONTHS)


def update_register_settings(
    *, organisation: Organisation, review_months: int, published: bool, actor: User
) -> RegisterSettings:
    """Set how often declarations are reviewed and whether the registers are public."""
    if not 1 <= review_months <= 60:
        raise Refused("Enter a review period between 1 and 60 months.", field="review_months")
    with transaction.atomic():
        found, _ = RegisterSettings.objects.select_for_update().get_or_create(
            organisation=organisation, defaults={"review_months": DEFAULT_REVIEW_MONTHS}
        )
        save_values(
            found,
            {"review_months": review_months, "published": published},
            action="register_settings.updated",
            actor=actor,
            organisation=organisation,
        )
    return found


def _check_member(member: Member, organisation: Organisation) -> None:
    if member.group.organisation_id != organisation.pk:
        raise Refused("Choose a member of this organisation.", field="member")


def _review(
    *, member: Member, organisation: Organisation, on: dt.date, nil: bool, actor: User
) -> Review:
    return create_recorded(
        Review,
        organisation=organisation,
        actor=actor,
        action="register_review.recorded",
        logged={"member": member, "reviewed_on": on, "nil": nil},
        recorded_at=timezone.now(),
        recorded_by=actor,
    )


def declare_interest(
    *,
    member: Member,
    kind: str,
    description: str,
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    actor: User,
    today: dt.date,
) -> Interest:
    """Add an interest to ``member``'s register, declared by them or an officer for them.

    Refuses an unknown kind, an empty description, and an end date before the start.
    """
    organisation = member.group.organisation
    if kind not in InterestKind.values:
        raise Refused("Select what kind of interest it is.", field="kind")
    description = entered(description, field="description", missing="Describe the interest.")
    if ends_on is not None and ends_on < starts_on:
        raise Refused(
            "The date it ended must be the same as or after the date it started.", field="ends_on"
        )
    with transaction.atomic():
        interest = create_recorded(
            Interest,
            organisation=organisation,
            actor=actor,
            action="interest.declared",
            logged={
                "member": member,
                "kind": kind,
                "description": description,
                "starts_on": starts_on,
                "ends_on": ends_on,
            },
            declared_at=timezone.now(),
            declared_by=actor,
        )
        _review(member=member, organisation=organisation, on=today, nil=False, actor=actor)
    return interest


def close_interest(
    *, interest: Interest, ends_on: dt.date, actor: User, today: dt.date
) -> Interest:
    """Record the last day of an interest; the row stays in the register's history."""
    refuse_future(ends_on, today, what="The date it ended", field="ends_on")
    with transaction.atomic():
        locked = Interest.objects.select_for_update().select_related("member").get(pk=interest.pk)
        if locked.ends_on is not None:
            raise Refused(f"This interest already ended on {day(locked.ends_on)}.")
        if ends_on < locked.starts_on:
            raise Refused(
                f"The date it ended must be the same as or after {day(locked.starts_on)}, "
                "when it started.",
                field="ends_on",
            )
        save_values(
            locked,
            {"ends_on": ends_on, "closed_at": timezone.now(), "closed_by": actor},
            action="interest.closed",
            actor=actor,
            organisation=locked.organisation,
        )
        _review(
            member=locked.member, organisation=locked.organisation, on=today, nil=False, actor=actor
        )
    return locked


def confirm_register(*, member: Member, nil: bool, actor: User, today: dt.date) -> Review:
    """The member confirms their register is complete; ``nil``: they have nothing to declare.

    A nil declaration is refused while an interest is current: close it first.
    """
    organisation = member.group.organisation
    with transaction.atomic():
        if nil and Interest.objects.filter(member=member).current(on=today).exists():
            raise Refused(
                "A nil declaration says there is nothing to declare, but an interest is "
                "still current. Record the date it ended first, or confirm the register instead.",
                field="nil",
            )
        return _review(member=member, organisation=organisation, on=today, nil=nil, actor=actor)


@dataclass(frozen=True)
class ReviewState:
    """Where a member's declaration stands on ``today`` (COI-1)."""

    last_reviewed: dt.date | None
    due: dt.date
    overdue: bool


def review_state(
    member: Member, *, last_reviewed: dt.date | None, months: int, today: dt.date
) -> ReviewState:
    """A member never reviewed is due from the day they joined."""
    start = last_reviewed or member.started_on
    due = review_due(start, months) if last_reviewed else start
    return ReviewState(last_reviewed=last_reviewed, due=due, overdue=due <= today)


def review_cutoff(months: int, today: dt.date) -> dt.date:
    """The latest day a declaration may have been reviewed and be due again by ``today``.

    The day ``months`` back, moved to where :func:`review_due` (which clamps the 31st of
    a short month) says the first due date after ``today`` begins."""
    day, one = add_months(today, -months), dt.timedelta(days=1)
    while review_due(day + one, months) <= today:
        day += one
    while review_due(day, months) > today:
        day -= one
    return day


def members_due_for_review(
    organisation: Organisation, *, months: int, on: dt.date
) -> QuerySet[Member]:
    """Members active on ``on`` whose declaration is due by then (COI-1), by name, each
    with ``last_reviewed``: never reviewed (due since they joined), or last reviewed
    ``months`` or more before. One query for a page of them, however many there are."""
    return (
        Member.objects.of(organisation)
        .active(on=on)
        .annotate(last_reviewed=Max("register_reviews__reviewed_on"))
        .filter(Q(last_reviewed__isnull=True) | Q(last_reviewed__lte=review_cutoff(months, on)))
        .select_related("group")
        .order_by("full_name", "id")
    )


def members_with_reviews(
    organisation: Organisation, *, on: dt.date
) -> list[tuple[Member, ReviewState]]:
    """Every member active on ``on`` with the state of their declaration, in two queries."""
    return [pair for batch in reviews_in_batches(organisation, on=on) for pair in batch]


def reviews_in_batches(
    organisation: Organisation, *, on: dt.date, size: int | None = None
) -> Iterator[list[tuple[Member, ReviewState]]]:
    """:func:`members_with_reviews`, ``size`` members at a time (all at once without)."""
    months = settings_of(organisation).review_months
    members = (
        Member.objects.of(organisation)
        .active(on=on)
        .annotate(last_reviewed=Max("register_reviews__reviewed_on"))
        .select_related("group")
    )
    for batch in [list(members)] if size is None else in_batches(members, size):
        yield review_states(batch, months=months, today=on)


def review_states(
    members: Iterable[Member], *, months: int, today: dt.date
) -> list[tuple[Member, ReviewState]]:
    """Each member, annotated with ``last_reviewed``, with the state of their declaration."""
    found: list[tuple[Member, ReviewState]] = []
    for m in members:
        last = m.last_reviewed  # type: ignore[attr-defined]  # MemberQuerySet drops annotations
        found.append((m, review_state(m, last_reviewed=last, months=months, today=today)))
    return found
