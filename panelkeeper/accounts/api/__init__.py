"""The accounts API: ``router`` (``/api/v1/me``) and ``tokens_router``
(``/api/v1/tokens``) for panelkeeper.api, with the operations in one module per audience
(public, officer, portal); see DEVELOPERS.md "Layout"."""

from panelkeeper.accounts.api.officer import router as tokens_router
from panelkeeper.accounts.api.portal import router

__all__ = ["router", "tokens_router"]
