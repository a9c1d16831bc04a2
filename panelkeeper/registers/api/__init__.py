"""The registers API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

from panelkeeper.registers.api.officer import router

__all__ = ["router"]
