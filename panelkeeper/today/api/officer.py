"""Staff operations: the Today page's lists, and the search, under
``/api/v1/organisations/{org}``. The same policies and answers as the pages."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from ninja import Router

from panelkeeper.accounts.permissions import OFFICER, api_readers
from panelkeeper.lib.api import values_of
from panelkeeper.lib.refusals import Refused
from panelkeeper.lib.requests import StaffRequest
from panelkeeper.today.api.schemas import (
    FoundCaseOut,
    FoundMemberOut,
    SearchOut,
    TodayItemOut,
    TodayOut,
    Unit,
)
from panelkeeper.today.forms import SearchForm
from panelkeeper.today.items import Item, today_for
from panelkeeper.today.search import search

router = Router(tags=["today"])


def _item(item: Item) -> dict[str, Any]:
    """The item's :class:`TodayItemOut` fields, with ``due`` as ``on_is_due_date`` and the
    unit ``left`` counts, for the answer to validate once with every list."""
    unit = None
    if item.left is not None:
        unit = Unit.WORKING_DAYS if item.working_days else Unit.DAYS
    return values_of(TodayItemOut, item, on_is_due_date=item.due, left_unit=unit)


@api_readers.get(router, "/{org}/today", TodayOut)
def get_today(request: StaffRequest, org: str) -> TodayOut:
    """What is due and waiting today, as the Today page lists it.

    Deadlines of cases and meeting actions due within a few working days or overdue (with
    what is left, in working days, or in days for a deadline counted in calendar days;
    each case once, by its next deadline, whose page has the others),
    concerns waiting for triage (officers only), letters waiting to be sent (outcomes,
    gifts decided, and requests to sign a new version of a document), signatures
    waiting for countersignature, declarations overdue for review, and gifts and
    missed-meetings decisions waiting for a meeting. At most 20 items of each list, with
    its total and the page that lists them all; each item's ``link`` is the page that acts
    on it."""
    day = timezone.localdate()
    found = today_for(request.organisation, today=day, is_officer=OFFICER in request.roles)
    # Validated as a whole, in one call into pydantic rather than one for each item.
    return TodayOut.model_validate(
        {
            "today": found.today,
            "within_working_days": found.within,
            "lists": [
                {
                    "key": waiting.key,
                    "heading": waiting.heading,
                    "total": waiting.total,
                    "items": [_item(item) for item in waiting.items],
                    "all_link": waiting.all_link,
                }
                for waiting in found.lists
            ],
        }
    )


@api_readers.get(router, "/{org}/search", SearchOut)
def search_organisation(request: StaffRequest, org: str, q: str = "") -> SearchOut:
    """Find members by name or email address and cases by reference or member.

    The first 25 of each, with how many there are; ``q`` is checked as the search box
    checks it (not empty, at most 100 characters)."""
    form = SearchForm({"q": q.strip()})
    if not form.is_valid():
        raise Refused(" ".join(str(e) for e in form.errors["q"]), rule="validation", field="q")
    found = search(request.organisation, form.cleaned_data["q"])
    return SearchOut(
        q=found.query,
        members=[
            FoundMemberOut(id=m.pk, full_name=m.full_name, group=m.group.name, email=m.email)
            for m in found.members
        ],
        members_total=found.members_total,
        cases=[
            FoundCaseOut(
                id=c.pk,
                reference=c.reference,
                member=str(c.member),
                state=c.get_state_display(),
                began_on=c.began_on,
            )
            for c in found.cases
        ],
        cases_total=found.cases_total,
    )
