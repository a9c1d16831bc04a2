"""The organisations API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

from panelkeeper.organisations.api.officer import router

__all__ = ["router"]
