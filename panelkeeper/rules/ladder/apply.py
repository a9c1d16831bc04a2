"""Applying one event to a :class:`Replay`, or refusing it with the rule it breaks.

Every event goes through :func:`apply`, both when a case is read back and when a new
event is proposed, so the rules that admit an event are the rules that read it.
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder.case_model import (
    AppealResult,
    CaseKind,
    Event,
    EventKind,
    Notice,
    State,
    StepRefused,
)
from panelkeeper.rules.ladder.counting import received_on
from panelkeeper.rules.ladder.model import (
    NO_BREACH,
    Anchor,
    Effect,
    EscalationMode,
    key_in_words,
)
from panelkeeper.rules.ladder.replay import OPENING_EVENT, AppealRecord, EffectRecord, Replay

#: The rule a step out of order breaks, by the kind of step.
_ORDER_RULE = {
    EventKind.RAISED: "BR-1",
    EventKind.MEMBERSHIP_ENDED: "MTG-2",
    EventKind.INFORMAL_STEP: "BR-3",
    EventKind.MEMBER_INFORMED: "BR-4",
    EventKind.INVESTIGATION_OPENED: "BR-4",
    EventKind.MEETING_HELD: "BR-4",
    EventKind.GROUP_CONVENED: "BR-6",
    EventKind.SUSPENDED: "BR-9",
    EventKind.SUSPENSION_LIFTED: "BR-9",
    EventKind.TRAINING_REFUSED: "BR-10",
    EventKind.LEVEL_DETERMINED: "BR-6",
    EventKind.OUTCOME_RECORDED: "BR-10",
    EventKind.NOTICE_SENT: "BR-11",
    EventKind.APPEAL_LODGED: "BR-12",
    EventKind.LATE_APPEAL_DECIDED: "Interpretation 3",
    EventKind.APPEAL_CONSIDERED: "BR-12",
    EventKind.APPEAL_DECIDED: "BR-12",
    EventKind.CLOSED: "BR-10",
    EventKind.WITHDRAWN: "BR-4",
}

DATES = "effective dates (DESIGN: Dates)"


def _human(kind: EventKind) -> str:
    return kind.value.replace("_", " ")


def check_dates(r: Replay, event: Event) -> None:
    """An event is never recorded before it took effect, nor dated before the case began."""
    if event.recorded_on < event.effective:
        raise StepRefused(DATES, "An event cannot take effect after the date it is recorded.")
    if r.began is not None and event.effective < r.began:
        raise StepRefused(
            DATES, f"The case began on {day_month_year(r.began)}; an event cannot come before it."
        )
    if r.last is not None and event.effective < r.last:
        raise StepRefused(
            DATES,
            f"The latest event took effect on {day_month_year(r.last)}; record events in the "
            "order they took effect.",
        )


def apply(r: Replay, event: Event) -> None:
    """Apply ``event`` to ``r``; raise :class:`StepRefused` if the ladder forbids it."""
    check_dates(r, event)
    allowed = [s for s in r.next_steps() if s.kind is event.kind]
    if not allowed:
        state = r.state.value if r.state is not None else "not yet raised"
        open_steps = ", ".join(_human(s.kind) for s in r.next_steps()) or "none"
        raise StepRefused(
            _ORDER_RULE[event.kind],
            f"A step '{_human(event.kind)}' is not open while the case is {state}. "
            f"Steps open now: {open_steps}.",
        )
    handler = _HANDLERS[event.kind]
    handler(r, event)
    r.last = event.effective
    r.events.append(event)


def _raised(r: Replay, e: Event) -> None:
    raising = r.ladder.raising
    if e.anonymous and not raising.anonymous:
        raise StepRefused("BR-1", "This code has no anonymous route for raising a breach.")
    if e.raised_by is not None and raising.raised_by and e.raised_by not in raising.raised_by:
        raise StepRefused("BR-1", f"This code does not say {e.raised_by.label} may raise one.")
    if e.level is not None and r.ladder.level(e.level) is None:
        raise StepRefused("BR-7", f'"{e.level}" is not a level of breach in this code.')
    r.kind, r.state, r.began = CaseKind.BREACH, State.REPORTED, e.effective
    r.reported_level = e.level
    r.subject_is_chair = e.subject_is_chair
    r.anchors[Anchor.REPORT_RECEIVED] = e.effective


def _membership_ended(r: Replay, e: Event) -> None:
    r.kind, r.state, r.began = CaseKind.EXCLUSION, State.DECIDED, e.effective
    r.anchors[Anchor.REPORT_RECEIVED] = e.effective
    label = "Membership ended" + (f": {e.reason}" if e.reason else "")
    _decide(r, e.effective, "membership_ended", label, Effect.MEMBERSHIP_ENDED, True, e.reason)
    r.effects.append(
        EffectRecord(
            "membership_ended", label, Effect.MEMBERSHIP_ENDED, e.effective, None, source="outcome"
        )
    )


def _informal(r: Replay, e: Event) -> None:
    options = [o for s in r.next_steps() if s.kind is EventKind.INFORMAL_STEP for o in s.options]
    # Never empty: this runs only when an informal step is among the steps open now.
    if e.step is None or e.step not in options:
        listed = ", ".join(options)
        raise StepRefused("BR-3", f"Informal step '{e.step}' is not open now. Open: {listed}.")
    step = r.ladder.step(e.step)
    assert step is not None  # every option is one of the ladder's steps
    r.steps_taken.append(step.key)
    if step.effect.goes_on_file:
        ends = r.calendar.add(e.effective, step.keep) if step.keep is not None else None
        r.effects.append(EffectRecord(step.key, step.label, step.effect, e.effective, ends))
    if step.closes:
        r.state = State.CLOSED
        r.ended_on = e.effective
    else:
        r.state = State.INFORMAL


def _opened(r: Replay, e: Event) -> None:
    r.state = State.INVESTIGATING
    anchor = {
        EventKind.MEMBER_INFORMED: Anchor.MEMBER_INFORMED,
        EventKind.MEETING_HELD: Anchor.MEETING_HELD,
    }.get(e.kind)
    if anchor is not None:
        r.anchors[anchor] = e.effective


def _convened(r: Replay, e: Event) -> None:
    r.group_convened = e.effective


def _suspended(r: Replay, e: Event) -> None:
    suspension = r.ladder.suspension
    assert suspension is not None
    level = r.determined if r.determined is not None else e.level
    every_level = {lv.key for lv in r.ladder.levels} <= set(suspension.levels)
    if not every_level and level not in suspension.levels:
        allowed = ", ".join(suspension.levels)
        raise StepRefused(
            "BR-9",
            f"This code allows suspension only for a breach judged {allowed}; "
            f"this one is judged {level or 'at no level yet'}.",
        )
    if e.until is not None and e.until <= e.effective:
        raise StepRefused(DATES, "A suspension must end after it starts.")
    r.effects.append(
        EffectRecord(
            "suspension", "Suspended", Effect.SUSPENSION, e.effective, e.until, source="interim"
        )
    )


def _lifted(r: Replay, e: Event) -> None:
    for item in reversed(r.effects):
        if item.effect is Effect.SUSPENSION and item.ended_by is None:
            if item.ends is not None and item.ends <= e.effective:
                raise StepRefused(
                    "BR-9", f"The suspension already ended on {day_month_year(item.ends)}."
                )
            item.ends, item.ended_by = e.effective, "lifted"
            return


def _training_refused(r: Replay, e: Event) -> None:
    r.training_refused = True


def _determined(r: Replay, e: Event) -> None:
    keys = [lv.key for lv in r.ladder.levels]
    if e.level not in (*keys, NO_BREACH):
        raise StepRefused("BR-7", f'"{e.level}" is not a level here. Levels: {", ".join(keys)}.')
    r.determined, r.determined_on = e.level, e.effective
    r.level = e.level
    r.confidentiality = e.confidentiality
    r.level_reason = f"Determined on {day_month_year(e.effective)}."
    if e.level == NO_BREACH:
        r.level_reason = f"No breach found on {day_month_year(e.effective)}."
        _decide(r, e.effective, NO_BREACH, "No breach found", Effect.NONE, True, None)
        return
    esc = r.ladder.escalation
    found = r.counted_findings()
    if esc is None or e.level != esc.from_level or not found:
        return
    earlier = found[-1]
    r.escalated_by = earlier.case_id
    when = f"a {e.level} breach was found in case {earlier.case_id} on {day_month_year(earlier.on)}"
    if esc.mode is EscalationMode.RELEVEL and esc.to_level is not None:
        r.level = esc.to_level
        r.level_reason = f"A further {e.level} breach: {when}, so it is treated as {esc.to_level}."
    elif esc.to_level is not None:
        r.level_reason = (
            f"A further {e.level} breach: {when}, so the {esc.to_level} outcomes are open too."
        )
    else:
        r.level_reason = f"A further {e.level} breach: {when}, so further outcomes are open."


def _decide(
    r: Replay,
    on: dt.date,
    key: str,
    label: str,
    effect: Effect,
    offered: bool,
    reason: str | None,
) -> None:
    r.state = State.DECIDED
    r.decided_on = on
    r.anchors[Anchor.DECISION_MADE] = on
    r.outcome_key, r.outcome_label, r.outcome_effect = key, label, effect
    r.outcome_offered, r.outcome_reason = offered, reason
    named = r.ladder.outcome(key)
    # Fixed when the decision is made, so a varied outcome never moves the deadline.
    named_notice = named.notice if named is not None else None
    r.notice_rule = named_notice or r.ladder.notice


def _outcome_effect(r: Replay, e: Event, key: str) -> tuple[str, Effect, bool]:
    """Label, effect and whether the outcome is on offer; refuses one with no reason."""
    offer = r.on_offer()
    named = r.ladder.outcome(key)
    if any(o.key == key for o in offer) and named is not None:
        return named.label, named.effect, True
    offered = "; ".join(o.label for o in offer) or "none"
    asked = f"“{named.label if named is not None else key_in_words(key)}”"
    if not r.ladder.other_outcomes_with_reason:
        raise StepRefused("BR-10", f"The outcome {asked} is not on offer. On offer: {offered}.")
    if not (e.reason and e.reason.strip()):
        raise StepRefused(
            "Interpretation 8",
            f"The outcome {asked} is not one the code offers here ({offered}); "
            "record the reason for choosing it.",
        )
    if named is not None:
        return named.label, named.effect, False
    return key_in_words(key), e.effect or Effect.NONE, False


def _apply_effect(r: Replay, e: Event, key: str, label: str, effect: Effect) -> None:
    if not effect.goes_on_file:
        return
    named = r.ladder.outcome(key)
    ends: dt.date | None = None
    if effect is Effect.SUSPENSION:
        if e.until is not None and e.until <= e.effective:
            raise StepRefused(DATES, "A suspension must end after it starts.")
        ends = e.until
    elif named is not None and named.keep is not None:
        ends = r.calendar.add(e.effective, named.keep)
    r.effects.append(EffectRecord(key, label, effect, e.effective, ends, source="outcome"))


def _outcome(r: Replay, e: Event) -> None:
    if not e.outcome:
        raise StepRefused("BR-10", "Name the outcome.")
    label, effect, offered = _outcome_effect(r, e, e.outcome)
    _decide(r, e.effective, e.outcome, label, effect, offered, e.reason)
    _apply_effect(r, e, e.outcome, label, effect)


def _notice(r: Replay, e: Event) -> None:
    if e.channel is None:
        raise StepRefused("Interpretation 2", "Say how the notice was sent: email, post or hand.")
    received = received_on(r.ladder, r.calendar, e.effective, e.channel)
    r.notices.append(Notice(e.effective, e.channel, received))
    r.anchors.setdefault(Anchor.NOTICE_RECEIVED, received)


def _lodged(r: Replay, e: Event) -> None:
    closes = r.window_closes()
    late = closes is not None and e.effective > closes
    r.appeal = AppealRecord(e.effective, late, closes if late else None)
    r.state = State.APPEALED
    if not late:
        r.anchors[Anchor.APPEAL_RECEIVED] = e.effective


def _late_decided(r: Replay, e: Event) -> None:
    appeal = r.appeal
    assert appeal is not None
    if e.accepted is None or not (e.reason and e.reason.strip()):
        raise StepRefused(
            "Interpretation 3", "Accept or refuse the late appeal, and record the reason."
        )
    appeal.late_accepted, appeal.late_reason = e.accepted, e.reason
    if e.accepted:
        r.anchors[Anchor.APPEAL_RECEIVED] = e.effective
    else:
        r.state = State.CLOSED
        # Unobservable: a late appeal always follows a decision, and the decision's date is
        # the one the case's deadlines read (view._deadlines).
        r.ended_on = e.effective  # pragma: no mutate


def _considered(r: Replay, e: Event) -> None:
    assert r.appeal is not None
    r.appeal.considered = e.effective
    r.anchors[Anchor.APPEAL_CONSIDERED] = e.effective


def _end_outcome_effects(r: Replay, on: dt.date, why: str) -> None:
    for item in r.effects:
        active = item.ended_by is None and (item.ends is None or item.ends > on)
        if item.source in ("outcome", "interim") and active:
            item.ends, item.ended_by = on, why


def _appeal_decided(r: Replay, e: Event) -> None:
    appeal = r.appeal
    assert appeal is not None
    if e.result is None:
        raise StepRefused("BR-12", "Say whether the appeal is upheld, overturned or varied.")
    appeal.decided, appeal.result, appeal.reason = e.effective, e.result, e.reason
    r.state, r.ended_on = State.CLOSED, e.effective
    if e.result is AppealResult.OVERTURNED:
        _end_outcome_effects(r, e.effective, "overturned on appeal")
        r.overturned = True
    elif e.result is AppealResult.VARIED:
        if not e.outcome:
            raise StepRefused("BR-12", "Name the outcome the appeal substitutes.")
        named = r.ladder.outcome(e.outcome)
        label = named.label if named is not None else key_in_words(e.outcome)
        effect = named.effect if named is not None else (e.effect or Effect.NONE)
        _end_outcome_effects(r, e.effective, "varied on appeal")
        r.outcome_key, r.outcome_label, r.outcome_effect = e.outcome, label, effect
        _apply_effect(r, e, e.outcome, label, effect)


def _closed(r: Replay, e: Event) -> None:
    r.state, r.ended_on = State.CLOSED, e.effective


def _withdrawn(r: Replay, e: Event) -> None:
    r.state, r.ended_on = State.WITHDRAWN, e.effective
    _end_outcome_effects(r, e.effective, "case withdrawn")


_HANDLERS = {
    EventKind.RAISED: _raised,
    EventKind.MEMBERSHIP_ENDED: _membership_ended,
    EventKind.INFORMAL_STEP: _informal,
    EventKind.MEMBER_INFORMED: _opened,
    EventKind.INVESTIGATION_OPENED: _opened,
    EventKind.MEETING_HELD: _opened,
    EventKind.GROUP_CONVENED: _convened,
    EventKind.SUSPENDED: _suspended,
    EventKind.SUSPENSION_LIFTED: _lifted,
    EventKind.TRAINING_REFUSED: _training_refused,
    EventKind.LEVEL_DETERMINED: _determined,
    EventKind.OUTCOME_RECORDED: _outcome,
    EventKind.NOTICE_SENT: _notice,
    EventKind.APPEAL_LODGED: _lodged,
    EventKind.LATE_APPEAL_DECIDED: _late_decided,
    EventKind.APPEAL_CONSIDERED: _considered,
    EventKind.APPEAL_DECIDED: _appeal_decided,
    EventKind.CLOSED: _closed,
    EventKind.WITHDRAWN: _withdrawn,
}

assert set(_HANDLERS) == set(EventKind)
assert set(OPENING_EVENT.values()) <= set(_HANDLERS)
