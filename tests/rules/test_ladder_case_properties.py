"""Properties of breach cases over random walks up each preset's ladder.

Each walk starts on a random date (2000-2100) and takes, at random gaps, a random step
among those the case allows next, so every walk is a legal history.

* The allowed steps never include one the ladder forbids (BR-3, BR-9, BR-10, BR-12).
* Deadlines never move earlier when a later event is added (BR-5, BR-11, BR-12).
* ``as_of`` earlier than every event gives a case not yet raised.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from panelkeeper.rules.ladder import NO_BREACH, Channel, EscalationMode, Ladder, Requirement
from panelkeeper.rules.ladder.case import (
    AppealResult,
    CaseView,
    Event,
    EventKind,
    NextStep,
    StepRefused,
    assess_policy,
    check_next_policy,
)
from panelkeeper.rules.policy.presets import PRESETS
from tests.rules.scenarios import policy

K = EventKind


def _event(step: NextStep, on: dt.date, data: st.DataObject, ladder: Ladder) -> Event:
    """An event taking ``step``, with whatever data it needs drawn at random."""
    option = data.draw(st.sampled_from(step.options)) if step.options else None
    match step.kind:
        case K.INFORMAL_STEP:
            return Event(step.kind, on, step=option)
        case K.SUSPENDED:
            until = data.draw(st.none() | st.integers(1, 60).map(lambda n: on + dt.timedelta(n)))
            return Event(step.kind, on, level=option, until=until)
        case K.LEVEL_DETERMINED:
            return Event(step.kind, on, level=option, confidentiality=data.draw(st.booleans()))
        case K.OUTCOME_RECORDED:
            if option is None:
                return Event(step.kind, on, outcome="other", reason="none on offer")
            until = data.draw(st.none() | st.integers(1, 60).map(lambda n: on + dt.timedelta(n)))
            return Event(step.kind, on, outcome=option, until=until)
        case K.NOTICE_SENT:
            return Event(step.kind, on, channel=data.draw(st.sampled_from(list(Channel))))
        case K.LATE_APPEAL_DECIDED:
            return Event(step.kind, on, accepted=data.draw(st.booleans()), reason="considered")
        case K.APPEAL_DECIDED:
            result = data.draw(st.sampled_from(list(AppealResult)))
            return Event(step.kind, on, result=result, outcome=ladder.outcomes[0].key)
        case K.RAISED:
            levels = [None, *(lv.key for lv in ladder.levels)]
            return Event(
                step.kind,
                on,
                level=data.draw(st.sampled_from(levels)),
                subject_is_chair=data.draw(st.booleans()),
            )
        case K.MEMBERSHIP_ENDED | K.CLOSED | K.WITHDRAWN:
            return Event(step.kind, on, reason="for the test")
        case _:
            return Event(step.kind, on)


def _walk(data: st.DataObject, slug: str) -> list[tuple[list[Event], CaseView]]:
    """A legal history, with the view after each event (read on that event's date)."""
    pol = policy(slug)
    ladder = pol.breach
    assert ladder is not None
    on = data.draw(st.dates(dt.date(2000, 1, 1), dt.date(2099, 6, 30)))
    events: list[Event] = []
    views: list[tuple[list[Event], CaseView]] = []
    view = assess_policy(pol, events, as_of=on)
    for _ in range(data.draw(st.integers(1, 12))):
        if not view.next_steps:
            break
        step = data.draw(st.sampled_from(view.next_steps))
        on = on + dt.timedelta(days=data.draw(st.integers(0, 20)))
        event = _event(step, on, data, ladder)
        try:
            view = check_next_policy(pol, events, event, as_of=on)
        except StepRefused as refused:
            # Only the data drawn may be refused (a suspension already over); never the step.
            assert refused.rule in ("BR-9",), refused
            continue
        events.append(event)
        views.append((list(events), view))
    return views


def _forbidden(ladder: Ladder, view: CaseView, step: NextStep) -> str | None:
    """Why the ladder forbids ``step`` in ``view``, or None if it allows it."""
    kind = step.kind
    informal = {s.key for s in ladder.informal}
    if kind is K.INFORMAL_STEP and not set(step.options) <= informal:
        return "an informal step the ladder does not define"
    if kind is K.SUSPENDED and ladder.suspension is None:
        return "a suspension in a code with none"
    allowed = set(ladder.suspension.levels) if ladder.suspension is not None else set()
    if kind is K.SUSPENDED and not set(step.options) <= allowed:
        return "a suspension at a level the code forbids"
    if kind is K.GROUP_CONVENED and ladder.group is None:
        return "a group in a code with none"
    if kind in (K.APPEAL_LODGED, K.APPEAL_DECIDED, K.APPEAL_CONSIDERED) and ladder.appeal is None:
        return "an appeal in a code with none"
    if kind is K.APPEAL_LODGED:
        assert view.outcome is not None
        if not ladder.appealable(view.outcome.effect):
            return "an appeal against an outcome the code does not let be appealed"
    if kind is K.APPEAL_CONSIDERED and ladder.appeal is not None and ladder.appeal.consider is None:
        return "a consideration step the code does not have"
    if kind is K.TRAINING_REFUSED and not any(
        o.requires is Requirement.TRAINING_REFUSED for o in ladder.outcomes
    ):
        return "training refused where nothing turns on it"
    if kind is K.OUTCOME_RECORDED:
        level = view.level
        opened = {level}
        esc = ladder.escalation
        if esc is not None and esc.mode is EscalationMode.OPEN_OUTCOMES and view.escalated_by:
            opened.add(esc.to_level)
        for key in step.options:
            outcome = ladder.outcome(key)
            if outcome is None:
                return f"an outcome {key} the code does not name"
            if key == ladder.confidentiality_outcome:
                continue
            if not opened & set(outcome.levels):
                return f"outcome {key} offered at level {level}"
    if kind is K.LEVEL_DETERMINED:
        levels = {lv.key for lv in ladder.levels} | {NO_BREACH}
        if not set(step.options) <= levels:
            return "a level the code does not define"
    return None


@settings(max_examples=150, deadline=None)
@given(data=st.data(), slug=st.sampled_from(PRESETS))
def test_the_allowed_steps_never_include_one_the_ladder_forbids(
    data: st.DataObject, slug: str
) -> None:
    ladder = policy(slug).breach
    assert ladder is not None
    for _, view in _walk(data, slug):
        for step in view.next_steps:
            assert _forbidden(ladder, view, step) is None, (slug, step, view.state)


@settings(max_examples=150, deadline=None)
@given(data=st.data(), slug=st.sampled_from(PRESETS))
def test_deadlines_never_move_earlier_when_a_later_event_is_added(
    data: st.DataObject, slug: str
) -> None:
    walk = _walk(data, slug)
    if not walk:
        return
    pol = policy(slug)
    last_day = walk[-1][0][-1].effective
    before: dict[str, dt.date] = {}
    for events, _ in walk:
        # Read every prefix on the same later day, so only the events differ.
        view = assess_policy(pol, events, as_of=last_day)
        for deadline in view.deadlines:
            if deadline.key in before:
                assert deadline.due >= before[deadline.key], (slug, deadline)
            before[deadline.key] = deadline.due
        if view.appeal_window is not None and view.appeal_window.closes is not None:
            key = "appeal_window"
            if key in before:
                assert view.appeal_window.closes >= before[key]
            before[key] = view.appeal_window.closes


@settings(max_examples=100, deadline=None)
@given(data=st.data(), slug=st.sampled_from(PRESETS), days=st.integers(1, 400))
def test_as_of_before_every_event_gives_a_case_not_yet_raised(
    data: st.DataObject, slug: str, days: int
) -> None:
    walk = _walk(data, slug)
    if not walk:
        return
    events = walk[-1][0]
    first = min(e.effective for e in events)
    view = assess_policy(policy(slug), events, as_of=first - dt.timedelta(days=days))
    assert not view.raised
    assert view.state is None and view.level is None
    assert view.deadlines == () and view.file == () and view.appeal_window is None
    assert [s.kind for s in view.next_steps] == [K.RAISED, K.MEMBERSHIP_ENDED]
