"""What the breach-cases API operations share: the router, reading ``as_of``, fetching an
officer's case, and the case as it is answered (see :mod:`.api` and :mod:`.officer_steps`)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import timezone
from ninja import Router, Schema

from panelkeeper.cases.actions import ACTIONS, slug_for
from panelkeeper.cases.api.schemas import (
    AppealOut,
    CaseOut,
    CaseRowOut,
    DeadlineOut,
    EventOut,
    FileEntryOut,
    NextStepOut,
    NoticeOut,
    OutcomeOut,
    PersonOut,
    SeatOut,
)
from panelkeeper.cases.models import (
    Case,
    CaseQuerySet,
    CaseState,
    PartyRole,
    RaisedBy,
    Setting,
    reference_of,
)
from panelkeeper.cases.reading import Reading, read_case, reading_day
from panelkeeper.lib.api import PageQuery, paged
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.ladder.case import CaseKind
from panelkeeper.rules.ladder.case_model import AppealResult, EventKind, NextStep
from panelkeeper.rules.ladder.model import Channel

router = Router(tags=["cases"])


class AsOf(Schema):
    as_of: dt.date | None = None


def as_of_or_today(query: AsOf) -> dt.date:
    """The date asked for, or today; a later date is a projection (``projection`` in the
    answer), refused (422) past the last day a case can be read on."""
    return reading_day(query.as_of, today=timezone.localdate())


def is_projection(as_of: dt.date) -> bool:
    """Whether a reading on ``as_of`` is a projection: a day after today."""
    return as_of > timezone.localdate()


def case_today(case: Case, *, people: bool = True) -> CaseOut:
    """The case as it is today, in full: as officers and auditors see it, or without
    ``people`` as the answer to opening it or to the appeal officer's decision."""
    reading = read_case(case, as_of=timezone.localdate())
    return case_out(reading, reporter=case.reporter_name or None, full=True, people=people)


def case_out(
    reading: Reading, *, reporter: str | None, full: bool, people: bool = False
) -> CaseOut:
    """``full`` for staff, investigators and the appeal officer; the subject sees no
    description, reasons, recipients or seats, and the reporter only if they agreed.
    ``people`` (officers and auditors) lists who else is involved."""
    case, view = reading.case, reading.view
    dues = {d.deadline.key: d for d in reading.dues}
    window, notice = view.appeal_window, view.notice
    outcome = view.outcome
    return CaseOut(
        id=case.pk,
        reference=case.reference,
        as_of=reading.as_of,
        projection=is_projection(reading.as_of),
        kind=CaseKind(case.kind),
        member=str(case.member),
        state=CaseState(view.state.value) if view.state else None,
        level=view.level,
        level_reason=view.level_reason,
        escalated_by=view.escalated_by,
        description=case.description if full else None,
        setting=Setting(case.setting) if case.setting else None,
        clauses=list(case.clauses),
        raised_by=RaisedBy(case.raised_by) if case.raised_by else None,
        reporter=reporter,
        routed_to=case.routed_to,
        complaints_route=view.complaints_route,
        chair_stand_in=view.chair_stand_in.title if view.chair_stand_in else None,
        conflict_work_item_id=case.work_id if full else None,
        deadlines=[
            DeadlineOut(
                key=d.key,
                label=d.label,
                rules=list(d.rules),
                start=d.start,
                due=d.due,
                target=d.target,
                met_on=d.met_on,
                status=d.status,
                working_days_left=dues[d.key].working_days_left,
                late=d.met_late,
                working_days=d.working_days,
                days_left=dues[d.key].days_left,
            )
            for d in view.deadlines
        ],
        next_steps=[
            next_step_out(case, slug, s)
            for s in view.next_steps
            if (slug := slug_for(s.kind)) is not None
        ]
        if full
        else [],
        outcomes_on_offer=[
            OutcomeOut(key=o.key, label=o.label, effect=o.effect) for o in view.outcomes_on_offer
        ]
        if full
        else [],
        outcome=OutcomeOut(
            key=outcome.key,
            label=outcome.label,
            effect=outcome.effect,
            on=outcome.on,
            offered=outcome.offered,
            reason=outcome.reason if full else None,
        )
        if outcome
        else None,
        notice=NoticeOut(sent_on=notice.sent, channel=notice.channel, received_on=notice.received)
        if notice
        else None,
        appeal=AppealOut(
            to=window.to.title if window else case.appeal_to or None,
            notice_received=window.received if window else None,
            window_closes=window.closes if window else None,
            window_open=bool(window and window.open),
            lodged=view.appeal.lodged if view.appeal else None,
            out_of_time=bool(view.appeal and view.appeal.late),
            late_accepted=view.appeal.late_accepted if view.appeal else None,
            decided=view.appeal.decided if view.appeal else None,
            result=view.appeal.result if view.appeal else None,
        )
        if window or view.appeal
        else None,
        must_be_told=reading.parties_to_tell if full else [],
        seats=[
            SeatOut(
                id=seat.pk,
                role_key=seat.role_key,
                role=seat.role_title,
                name=seat.person_name,
                impartial=seat.impartial,
                seated_on=seat.seated_on,
            )
            for seat in reading.current_seats
        ]
        if full
        else [],
        people=[
            PersonOut(id=p.pk, role=PartyRole(p.role), name=p.display_name)
            for p in reading.current_parties
        ]
        if people
        else [],
        events=[
            EventOut(
                kind=EventKind(e.kind),
                effective=e.effective,
                recorded_on=e.recorded_on,
                recorded_late=e.late,
                step=e.step,
                level=e.level,
                outcome=e.outcome,
                reason=e.reason if full else "",
                channel=Channel(e.channel) if e.channel else "",
                to=e.to if full else "",
                until=e.until,
                accepted=e.accepted,
                result=AppealResult(e.result) if e.result else "",
                given_by=list(entry.given_by) if full else [],
            )
            for e, entry in zip(reading.events, reading.timeline, strict=True)
        ],
        file=[
            FileEntryOut(
                case=f.case_id,
                key=f.key,
                label=f.label,
                effect=f.effect,
                start=f.start,
                on_file_until=f.last_day,
                ended_by=f.ended_by,
                in_force=f.in_force,
            )
            for f in view.file
        ]
        if full
        else [],
    )


def next_step_out(case: Case, slug: str, step: NextStep) -> NextStepOut:
    """A step open on ``case``, taken by action ``slug``: the operation that takes it, by
    operationId and path."""
    kwargs = {"org": case.organisation.slug, "case_id": case.pk}
    return NextStepOut(
        operation_id=step_operation(slug),
        path=reverse(f"api:{step_operation(slug)}", kwargs=kwargs),
        title=ACTIONS[slug].title,
        options=list(step.options),
        by=[r.title for r in step.by],
    )


ROW = ("id", "member__full_name", "kind", "state", "level", "began_on", "next_due")
"""What a row of a list of cases shows, read as plain values: a page of fifty cases then
builds neither fifty cases nor their fifty members."""


def rows_out(
    cases: CaseQuerySet, query: PageQuery, *, as_of: dt.date, calendar: WorkingCalendar | None
) -> tuple[list[CaseRowOut], dict[str, int]]:
    """The page of ``cases`` ``query`` asks for, each row as it stands on ``as_of``
    (working days left counted on ``calendar``, where given), and the page's counts."""
    rows, counts = paged(cases.values_list(*ROW), query, counted=cases)
    return [row_out(*row, as_of=as_of, calendar=calendar) for row in rows], counts


def row_out(
    pk: int,
    member: str,
    kind: str,
    state: str,
    level: str,
    began_on: dt.date,
    next_due: dt.date | None,
    *,
    as_of: dt.date,
    calendar: WorkingCalendar | None,
) -> CaseRowOut:
    left = (
        calendar.working_days_between(as_of, next_due)
        if calendar is not None and next_due is not None
        else None
    )
    return CaseRowOut(
        id=pk,
        reference=reference_of(pk),
        member=member,
        kind=CaseKind(kind),
        state=CaseState(state),
        level=level,
        began_on=began_on,
        next_due=next_due,
        overdue=next_due is not None and next_due < as_of,
        working_days_left=left,
    )


def step_operation(slug: str) -> str:
    """The operationId of the operation that takes step ``slug`` (also its URL name)."""
    return "case_step_" + slug.replace("-", "_")
