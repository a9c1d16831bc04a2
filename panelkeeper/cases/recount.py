"""The cases' copy of their next due date, counted again after the working calendar changes.

A case row keeps a copy of its next due date (and which deadline it is) for lists,
written with each event. The date is counted in the organisation's working days, so when
the organisation changes its bank holiday region or records a closure day, the copies of
its open cases are rewritten in the same transaction; the case page, which counts afresh,
and the lists then agree.
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.cases.models import NEXT_DEADLINE_FIELDS, copy_next_deadline
from panelkeeper.cases.procedure import assess_open_cases
from panelkeeper.organisations.models import Organisation


def recount_due_dates(*, organisation: Organisation, today: dt.date) -> int:
    """Rewrite the copy of the next deadline of the organisation's open cases as counted
    on ``today``.

    Returns how many rows changed. A case the procedure cannot read keeps its copy (it is
    on the officers' list already). Only the copy changes; no event is written. The cases
    are read in a fixed number of queries, however many there are.
    """
    changed = 0
    for case, view in assess_open_cases(organisation, as_of=today):
        if copy_next_deadline(case, view):
            case.save(update_fields=NEXT_DEADLINE_FIELDS)
            changed += 1
    return changed
