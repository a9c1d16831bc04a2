"""The accounts API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

from panelkeeper.accounts.api.portal import router

__all__ = ["router"]
