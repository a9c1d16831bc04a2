"""The officers' case list as its page draws it: each row's texts prepared once here.

A page lists fifty cases; each state's words, the level in words, the due date and the
working days left cost the template a method call or a filter per row, which the page
feels, so a row carries them as the texts the page shows. The cases are read as the
values the list shows, not as cases and members: a case's description and settings may
be long, and making two models of each row is work the list does not need.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypedDict

from django.db.models import QuerySet

from panelkeeper.cases.models import Case, CaseState, reference_of
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.dates import day_month_year
from panelkeeper.rules.ladder.model import key_in_words

_STATES = dict(CaseState.choices)

type Listed = tuple[int, str, str, dt.date | None, str]
"""A case as the list reads it: id, state, level, next due date, the member's name."""


def listed_cases(organisation: Organisation) -> QuerySet[Case, Listed]:
    """The organisation's cases by next due date, overdue first, as :data:`Listed`."""
    cases = Case.objects.of(organisation).by_next_due()
    return cases.values_list("pk", "state", "level", "next_due", "member__full_name")


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
    cases: Iterable[Listed],
    *,
    today: dt.date,
    calendar: WorkingCalendar,
    link: Callable[[int], str],
) -> list[CaseRow]:
    """The rows of ``cases`` (from :func:`listed_cases`) as the list shows them on ``today``."""
    rows = []
    for pk, state, level, next_due, member in cases:
        shown = _STATES.get(state, state)
        if level:
            shown = f"{shown} ({key_in_words(level).lower()})"
        left = None if next_due is None else calendar.working_days_between(today, next_due)
        rows.append(
            CaseRow(
                link=link(pk),
                reference=reference_of(pk),
                member=member,
                state=shown,
                due="" if next_due is None else day_month_year(next_due),
                left=left,
                days_left="" if left is None or left < 0 else _days_left(left),
            )
        )
    return rows


def _days_left(left: int) -> str:
    return f"{left} working day{'' if left == 1 else 's'} left"
