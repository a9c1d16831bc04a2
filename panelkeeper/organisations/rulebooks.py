"""The rulebook of a stored version: the same structures ``panelkeeper rules explain`` prints."""

from __future__ import annotations

from panelkeeper.organisations.in_force import calendar_settings, policy_of_version
from panelkeeper.organisations.models import PolicyVersion
from panelkeeper.rules.explain.rulebook import Rulebook, rulebook


def rulebook_of(version: PolicyVersion) -> Rulebook:
    """The rulebook of ``version``, with its organisation's region and closure days and,
    once published, the approval date recorded for it (the one the home page and the API
    give); :class:`~.policies.InvalidPolicy` if it no longer loads."""
    calendar = calendar_settings(version.organisation)
    policy = policy_of_version(version)
    return rulebook(policy, calendar=calendar, approved_on=version.approved_on)
