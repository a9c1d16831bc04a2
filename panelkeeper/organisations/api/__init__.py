"""The organisations API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout". The operation modules
imported here add theirs to the same router; ``installation_router`` is the installation
administrators' own."""

# Importing the operation modules registers them on the router.
from panelkeeper.organisations.api import (  # noqa: F401
    officer_drafts,
    officer_messages,
    officer_planner,
    officer_staff,
    officer_titles,
)
from panelkeeper.organisations.api.installation import router as installation_router
from panelkeeper.organisations.api.officer import router

__all__ = ["installation_router", "router"]
