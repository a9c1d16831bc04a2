"""The access log is append-only: no reading of a record is ever changed or deleted.

Installed by migration 0002; see panelkeeper.lib.append_only for how and when the
triggers are lifted.
"""

from panelkeeper.lib.append_only import AppendOnly

TRIGGERS = AppendOnly(
    {"subject_access_recordview": "the access log cannot be changed or deleted"},
)
install = TRIGGERS.install
uninstall = TRIGGERS.uninstall
