"""The officers' case list as its page draws it: each row's texts prepared once here.

A page lists fifty cases; each state's words, the level in words, the due date and the
working days left cost the template a method call or a filter per row, which the page
feels, so a row carries them as the texts the page shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypedDict

from panelkeeper.cases.models import Case, CaseState
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year

_STATES = dict(CaseState.choices)


class CaseRow(TypedDict):
    """A case as its row shows it. A dict, because the template finds a key at once where
    an attribute first costs it a failed lookup. ``left`` is the working days from today
    to ``due`` (negative once overdue), None when nothing is due; ``days_left`` says how
    many are left, for a case not yet overdue."""

    link: str
    reference: str
    member: str
    state: str
    due: str
    left: int | None
    days_left: str


def case_rows(
    cases: Iterable[Case],
    *,
    today: dt.date,
    calendar: WorkingCalendar,
    link: Callable[[int], str],
) -> list[CaseRow]:
    """The rows of ``cases`` (read with their member) as the list shows them on ``today``."""
    rows = []
    for case in cases:
        state = _STATES.get(case.state, case.state)
        if case.level:
            state = f"{state} ({case.level_in_words.lower()})"
        left = None
        if case.next_due is not None:
            left = calendar.working_days_between(today, case.next_due)
        rows.append(
            CaseRow(
                link=link(case.pk),
                reference=case.reference,
                member=str(case.member),
                state=state,
                due="" if case.next_due is None else day_month_year(case.next_due),
                left=left,
                days_left="" if left is None or left < 0 else _days_left(left),
            )
        )
    return rows


def _days_left(left: int) -> str:
    return f"{left} working day{'' if left == 1 else 's'} left"
