"""Opening a case: a breach raised (BR-0, BR-1, BR-2, MEM-9), a member asked to leave a
meeting (MTG-5), or membership ended without a breach (MTG-2, Interpretation 6).

The opening event is checked against the code in force on its date and written, with the
case, through :func:`panelkeeper.cases.changes.writer.write_opening`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone

from panelkeeper.cases.changes.people import add_party
from panelkeeper.cases.changes.writer import dates, write_opening
from panelkeeper.cases.citing import citable_clauses
from panelkeeper.cases.models import Case, CaseEvent, CaseState, PartyRole, RaisedBy, Setting
from panelkeeper.cases.procedure import check_first, earlier_cases, ladder_of, policy_of
from panelkeeper.cases.routing import route
from panelkeeper.lib.refusals import Refused, entered
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.organisations.in_force import calendar_for, version_on
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder import Raiser
from panelkeeper.rules.ladder.case import CaseKind, Event, EventKind

if TYPE_CHECKING:
    from panelkeeper.accounts.models import User
    from panelkeeper.meetings.models import AskedToLeave, MissedMeetings


def _version_on(organisation: Organisation, on: dt.date) -> PolicyVersion:
    version = version_on(organisation, on=on)
    if version is None:
        raise Refused(
            f"No code of conduct was in force on {day_month_year(on)}.",
            rule="BR-0",
            field="effective",
        )
    return version


def _check_member(organisation: Organisation, member: Member) -> None:
    if member.group.organisation_id != organisation.pk:
        raise Refused("Choose a member of this organisation.", rule="BR-1", field="member")


def _open(
    organisation: Organisation,
    member: Member,
    opening: Event,
    *,
    description: str,
    actor: User | None,
    today: dt.date | None,
    fields: dict[str, Any],
) -> tuple[Case, CaseEvent]:
    """Check ``opening`` against the code in force on its date, then write case and event
    through the one writer, with the work item conflicts are declared against.

    The case's kind follows from its opening; ``fields`` are the case's other fields the
    opening sets, recorded in the audit entry with the kind and the description.
    """
    fields = {
        "kind": CaseKind.BREACH if opening.kind == EventKind.RAISED else CaseKind.EXCLUSION,
        "description": description[:5000],
        "subject_is_chair": member.role == GroupRole.CHAIR,
        **fields,
    }
    _check_member(organisation, member)
    when, day = dates(opening.effective, today)
    version = _version_on(organisation, when)
    policy = policy_of(version)
    ladder = ladder_of(policy)
    opening = replace(opening, effective=when, recorded=day)
    routed, handler = route(
        organisation, ladder, on=when, subject_is_chair=opening.subject_is_chair
    )
    draft = Case(
        organisation=organisation,
        member=member,
        policy_version=version,
        began_on=when,
        routed_to=routed,
        handler=handler,
        created_at=timezone.now(),
        created_by=actor,
        state=CaseState.REPORTED,
        **fields,
    )
    with transaction.atomic():
        view = check_first(
            policy,
            opening,
            today=day,
            calendar=calendar_for(organisation),
            earlier=earlier_cases(draft),
        )
        case, row = write_opening(
            draft, opening, view, today=day, actor=actor, fields=sorted(fields)
        )
        _open_work(case, actor)
    return case, row


def _open_work(case: Case, actor: User | None) -> None:
    """A work item so conflicts can be declared and decided against the case (COI-4)."""
    from panelkeeper.registers.conflicts import open_work_item
    from panelkeeper.registers.models import WorkKind

    case.work = open_work_item(
        organisation=case.organisation,
        kind=WorkKind.CASE,
        title=f"Breach case {case.reference}",
        on=case.began_on,
        actor=actor,
    )
    case.save(update_fields=["work"])


def raise_breach(
    *,
    organisation: Organisation,
    member: Member,
    actor: User | None,
    effective: dt.date | None = None,
    description: str,
    setting: Setting | str,
    clauses: Sequence[str],
    raised_by: RaisedBy | str,
    reporter_name: str = "",
    reporter_consents_to_identity: bool = False,
    anonymous: bool = False,
    level: str | None = None,
    reporter_user: User | None = None,
    reporter_member: Member | None = None,
    reporter_contact: str = "",
    reporter_agreed_to_letters: bool = False,
    today: dt.date | None = None,
) -> Case:
    """Record a breach about ``member`` (BR-0, BR-1, BR-2, MEM-9) and route it (BR-2).

    ``effective`` is when it was reported (default today, never later). ``clauses`` are
    values from :func:`~panelkeeper.cases.citing.citable_clauses`: the documents the code
    lets a breach cite and their citable clauses (BR-0). ``raised_by`` must be among those
    the code says may raise one, and ``anonymous`` only where the code has an anonymous
    route (BR-1). An anonymous report keeps no reporter name. ``level`` is the level as
    reported, if the reporter said. Raises :class:`~panelkeeper.lib.refusals.Refused`
    naming the rule.
    """
    description = entered(
        description, field="description", missing="Describe what happened.", rule="BR-0"
    )
    if setting not in Setting.values:
        raise Refused("Select where it happened.", rule="MEM-9", field="setting")
    if raised_by not in RaisedBy.values:
        raise Refused("Select who raised the breach.", rule="BR-1", field="raised_by")
    reporter_name = reporter_name.strip()
    if anonymous and (reporter_name or reporter_user or reporter_member):
        raise Refused("An anonymous report keeps no name.", rule="BR-1", field="reporter_name")
    if reporter_contact.strip() and not (reporter_name or reporter_user or reporter_member):
        raise Refused(
            "Give the name of the person who raised it with their contact details.",
            rule="BR-11",
            field="reporter_name",
        )
    when, day = dates(effective, today)
    allowed = {
        value
        for value, _ in citable_clauses(organisation, _version_on(organisation, when), on=when)
    }
    cited = list(dict.fromkeys(c.strip() for c in clauses if c.strip()))
    wrong = [c for c in cited if c not in allowed]
    if wrong or (allowed and not cited):
        raise Refused(
            "Choose the clauses it concerns from the documents the code lets a breach cite"
            + (f"; these are not among them: {', '.join(wrong)}." if wrong else "."),
            rule="BR-0",
            field="clauses",
        )
    opening = Event(
        kind=EventKind.RAISED,
        effective=when,
        level=level or None,
        raised_by=Raiser(raised_by),
        anonymous=anonymous,
        subject_is_chair=member.role == GroupRole.CHAIR,
    )
    with transaction.atomic():
        case, _ = _open(
            organisation,
            member,
            opening,
            description=description,
            actor=actor,
            today=day,
            fields={
                "setting": setting,
                "clauses": cited,
                "raised_by": raised_by,
                "anonymous": anonymous,
                "reporter_name": reporter_name[:200],
                "reporter_consents_to_identity": reporter_consents_to_identity and not anonymous,
            },
        )
        if reporter_user is not None or reporter_member is not None or reporter_name:
            add_party(
                case=case,
                role=PartyRole.REPORTER,
                member=reporter_member,
                user=reporter_user,
                name=reporter_name,
                contact=reporter_contact,
                agreed_to_letters=reporter_agreed_to_letters,
                actor=actor,
                today=day,
            )
    return case


def open_case_from_asked_to_leave(
    *, record_: AskedToLeave, actor: User | None, today: dt.date | None = None
) -> Case:
    """A serious-breach case from the chair's record that a member was asked to leave (MTG-5).

    Raised on the meeting's date, by the chair (a panel member where the code lets one
    raise a breach, else staff recording it), at the code's most serious level. A record
    opens one case only: opening it again is refused (MTG-5) and saves nothing.
    """
    from panelkeeper.meetings.models import AskedToLeave

    with transaction.atomic():
        # The record's row first, so two officers opening it at once take turns and the
        # second is told the case is open rather than meeting the one-to-one constraint.
        AskedToLeave.objects.select_for_update().filter(pk=record_.pk).values_list("pk").get()
        if Case.objects.filter(asked_to_leave=record_).exists():
            raise Refused(
                "A case is already open for this record of a member asked to leave.",
                rule="MTG-5",
            )
        return _open_from_asked_to_leave(record_, actor=actor, today=today)


def _open_from_asked_to_leave(
    record_: AskedToLeave, *, actor: User | None, today: dt.date | None
) -> Case:
    meeting = record_.meeting
    organisation = meeting.group.organisation
    version = _version_on(organisation, meeting.date)
    ladder = ladder_of(policy_of(version))
    allowed = ladder.raising.raised_by
    raised_by = (
        RaisedBy.PANEL_MEMBER if not allowed or Raiser.PANEL_MEMBER in allowed else RaisedBy.STAFF
    )
    cited = [value for value, _ in citable_clauses(organisation, version, on=meeting.date)][:1]
    case = raise_breach(
        organisation=organisation,
        member=record_.member,
        actor=actor,
        effective=meeting.date,
        description=f"Asked to leave the meeting of {day_month_year(meeting.date)}: "
        f"{record_.what_happened}",
        setting=Setting.MEETING,
        clauses=cited,
        raised_by=raised_by,
        level=ladder.levels[-1].key if ladder.levels else None,
        reporter_member=_chair_of(meeting),
        today=today,
    )
    Case.objects.filter(pk=case.pk).update(asked_to_leave=record_)
    case.asked_to_leave = record_
    return case


def _chair_of(meeting: object) -> Member | None:
    chair = getattr(meeting, "chair", None)
    return chair if isinstance(chair, Member) else None


def open_exclusion(
    *,
    member: Member,
    effective: dt.date,
    reason: str,
    actor: User | None,
    today: dt.date | None = None,
    missed_meetings: MissedMeetings | None = None,
) -> Case:
    """An exclusion case with no breach: membership ended on ``effective`` (MTG-2,
    Interpretation 6), with its notice step, appeal window and appeal (BR-11, BR-12).

    The ending is written to the status history unless it is there already (a
    missed-meetings decision writes its own).
    """
    reason = " ".join(reason.split())
    if not reason:
        raise Refused("Enter why membership ended.", rule="MTG-2", field="reason")
    organisation = member.group.organisation
    opening = Event(kind=EventKind.MEMBERSHIP_ENDED, effective=effective, reason=reason)
    case, _ = _open(
        organisation,
        member,
        opening,
        description=reason,
        actor=actor,
        today=today,
        fields={"missed_meetings": missed_meetings},
    )
    return case


def open_exclusion_from_missed_meetings(
    *, decision: MissedMeetings, actor: User | None, today: dt.date | None = None
) -> Case:
    """The exclusion case for a missed-meetings decision that ended membership (MTG-2)."""
    from panelkeeper.meetings.models import MissedMeetings, MissedMeetingsStatus

    if decision.status != MissedMeetingsStatus.ENDED or decision.decided_on is None:
        raise Refused("Only a decision that ended membership opens an exclusion.", rule="MTG-2")
    with transaction.atomic():
        # As for an asked-to-leave record: the decision's row first, so a second opening
        # waits for the first and is refused, never left to the one-to-one constraint.
        MissedMeetings.objects.select_for_update().filter(pk=decision.pk).values_list("pk").get()
        if Case.objects.filter(missed_meetings=decision).exists():
            raise Refused("An exclusion case is already open for this decision.", rule="MTG-2")
        return open_exclusion(
            member=decision.member,
            effective=decision.decided_on,
            reason=f"Missed {decision.missed} meetings in a row: {decision.reason}",
            actor=actor,
            today=today,
            missed_meetings=decision,
        )
