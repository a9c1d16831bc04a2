"""Every main list of one organisation's records is read in its order from an index.

A list filtered by its organisation and sorted by a column with no index makes the
database read and sort all of the organisation's rows for one page of them. For each
list below, the ordering is taken from the queryset the page or API builds, so changing
a list's order without its index fails here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import models
from django.db.models.expressions import F, OrderBy

from panelkeeper.cases.models import Case
from panelkeeper.concerns.listing import concerns_chosen
from panelkeeper.concerns.models import Concern
from panelkeeper.letters.listing import letters_chosen, mine
from panelkeeper.letters.models import Letter
from panelkeeper.meetings.listing import (
    ActionState,
    UpcomingThenPast,
    actions_listed,
    missed_listed,
)
from panelkeeper.meetings.models import Meeting
from panelkeeper.members.api.common import signatures_of
from panelkeeper.members.models import Appraisal, Expense, Member
from panelkeeper.organisations.models import Organisation
from panelkeeper.registers.listing import gift_register, interest_register, work_list
from panelkeeper.registers.models import Gift
from panelkeeper.retention.listing import holds_chosen

# (what the list is, its queryset for organisation 1, the columns it is filtered on by
# equality, comma-separated)
LISTS: list[tuple[str, Callable[[], models.QuerySet[models.Model]], str]] = [
    ("letters", lambda: Letter.objects.filter(organisation=1), "organisation"),
    ("cases, by what is due", lambda: Case.objects.of(1).by_next_due(), "organisation"),
    ("cases in the API", lambda: Case.objects.of(1).order_by("-began_on", "-id"), "organisation"),
    ("concerns", lambda: Concern.objects.filter(organisation=1), "organisation"),
    (
        "concerns, filtered",
        lambda: concerns_chosen(1, {"since": dt.date(2026, 1, 1)}),
        "organisation",
    ),
    (
        "concerns of a status",
        lambda: concerns_chosen(1, {"status": "closed"}),
        "organisation,status",
    ),
    ("a member's signatures", lambda: signatures_of(Member(pk=1)), "member"),
    ("a member's appraisals", lambda: Appraisal.objects.filter(member=1), "member"),
    ("a member's expenses", lambda: Expense.objects.filter(member=1), "member"),
    ("legal holds", lambda: holds_chosen(1, {"state": "lifted"}), "organisation"),
    ("gifts register", lambda: Gift.objects.filter(organisation=1), "organisation"),
    ("gifts register, paged", lambda: gift_register(1, {}), "organisation"),
    (
        "interests register",
        lambda: interest_register(1, {}, today=dt.date(2026, 1, 1)),
        "organisation",
    ),
    ("pieces of work", lambda: work_list(1, {}), "organisation"),
    ("meetings to come", lambda: _meetings().upcoming, "group"),
    ("past meetings", lambda: _meetings().past, "group"),
    ("open actions", lambda: actions_listed(_home()), "done_on"),
    ("done actions", lambda: actions_listed(_home(), state=ActionState.DONE), "done_on"),
    ("missed-meetings decisions", lambda: missed_listed(_home()), "group"),
    ("letters, filtered", lambda: letters_chosen(1, {"sent": "sent"}), "organisation"),
    ("letters of a kind", lambda: letters_chosen(1, {"kind": "warning"}), "organisation,kind"),
    ("letters about a member", lambda: letters_chosen(1, {"member": 1}), "member"),
    ("a member's own letters", lambda: mine(Member(pk=1)), "member"),
]


def _home() -> Organisation:
    return Organisation(pk=1)


def _meetings() -> UpcomingThenPast:
    """The meetings list's two parts, for organisation 1 (as ``meetings_listed`` reads it)."""
    return UpcomingThenPast(Meeting.objects.of(_home()), today=dt.date(2026, 11, 23))


def ordering(queryset: models.QuerySet[models.Model]) -> list[str]:
    """The list's ORDER BY as field names, "-" before a descending one."""
    terms = queryset.query.order_by or queryset.model._meta.ordering
    names = []
    for term in terms:
        if isinstance(term, OrderBy) and isinstance(term.expression, F):
            names.append(("-" if term.descending else "") + term.expression.name)
        else:
            names.append(str(term))
    return names


def leading(index: models.Index, count: int) -> list[str]:
    return list(index.fields[:count])


@pytest.mark.parametrize(("name", "build", "column"), LISTS, ids=[row[0] for row in LISTS])
def test_the_list_is_read_in_order_from_an_index(
    name: str, build: Callable[[], models.QuerySet[models.Model]], column: str
) -> None:
    queryset = build()
    columns = column.split(",")
    # Sorting by the columns every row shares is no sorting at all.
    order = [term for term in ordering(queryset) if term.lstrip("-") not in columns]
    wanted = [*columns, *order]
    indexes = queryset.model._meta.indexes
    # An index read backwards serves the opposite order just as well.
    flipped = [*columns, *(o[1:] if o.startswith("-") else f"-{o}" for o in order)]
    found = [index.name for index in indexes if leading(index, len(wanted)) in (wanted, flipped)]
    assert found, f"the {name} list orders by {order}: no index on ({', '.join(wanted)})"
