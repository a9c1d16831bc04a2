"""The Today and search operations: ``router`` for panelkeeper.api, mounted beside the
organisations' own operations under ``v1/organisations``."""

from panelkeeper.today.api.officer import router

__all__ = ["router"]
