"""The concerns API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

from panelkeeper.concerns.api.officer import router

__all__ = ["router"]
