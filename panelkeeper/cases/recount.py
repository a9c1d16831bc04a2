"""The cases' copy of their next due date, counted again after the working calendar changes.

A case row keeps a copy of its next due date for lists, written with each event. The
date is counted in the organisation's working days, so when the organisation changes its
bank holiday region or records a closure day, the copies of its open cases are rewritten
in the same transaction; the case page, which counts afresh, and the lists then agree.
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.cases.models import Case
from panelkeeper.cases.procedure import assess_case
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.models import Organisation


def recount_due_dates(*, organisation: Organisation, today: dt.date) -> int:
    """Rewrite ``next_due`` of the organisation's open cases as counted on ``today``.

    Returns how many rows changed. A case the procedure cannot read keeps its copy (it is
    on the officers' list already). Only the copy changes; no event is written.
    """
    changed = 0
    open_cases = (
        Case.objects.of(organisation)
        .open()
        .select_related("member", "policy_version", "organisation")
    )
    for case in open_cases:
        try:
            due = assess_case(case, as_of=today).next_due
        except Refused:
            continue
        if due != case.next_due:
            case.next_due = due
            case.save(update_fields=["next_due"])
            changed += 1
    return changed
