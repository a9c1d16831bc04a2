"""The breach ladder of a code of conduct: its schema, loader and explanation.

Public entry points (the policy loader and the rulebook call these):

* :func:`parse_breach` reads the ``[breach]`` table of a code-of-conduct file into a
  :class:`Ladder`, reporting every mistake through the :class:`Table` reader (never
  raising). Role references are checked against the ``Roles`` the loader read from
  ``[roles]``: each must be a declared staff title or a member role.
* :func:`check_group` says what is wrong with the people proposed for an investigating
  group (BR-6, COI-4, Interpretation 10), every problem at once.
* :func:`explain_breach` turns a :class:`Ladder` into the rulebook's breach sections:
  ``(title, ((rule_ids, sentence), ...))`` pairs, which ``explain.py`` wraps in its own
  ``Section`` and ``Rule`` (plain tuples here keep the two modules free of a cycle).

The data model lives in :mod:`panelkeeper.rules.ladder.model`; the procedure that walks
a case up the ladder in :mod:`panelkeeper.rules.ladder.case`. Rules: BR-1 to BR-13, COI-4
and Interpretations 1 to 5 and 8 to 10 of ``CLAUSES.md``.
"""

from __future__ import annotations

from panelkeeper.rules.ladder.explain import ExplainedRule, ExplainedSection, explain_ladder
from panelkeeper.rules.ladder.group import GroupProblem, GroupProblemCode, Seated, check_group
from panelkeeper.rules.ladder.model import (
    DEFAULT_RECEIPT,
    NO_BREACH,
    Anchor,
    Appeal,
    AppealScope,
    Channel,
    Deadline,
    Effect,
    Escalation,
    EscalationMode,
    Group,
    InformalStep,
    Ladder,
    Level,
    Opening,
    Outcome,
    Party,
    Raiser,
    Raising,
    Requirement,
    Seat,
    Suspension,
)
from panelkeeper.rules.ladder.parse import read_ladder
from panelkeeper.rules.policy.problems import Table
from panelkeeper.rules.policy.roles import Roles

__all__ = [
    "DEFAULT_RECEIPT",
    "NO_BREACH",
    "Anchor",
    "Appeal",
    "AppealScope",
    "Channel",
    "Deadline",
    "Effect",
    "Escalation",
    "EscalationMode",
    "ExplainedRule",
    "ExplainedSection",
    "Group",
    "GroupProblem",
    "GroupProblemCode",
    "InformalStep",
    "Ladder",
    "Level",
    "Opening",
    "Outcome",
    "Party",
    "Raiser",
    "Raising",
    "Requirement",
    "Seat",
    "Seated",
    "Suspension",
    "check_group",
    "explain_breach",
    "parse_breach",
]


def parse_breach(table: Table | None, roles: Roles) -> Ladder | None:
    """Read ``[breach]`` (with its sub-tables, appeal included) into a :class:`Ladder`.

    ``table`` is the file's ``breach`` table as the policy loader's reader sees it, or
    ``None`` when the file has none (then there is no ladder and ``None`` is returned).
    Problems go to ``table.problems``; the result is ``None`` when the table is too
    broken to use, and the caller reports the problems collected.
    """
    if table is None:
        return None
    return read_ladder(table, roles)


def explain_breach(ladder: Ladder) -> tuple[ExplainedSection, ...]:
    """The rulebook's breach sections: ``(title, ((rule_ids, sentence), ...))``.

    Every sentence uses the file's labels, role titles and figures; none shows a key.
    """
    return explain_ladder(ladder)
