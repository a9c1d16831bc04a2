"""The cases API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

# Importing the operation modules registers them on the router, in the order their paths
# must be tried: the reads and raising first, then the steps on a case.
from panelkeeper.cases.api import officer, officer_guests, officer_steps  # noqa: F401
from panelkeeper.cases.api.common import router

__all__ = ["router"]
