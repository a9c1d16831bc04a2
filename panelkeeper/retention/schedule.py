"""An organisation's retention schedule: the product's defaults and what it changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_recorded
from panelkeeper.lib.refusals import Refused
from panelkeeper.retention.kinds import BY_KEY, KINDS, RecordKind
from panelkeeper.retention.models import RetentionPeriod

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation

# Twenty-five years: longer than any record here is needed, short enough to be a policy.
LONGEST = 300


@dataclass(frozen=True)
class Period:
    kind: RecordKind
    months: int

    @property
    def is_default(self) -> bool:
        return self.months == self.kind.default_months

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


def schedule_of(organisation: Organisation) -> list[Period]:
    """Every kind of record with the months it is kept, in the registry's order."""
    changed = dict(
        RetentionPeriod.objects.filter(organisation=organisation).values_list("kind", "months")
    )
    return [Period(kind, changed.get(kind.key, kind.default_months)) for kind in KINDS]


def set_period(*, organisation: Organisation, kind: str, months: int, actor: User) -> Period:
    """Keep records of ``kind`` for ``months`` from now on; the next purge applies it."""
    if kind not in BY_KEY:
        raise Refused("Choose a kind of record from the schedule.", field="kind")
    if not 1 <= months <= LONGEST:
        raise Refused(
            f"Enter a number of months from 1 to {LONGEST}.", rule="validation", field="months"
        )
    with transaction.atomic():
        period = (
            RetentionPeriod.objects.select_for_update()
            .filter(organisation=organisation, kind=kind)
            .first()
        )
        if period is None:
            create_recorded(
                RetentionPeriod,
                organisation=organisation,
                actor=actor,
                action="retention_period.set",
                logged={"kind": kind, "months": months},
                changed_at=timezone.now(),
                changed_by=actor,
            )
        elif period.months != months:
            period.months, period.changed_at, period.changed_by = months, timezone.now(), actor
            save_recorded(
                obj=period,
                fields=["months", "changed_at", "changed_by"],
                action="retention_period.changed",
                actor=actor,
                organisation=organisation,
            )
    return Period(BY_KEY[kind], months)
