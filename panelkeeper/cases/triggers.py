"""Case events, seats and seat releases are append-only; an event's text changes only
by erasure.

Each migration installs the tables it knows of (0002: events and seats; 0004: seat
releases), so a later table never reaches back into an earlier migration. Migration
0007 puts back all three with one way out: they may be deleted together with their
case once the case is marked for removal (``core.Removal``), which is how the
retention schedule removes a case past its time. ``install`` and ``uninstall`` cover
every table as it stands now; see panelkeeper.lib.append_only for how and when the
triggers are lifted.

Migration 0010 moved an event's words (its reason, whom a notice went to) into a table
of their own, ``cases_caseeventtext`` (``TEXTS``), which erasure may redact and which goes
once its event has gone. SQLite drops a table's triggers when Django rebuilds it to add
or drop a column, so that migration lifts the events' triggers before and puts them back
after, with the texts'.
"""

from django.db.backends.base.base import BaseDatabaseWrapper

from panelkeeper.lib.append_only import AppendOnly, Redactable, RemovedWith

# What erasure writes in place of a name in free text (panelkeeper.retention.people),
# and the shortest name it takes out (panelkeeper.retention.redaction): the triggers of
# migration 0010 were written with these values.
ERASED_IN_TEXT = "[name erased]"
SHORTEST_NAME = 3

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
# Migration 0010: an event's words, redacted only, removed only after their event.
TEXTS = Redactable(
    table="cases_caseeventtext",
    columns=("reason", "to"),
    owner_table="cases_caseevent",
    owner_column="text_id",
    mark=ERASED_IN_TEXT,
    shortest=SHORTEST_NAME,
    update_message="the text of a case event changes only when a name in it is erased",
    delete_message="the text of a case event goes only with its event",
)


def install(connection: BaseDatabaseWrapper) -> None:
    TRIGGERS.install(connection)
    TEXTS.install(connection)


def uninstall(connection: BaseDatabaseWrapper) -> None:
    TEXTS.uninstall(connection)
    TRIGGERS.uninstall(connection)
