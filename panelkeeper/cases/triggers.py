"""Case events, seats and seat releases are append-only.

Each migration installs the tables it knows of (0002: events and seats; 0004: seat
releases), so a later table never reaches back into an earlier migration. ``install``
and ``uninstall`` cover every table; see panelkeeper.lib.append_only for how and when
the triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly

EVENTS_AND_SEATS = AppendOnly(
    {
        "cases_caseevent": "case events cannot be changed or deleted; record a new event",
        "cases_seat": "seats cannot be changed or deleted",
    }
)
SEAT_RELEASES = AppendOnly(
    {"cases_seatrelease": "seat releases cannot be changed or deleted"},
)
TRIGGERS = AppendOnly({**EVENTS_AND_SEATS.tables, **SEAT_RELEASES.tables})
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
