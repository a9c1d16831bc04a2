"""Response bodies of the Today and search operations (see :mod:`.officer`)."""

import datetime as dt
from enum import StrEnum

from panelkeeper.lib.api import Out
from panelkeeper.today.items import Kind, ListKey


class Unit(StrEnum):
    WORKING_DAYS = "working_days"
    DAYS = "days"


class TodayItemOut(Out):
    kind: Kind
    what: str
    member: str
    on: dt.date
    on_is_due_date: bool
    overdue: bool
    left: int | None
    left_unit: Unit | None
    link: str
    link_text: str


class TodayListOut(Out):
    key: ListKey
    heading: str
    total: int
    items: list[TodayItemOut]
    all_link: str


class TodayOut(Out):
    today: dt.date
    within_working_days: int
    lists: list[TodayListOut]


class FoundMemberOut(Out):
    id: int
    full_name: str
    group: str
    email: str


class FoundCaseOut(Out):
    id: int
    reference: str
    member: str
    state: str
    """The case's state in words, as the search results show it."""
    began_on: dt.date


class SearchOut(Out):
    q: str
    members: list[FoundMemberOut]
    members_total: int
    cases: list[FoundCaseOut]
    cases_total: int
