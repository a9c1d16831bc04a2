"""The members API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

from panelkeeper.members.api.officer import router
from panelkeeper.members.api.portal import my_router

__all__ = ["my_router", "router"]
