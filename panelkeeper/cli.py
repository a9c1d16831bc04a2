"""The ``panelkeeper`` console command.

- ``panelkeeper rules …`` runs the pure rules package's command line. Django is never
  imported on this path, so checking or explaining a code needs no settings, database
  or secret key.
- ``panelkeeper worker …`` runs the task worker: django-tasks-db's ``db_worker`` with a
  lease on each task it runs (``panelkeeper/core/leases.py``).
- Anything else is a Django management command: ``panelkeeper migrate``,
  ``panelkeeper daily``, ``panelkeeper demo``, ``panelkeeper token create …``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch ``argv`` (without the program name); return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["rules"]:
        from panelkeeper.rules.cli import main as rules_main

        return rules_main(args[1:])

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "panelkeeper.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["panelkeeper", *args])
    return 0


if __name__ == "__main__":
    sys.exit(main())
