"""The meetings API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

# Importing the operation modules registers them on the router.
from panelkeeper.meetings.api import officer, officer_business, officer_reports  # noqa: F401
from panelkeeper.meetings.api.common import router

__all__ = ["router"]
