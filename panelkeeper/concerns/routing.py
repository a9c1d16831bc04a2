"""What the code in force says about raising a concern: who, how, and where it goes.

Read from the ``[breach.raising]`` table of the organisation's published code on the
day (BR-1, BR-2). No organisation is named here: the anonymous route and the kinds of
reporter come from the code, so any organisation's file may open or close them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from panelkeeper.cases.models import RaisedBy
from panelkeeper.concerns.models import About
from panelkeeper.organisations.in_force import loadable_policy_on
from panelkeeper.organisations.models import Organisation
from panelkeeper.rules.ladder import Party


@dataclass(frozen=True)
class Raising:
    """How concerns may be raised with one organisation on one day."""

    reporter_kinds: tuple[RaisedBy, ...]
    anonymous: bool
    topics: tuple[About, ...]
    routed_to: str
    """The titles of the role or roles the code sends a breach to (BR-2), joined for reading."""
    tells_outcome: bool = False
    """The code says whoever raised the breach is sent its outcome in writing (BR-11)."""


def _titles(titles: list[str]) -> str:
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " or " + titles[-1]


def raising_for(organisation: Organisation, *, on: dt.date) -> Raising | None:
    """The rules for raising a concern with ``organisation`` on ``on``; None if it has none.

    None when no version of its code is in force, or the one in force has no breach
    procedure (or no longer loads): the public page then says to contact them directly.

    - Kinds of reporter (BR-1): those the code lists; all five where it lists none.
    - Anonymity (BR-1): only where the code opens an anonymous route.
    - The outcome (BR-11): whether the code has it sent in writing to whoever raised it.
    - Topics (BR-1): always a member's conduct. How involvement itself works is taken
      where the code opens the anonymous route, because the one code that accepts such
      concerns (thirteen) accepts them through that same whistleblowing route; the
      policy schema has no separate key for it yet.
    """
    policy = loadable_policy_on(organisation, on=on)
    if policy is None or policy.breach is None:
        return None
    rules = policy.breach.raising
    kinds = tuple(RaisedBy(r.value) for r in rules.raised_by) or tuple(RaisedBy)
    topics = (About.CONDUCT, About.INVOLVEMENT) if rules.anonymous else (About.CONDUCT,)
    return Raising(
        reporter_kinds=kinds,
        anonymous=rules.anonymous,
        topics=topics,
        routed_to=_titles([role.title for role in rules.route_to]),
        tells_outcome=Party.REPORTER in policy.breach.outcome_also_to,
    )
