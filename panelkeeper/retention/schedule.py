"""An organisation's retention schedule: the product's defaults and what it changed.

Closed cases that found a breach are kept by outcome: one period for each outcome the
code in force names (and each informal step that closes a case, such as a verbal
warning), by its own name; an outcome the organisation has not set is kept as long as
cases that found a breach, which also keeps any case whose outcome the code no longer
names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_values
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.in_force import loadable_policy_on
from panelkeeper.retention.kinds import (
    BY_KEY,
    CASE_OUTCOME,
    KINDS,
    NOT_UPHELD,
    UPHELD,
    Part,
    RecordKind,
    not_upheld_parts,
    outcome_parts,
    upheld_parts,
)
from panelkeeper.retention.models import RetentionPeriod

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

# Twenty-five years: longer than any record here is needed, short enough to be a policy.
LONGEST = 300


@dataclass(frozen=True)
class Period:
    """How long one row of the schedule is kept: a kind of record, or (``kind`` being
    ``CASE_OUTCOME``) the closed cases with ``outcome``, named ``outcome_label``."""

    kind: RecordKind
    months: int
    outcome: str = ""
    outcome_label: str = ""
    default_months: int = 0
    parts: Sequence[Part] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.default_months:
            object.__setattr__(self, "default_months", self.kind.default_months)
        if not self.parts:
            object.__setattr__(self, "parts", tuple(self.kind.parts))

    @property
    def label(self) -> str:
        if self.outcome:
            return f"{self.kind.label} “{self.outcome_label}”"
        return self.kind.label

    @property
    def is_default(self) -> bool:
        return self.months == self.default_months

    @property
    def in_words(self) -> str:
        return months_in_words(self.months)


def months_in_words(months: int) -> str:
    years, rest = divmod(months, 12)
    if rest == 0:
        return f"{years} year{'s' if years != 1 else ''}"
    if years == 0:
        return f"{months} month{'s' if months != 1 else ''}"
    return f"{years} year{'s' if years != 1 else ''} and {rest} month{'s' if rest != 1 else ''}"


def outcomes_named(organisation: Organisation, *, on: dt.date) -> list[tuple[str, str]]:
    """The key and name of each outcome of the code in force on ``on``, in its order,
    then of each informal step that closes a case (herefordshire's verbal warning)."""
    policy = loadable_policy_on(organisation, on=on)
    if policy is None or policy.breach is None:
        return []
    named = {outcome.key: outcome.label for outcome in policy.breach.outcomes}
    for step in policy.breach.informal:
        if step.closes:
            named.setdefault(step.key, step.label)  # the outcome's name, where both have it
    return list(named.items())


def schedule_of(organisation: Organisation, *, on: dt.date | None = None) -> list[Period]:
    """Every kind of record with the months it is kept, in the registry's order; after
    cases that found a breach, one row per outcome of the code in force on ``on``."""
    on = on or timezone.localdate()
    # Read in no order (a dict keeps them), so the query does not join the organisation.
    set_here = RetentionPeriod.objects.filter(organisation=organisation).order_by()
    changed = {
        (kind, outcome): months
        for kind, outcome, months in set_here.values_list("kind", "outcome", "months")
    }
    outcomes = outcomes_named(organisation, on=on)
    keys = [key for key, _ in outcomes]
    periods = []
    for kind in KINDS:
        months = changed.get((kind.key, ""), kind.default_months)
        if kind.key == NOT_UPHELD:
            periods.append(Period(kind, months, parts=not_upheld_parts(keys)))
        elif kind.key == UPHELD:
            periods.append(Period(kind, months, parts=upheld_parts(keys)))
            periods += [
                Period(
                    CASE_OUTCOME,
                    changed.get((CASE_OUTCOME.key, key), months),
                    outcome=key,
                    outcome_label=label,
                    default_months=months,
                    parts=outcome_parts(key),
                )
                for key, label in outcomes
            ]
        else:
            periods.append(Period(kind, months))
    return periods


def set_period(
    *, organisation: Organisation, kind: str, months: int, actor: User, outcome: str = ""
) -> Period:
    """Keep records of ``kind`` (closed cases with ``outcome``, for ``CASE_OUTCOME``) for
    ``months`` from now on; the next purge applies it."""
    if outcome or kind == CASE_OUTCOME.key:
        named = dict(outcomes_named(organisation, on=timezone.localdate()))
        if kind != CASE_OUTCOME.key or outcome not in named:
            raise Refused("Choose an outcome your code of conduct names.", field="outcome")
    elif kind not in BY_KEY:
        raise Refused("Choose a kind of record from the schedule.", field="kind")
    if not 1 <= months <= LONGEST:
        raise Refused(
            f"Enter a number of months from 1 to {LONGEST}.", rule="validation", field="months"
        )
    with transaction.atomic():
        period = (
            RetentionPeriod.objects.select_for_update()
            .filter(organisation=organisation, kind=kind, outcome=outcome)
            .first()
        )
        if period is None:
            create_recorded(
                RetentionPeriod,
                organisation=organisation,
                actor=actor,
                action="retention_period.set",
                logged={"kind": kind, "outcome": outcome, "months": months},
                changed_at=timezone.now(),
                changed_by=actor,
            )
        elif period.months != months:
            save_values(
                period,
                {"months": months, "changed_at": timezone.now(), "changed_by": actor},
                action="retention_period.changed",
                actor=actor,
                organisation=organisation,
            )
    return next(p for p in schedule_of(organisation) if (p.kind.key, p.outcome) == (kind, outcome))
