"""Where the letters', cases', concerns' and members' domain functions still import the
audit helpers from; they now live in :mod:`panelkeeper.audit.log`, and new code imports
them from there. ``create_owned_recorded`` is ``create_recorded``, which puts the
organisation on any row that has that field."""

from panelkeeper.audit.log import create_recorded as create_owned_recorded
from panelkeeper.audit.log import save_recorded

__all__ = ["create_owned_recorded", "save_recorded"]
