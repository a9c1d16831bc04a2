"""The cases API: ``router`` for panelkeeper.api, with the operations in one module
per audience (public, officer, portal); see DEVELOPERS.md "Layout"."""

# Importing the operation modules registers them on the router, in the order their paths
# must be tried: the vocabulary first (``/{org}/vocabulary`` is not a case), the reads and
# raising, then the steps on a case.
# isort: off
from panelkeeper.cases.api import officer_vocabulary  # noqa: F401
from panelkeeper.cases.api import officer, officer_guests, officer_steps  # noqa: F401

# isort: on
from panelkeeper.cases.api.common import router

__all__ = ["router"]
