"""The organisations API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

# Importing the operation modules registers them on the router.
from panelkeeper.organisations.api import officer_messages, officer_planner  # noqa: F401
from panelkeeper.organisations.api.officer import router

__all__ = ["router"]
