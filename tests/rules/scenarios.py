"""Building breach cases for tests: events in a line each, read through the ladder only.

Nothing here builds a case's state by hand: every view comes from ``assess_policy``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import cache

from panelkeeper.rules.ladder.case import (
    CaseView,
    EarlierCase,
    Event,
    EventKind,
    assess_policy,
    check_next_policy,
)
from panelkeeper.rules.policy.loader import Policy
from panelkeeper.rules.policy.presets import load_preset

K = EventKind


def d(text: str) -> dt.date:
    """A date written as in the codes' tests: ``d("2026-12-25")``."""
    return dt.date.fromisoformat(text)


@cache
def policy(slug: str) -> Policy:
    return load_preset(slug)


def ev(kind: EventKind, effective: str, recorded: str | None = None, **data: object) -> Event:
    """An event taking effect on ``effective`` (recorded then too unless ``recorded``)."""
    return Event(
        kind,
        d(effective),
        d(recorded) if recorded is not None else None,
        **data,  # type: ignore[arg-type]
    )


def earlier(case_id: str, *events: Event) -> EarlierCase:
    return EarlierCase(case_id, tuple(events))


def read(
    slug: str,
    events: Sequence[Event],
    as_of: str,
    *,
    before: Sequence[EarlierCase] = (),
    case_id: str = "this",
) -> CaseView:
    """The case on ``as_of`` under the preset ``slug``."""
    return assess_policy(
        policy(slug), events, as_of=d(as_of), case_id=case_id, earlier_cases=before
    )


def propose(
    slug: str,
    events: Sequence[Event],
    proposed: Event,
    as_of: str,
    *,
    before: Sequence[EarlierCase] = (),
) -> CaseView:
    return check_next_policy(policy(slug), events, proposed, as_of=d(as_of), earlier_cases=before)


def dues(view: CaseView) -> dict[str, tuple[dt.date, str]]:
    """Every deadline of ``view`` as ``{key: (due, status)}``, for exact comparison."""
    return {x.key: (x.due, x.status.value) for x in view.deadlines}
