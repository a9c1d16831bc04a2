"""The rulebook of a stored version: the same structures ``panelkeeper rules explain`` prints."""

from __future__ import annotations

from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.organisations.policies import parse
from panelkeeper.rules.explain import Rulebook, rulebook


def rulebook_of(version: PolicyVersion) -> Rulebook:
    """The rulebook of ``version``; :class:`~.policies.InvalidPolicy` if it no longer loads."""
    return rulebook(parse(version))
