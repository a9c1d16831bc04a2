"""Adding and changing members, and recording their status over time (MEM-1, CONF-7).

Every change goes through one keyword-only function here (STYLE 7): it checks the
input, saves in one transaction and writes an audit entry. A refusal raises
:class:`~panelkeeper.organisations.policies.Refused` with a message saying what to do,
and nothing is saved.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from panelkeeper.audit.log import create_recorded, save_changed
from panelkeeper.lib.effective import refuse_future
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.checks import created_for, refuse_before, single_line
from panelkeeper.members.models import (
    ContactBy,
    CustomerType,
    GroupRole,
    Member,
    MemberStatus,
    Status,
)
from panelkeeper.organisations.models import Group
from panelkeeper.rules.dates import day_month_year

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User

# What an officer may set on a member; the status has its own function.
EDITABLE = (
    "full_name",
    "customer_type",
    "role",
    "email",
    "phone",
    "address",
    "contact_by",
    "large_print",
    "copy_to_advocate",
    "share_contact_details",
    "started_on",
    "ended_on",
    "user",
    "advocate",
)
# The yes-or-no fields among them, and the sign-ins they name (users, not values).
FLAGS = ("large_print", "copy_to_advocate", "share_contact_details")
PEOPLE = ("user", "advocate")


def _date(value: dt.date) -> str:
    return day_month_year(value)


def clean_fields(fields: dict[str, Any], *, group: Group, member: Member | None = None) -> None:
    """Normalise ``fields`` in place; refuse the first value that cannot be saved."""
    if "full_name" in fields:
        fields["full_name"] = single_line(
            str(fields["full_name"] or ""),
            field="full_name",
            missing="Enter the member's full name",
            what="The member's full name",
            most=200,
        )
    if "customer_type" in fields and fields["customer_type"] not in CustomerType.values:
        kinds = ", ".join(label.lower() for label in CustomerType.labels)
        raise Refused(f"Select the kind of customer: {kinds}", field="customer_type")
    if "role" in fields and fields["role"] not in GroupRole.values:
        raise Refused("Select chair, vice chair or member", field="role")
    if "contact_by" in fields and fields["contact_by"] not in ContactBy.values:
        raise Refused("Select email or post", field="contact_by")
    for flag in FLAGS:
        if flag in fields and not isinstance(fields[flag], bool):
            raise Refused("Answer yes or no", field=flag)
    if "email" in fields and fields["email"] is None:
        fields["email"] = ""
    if fields.get("email"):
        fields["email"] = str(fields["email"]).strip()
        try:
            validate_email(fields["email"])
        except ValidationError:
            raise Refused(
                "Enter an email address in the correct format, like name@example.com",
                field="email",
            ) from None
    for text in ("phone", "address"):
        if text in fields:
            fields[text] = str(fields[text] or "").strip()
    if len(fields.get("phone", "")) > 40:
        raise Refused("The phone number must be 40 characters or fewer", field="phone")
    started = fields.get("started_on", member.started_on if member else None)
    ended = fields.get("ended_on", member.ended_on if member else None)
    if started is None:
        raise Refused("Enter the date the member started", field="started_on")
    if ended is not None and ended <= started:
        raise Refused(
            f"The end date must be after the start date, {_date(started)}", field="ended_on"
        )
    by_email = (fields.get("contact_by") or (member and member.contact_by)) == ContactBy.EMAIL
    if by_email and not fields.get("email", member.email if member else ""):
        raise Refused("Enter an email address, or choose post", field="email")
    user = fields.get("user")
    if user is not None:
        others = Member.objects.filter(group=group, user=user)
        if member is not None:
            others = others.exclude(pk=member.pk)
        if others.exists():
            raise Refused("That sign-in already belongs to a member of this group", field="user")


def add_member(*, group: Group, actor: User | None, **fields: Any) -> Member:
    """Add a member to ``group``; they are active from ``started_on``.

    ``fields`` are any of :data:`EDITABLE`; ``full_name``, ``customer_type`` (MEM-1) and
    ``started_on`` are needed. The first status record (active, from the start date) is
    written with the member.
    """
    unknown = sorted(set(fields) - set(EDITABLE))
    if unknown:
        raise TypeError(f"add_member() got unknown fields: {', '.join(unknown)}")
    for needed in ("full_name", "customer_type", "started_on"):
        fields.setdefault(needed, None)
    if fields["customer_type"] is None:
        raise Refused("Select the kind of customer", field="customer_type")
    clean_fields(fields, group=group)
    with transaction.atomic():
        member = create_recorded(
            Member,
            actor=actor,
            organisation=group.organisation,
            action="member.added",
            logged=dict(sorted(fields.items())),
            group=group,
        )
        record_status(
            member=member,
            status=Status.ACTIVE,
            reason="Joined the group",
            effective_from=member.started_on,
            actor=actor,
        )
    return member


def update_member(*, member: Member, actor: User | None, **changes: Any) -> Member:
    """Change any of :data:`EDITABLE` on ``member``; audit the fields that changed."""
    unknown = sorted(set(changes) - set(EDITABLE))
    if unknown:
        raise TypeError(f"update_member() got unknown fields: {', '.join(unknown)}")
    clean_fields(changes, group=member.group, member=member)
    with transaction.atomic():
        save_changed(
            member,
            dict(sorted(changes.items())),
            action="member.updated",
            actor=actor,
            organisation=member.group.organisation,
        )
    return member


def change_member_status(
    *,
    member: Member,
    status: str,
    reason: str,
    effective_from: dt.date,
    actor: User | None,
    today: dt.date,
) -> MemberStatus:
    """Record that ``member``'s status is ``status`` from ``effective_from``.

    Earlier records stay as they were: to undo a suspension (lifted on appeal, say),
    record "active" from the date the suspension took effect, with the reason. Ending
    membership sets the member's ``ended_on``; restoring it clears it (:func:`record_status`).
    The date may be in the past (records are often entered late) but never after ``today``
    nor before the member started.
    """
    if status not in Status.values:
        raise Refused("Select active, suspended or ended", field="status")
    reason = single_line(
        reason or "",
        field="reason",
        missing="Enter the reason for the change",
        what="The reason",
        most=500,
    )
    refuse_future(
        effective_from,
        today=today,
        what="The date it takes effect",
        field="effective_from",
        name_it=True,
        full_stop=False,
    )
    refuse_before(
        effective_from,
        earliest=member.started_on,
        what="The date it takes effect",
        since="when the member started",
        field="effective_from",
    )
    return record_status(
        member=member, status=status, reason=reason, effective_from=effective_from, actor=actor
    )


def record_status(
    *, member: Member, status: str, reason: str, effective_from: dt.date, actor: User | None
) -> MemberStatus:
    """Write one status row for ``member`` as given, and keep ``ended_on`` in step with it.

    The unchecked writer: :func:`change_member_status` checks a hand-entered change first,
    and a breach case calls this directly for an effect that may start or end after today
    (a suspension's end). The row, the end date and their audit entries are saved together.

    A row that ends membership sets ``ended_on`` to its date, unless membership already
    ended earlier. A row of any other status, on or after an ``ended_on`` that a status row
    set, undoes the ending (an exclusion overturned on appeal, a case withdrawn, a member
    restored by hand), so ``ended_on`` is cleared. An end date typed by hand with no ending
    row behind it is the officer's own and stays. Refused when membership would end on or
    before the day it started, which ``ended_on`` cannot say.
    """
    if status == Status.ENDED and effective_from <= member.started_on:
        raise Refused(
            f"Membership can only end after the day it started, {_date(member.started_on)}",
            field="effective_from",
        )
    with transaction.atomic():
        entry = created_for(
            MemberStatus,
            member,
            actor=actor,
            action="member_status.recorded",
            logged={"status": status, "reason": reason, "effective_from": effective_from},
            recorded_at=timezone.now(),
            recorded_by=actor,
        )
        save_changed(
            member,
            {"ended_on": _ended_on_after(member, entry)},
            action="member.updated",
            actor=actor,
            organisation=member.group.organisation,
        )
    return entry


def _ended_on_after(member: Member, entry: MemberStatus) -> dt.date | None:
    """The member's ``ended_on`` once ``entry`` is on their status history."""
    ended_on, on = member.ended_on, entry.effective_from
    if entry.status == Status.ENDED:
        return on if ended_on is None or on < ended_on else ended_on
    if ended_on is not None and on >= ended_on and _ending_recorded(member, ended_on):
        return None
    return ended_on


def _ending_recorded(member: Member, on: dt.date) -> bool:
    """Whether a status row ended ``member``'s membership on ``on``."""
    return MemberStatus.objects.filter(
        member=member, status=Status.ENDED, effective_from=on
    ).exists()


def share_contact_details(*, member: Member, share: bool, actor: User | None) -> Member:
    """Record the member's own answer to whether other members of their group may see
    their email address and phone number (CONF-7); the member, or the advocate who acts
    for them, gives or withdraws it. Audited as consent given or withdrawn; the same
    answer twice changes nothing."""
    if not isinstance(share, bool):
        raise Refused(
            "Answer yes or no: do you agree to share your contact details",
            field="share_contact_details",
        )
    with transaction.atomic():
        save_changed(
            member,
            {"share_contact_details": share},
            action="member.contact_consent_given" if share else "member.contact_consent_withdrawn",
            actor=actor,
            organisation=member.group.organisation,
        )
    return member
