"""Legal holds: placed on a member, a case or a concern with a reason, lifted on the record."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_values
from panelkeeper.cases.models import Case
from panelkeeper.concerns.models import Concern
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.members.models import Member
from panelkeeper.retention.kinds import Holds
from panelkeeper.retention.models import LegalHold

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.organisations.models import Organisation


def holds_in(organisation: Organisation) -> Holds:
    rows = LegalHold.objects.in_force().filter(organisation=organisation)
    held = list(rows.values_list("member_id", "case_id", "concern_id"))
    return Holds(
        members=frozenset(m for m, _, _ in held if m is not None),
        cases=frozenset(c for _, c, _ in held if c is not None),
        concerns=frozenset(c for _, _, c in held if c is not None),
    )


def place_hold(
    *,
    organisation: Organisation,
    reason: str,
    actor: User,
    member: Member | None = None,
    case: Case | None = None,
    concern: Concern | None = None,
) -> LegalHold:
    """Hold one record (the caller has checked it is ``organisation``'s)."""
    reason = entered(reason, field="reason", missing="Enter why the records must be kept.")
    if [member, case, concern].count(None) != 2:
        raise Refused("Choose one member, case or concern to hold.", field="record")
    target = {"member": member, "case": case, "concern": concern}
    held = {name: value for name, value in target.items() if value is not None}
    if LegalHold.objects.in_force().filter(organisation=organisation, **held).exists():
        raise Refused("That record is already on legal hold.", field="record")
    now = timezone.now()
    return create_recorded(
        LegalHold,
        organisation=organisation,
        actor=actor,
        action="legal_hold.placed",
        logged={**held, "reason": reason},
        placed_on=timezone.localdate(),
        placed_at=now,
        placed_by=actor,
    )


def lift_hold(*, hold: LegalHold, reason: str, actor: User) -> LegalHold:
    reason = entered(reason, field="reason", missing="Enter why the hold is lifted.")
    with transaction.atomic():
        hold = LegalHold.objects.select_for_update().get(pk=hold.pk)
        if hold.lifted_at is not None:
            raise Refused("This hold has already been lifted.", field="reason")
        save_values(
            hold,
            {
                "lifted_at": timezone.now(),
                "lifted_on": timezone.localdate(),
                "lifted_by": actor,
                "lifted_reason": reason,
            },
            action="legal_hold.lifted",
            actor=actor,
            organisation=hold.organisation,
        )
    return hold


def held_record(organisation: Organisation, *, record: str, reference: str) -> dict[str, Any]:
    """The member, case or concern of ``organisation`` a form names, as ``place_hold``'s
    keyword; another organisation's record is refused as if it did not exist."""
    text = reference.strip().upper().removeprefix("C-") if record == "case" else reference.strip()
    found: Any = None
    if text.isdigit():
        if record == "member":
            found = Member.objects.of(organisation).filter(pk=int(text)).first()
        elif record == "case":
            found = Case.objects.of(organisation).filter(pk=int(text)).first()
        elif record == "concern":
            found = Concern.objects.filter(organisation=organisation, pk=int(text)).first()
    if found is None:
        raise Refused(
            f"No {record} of {organisation.name} has that number. Check it and enter it again.",
            rule="validation",
            field="reference",
        )
    return {record: found}
