"""Case events and seats are append-only.

Installed by migration 0002; see panelkeeper.lib.append_only for how and when the
triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly

TRIGGERS = AppendOnly(
    {
        "cases_caseevent": "case events cannot be changed or deleted; record a new event",
        "cases_seat": "seats cannot be changed or deleted",
    }
)
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
