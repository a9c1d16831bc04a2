"""When a ladder's dates fall: a deadline's due date and the deemed receipt of notice.

The replay of a real case (:mod:`.apply`, :mod:`.replay`, :mod:`.view`) and the deadline
planner (:mod:`.planner`) both count through these two functions, so a planned date can
never disagree with the same date on a case. Days are counted only by
:class:`~panelkeeper.rules.calendar.working_days.WorkingCalendar`.

Rules: BR-5, BR-11 and BR-12 (the deadlines), Interpretation 1 (counting from the day
after; calendar days roll only where the code says so) and Interpretation 2 (deemed
receipt of notice).
"""

from __future__ import annotations

import datetime as dt

from panelkeeper.rules.calendar.working_days import WorkingCalendar
from panelkeeper.rules.ladder.model import Channel, Deadline, Ladder


def due_on(
    ladder: Ladder, calendar: WorkingCalendar, deadline: Deadline, start: dt.date
) -> dt.date:
    """The last day of ``deadline`` when its clock starts on ``start`` (Interpretation 1)."""
    return calendar.add(start, deadline.within, roll=ladder.roll_calendar_days)


def received_on(
    ladder: Ladder, calendar: WorkingCalendar, sent: dt.date, channel: Channel
) -> dt.date:
    """The day notice sent on ``sent`` by ``channel`` counts as received (Interpretation 2).

    The receipt period never rolls: a day the code deems is the day it names.
    """
    return calendar.add(sent, ladder.receipt(channel))
