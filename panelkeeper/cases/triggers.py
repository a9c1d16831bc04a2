"""Case events, seats and seat releases are append-only.

Each migration installs the tables it knows of (0002: events and seats; 0004: seat
releases), so a later table never reaches back into an earlier migration. Migration
0007 puts back all three with one way out: they may be deleted together with their
case once the case is marked for removal (``core.Removal``), which is how the
retention schedule removes a case past its time. ``install`` and ``uninstall`` cover
every table as it stands now; see panelkeeper.lib.append_only for how and when the
triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly, RemovedWith

EVENTS_AND_SEATS = AppendOnly(
    {
        "cases_caseevent": "case events cannot be changed or deleted; record a new event",
        "cases_seat": "seats cannot be changed or deleted",
    }
)
SEAT_RELEASES = AppendOnly(
    {"cases_seatrelease": "seat releases cannot be changed or deleted"},
)
# Migration 0007: the same tables, each removable with its case.
TRIGGERS = AppendOnly(
    {**EVENTS_AND_SEATS.tables, **SEAT_RELEASES.tables},
    removed_with={
        "cases_caseevent": RemovedWith("cases_case", "OLD.case_id"),
        "cases_seat": RemovedWith("cases_case", "OLD.case_id"),
        "cases_seatrelease": RemovedWith(
            "cases_case", "(SELECT case_id FROM cases_seat WHERE id = OLD.seat_id)"
        ),
    },
)
# Before migration 0007, for its reverse.
UNREMOVABLE = AppendOnly({**EVENTS_AND_SEATS.tables, **SEAT_RELEASES.tables})
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
