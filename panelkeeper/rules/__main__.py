"""``python -m panelkeeper.rules explain|check …`` (see :mod:`panelkeeper.rules.cli`)."""

from panelkeeper.rules.cli import main

raise SystemExit(main())
