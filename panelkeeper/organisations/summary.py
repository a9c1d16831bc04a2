"""The code of conduct in force at an organisation, in brief: its version, its dates and
whether its review is due (GOV-1), as staff see it on their Today page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.organisations.in_force import policy_of_version
from panelkeeper.organisations.models import Organisation, PolicyVersion
from panelkeeper.organisations.policies import InvalidPolicy, review_due


@dataclass(frozen=True)
class CodeInForce:
    version: PolicyVersion | None
    review_due: dt.date | None
    review_overdue: bool
    unreadable: bool
    """The version in force no longer passes the current checks."""
    drafts: int


def code_in_force(
    organisation: Organisation, *, today: dt.date, version: PolicyVersion | None
) -> CodeInForce:
    """``version``, the version in force on ``today`` (as the caller has read it), when its
    review is due and whether that has passed, and how many drafts wait; one query."""
    due = None
    unreadable = False
    if version is not None:
        try:
            due = review_due(version, policy_of_version(version))
        except InvalidPolicy:
            unreadable = True
    drafts = PolicyVersion.objects.drafts().filter(organisation=organisation).count()
    return CodeInForce(version, due, due is not None and due < today, unreadable, drafts)
