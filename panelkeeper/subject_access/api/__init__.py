"""The subject access API: ``router`` for panelkeeper.api, with the operations in one
module per audience (officer, portal, public); see DEVELOPERS.md "Layout"."""

from panelkeeper.subject_access.api import portal, public  # noqa: F401  # they add to router
from panelkeeper.subject_access.api.officer import router

__all__ = ["router"]
