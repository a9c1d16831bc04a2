"""The API of an organisation that leaves: ``router``, mounted under /api/v1/installation."""

from panelkeeper.departure.api.installation import router

__all__ = ["router"]
