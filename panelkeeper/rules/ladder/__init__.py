"""The breach ladder: what a code says about breaches and appeals, and a case read against it.

"Ladder" is this package's one word for a code's breach procedure: its levels,
escalation, outcomes on offer, steps, deadlines and appeal, and the replay of a case's
events against them. This ``__init__`` is the ladder's schema API (the policy loader
and the rulebook call these):

* :func:`parse_breach` reads the ``[breach]`` table of a code-of-conduct file into a
  :class:`Ladder`, reporting every mistake through the :class:`Table` reader (never
  raising). Role references are checked against the ``Roles`` the loader read from
  ``[roles]``: each must be a declared staff title or a member role.
* :func:`check_group` says what is wrong with the people proposed for an investigating
  group (BR-6, COI-4, Interpretation 10), every problem at once.
* :func:`explain_ladder` turns a :class:`Ladder` into the rulebook's breach sections,
  written in the rulebook's own ``Section`` and ``Rule``
  (:mod:`panelkeeper.rules.explain.sections`, which imports nothing of the ladder).

The package exports the functions above, :class:`Ladder` and the vocabulary the apps
speak of a case in (``Channel``, ``Effect``, ``Party``, ``Raiser``, ...); the dataclasses
a ladder is made of stay in :mod:`.model`.

Modules: :mod:`.model` (the dataclasses), :mod:`.parse` (with :mod:`.parse_fields`, the
fields its tables share), :mod:`.group`, :mod:`.deciders` (who must be in place before
a level or an outcome is recorded), :mod:`.explain`; and for a case on the ladder,
:mod:`.case` (``assess``, ``check_next``: the breach-cases app's one entry point),
:mod:`.case_model` (events in, the case's view out), :mod:`.replay`, :mod:`.apply` and
:mod:`.view`. Rules: BR-1 to BR-13, COI-4 and Interpretations 1 to 5 and 8 to 10 of
``CLAUSES.md``.
"""

from __future__ import annotations

from panelkeeper.rules.ladder.explain import explain_ladder
from panelkeeper.rules.ladder.group import GroupProblem, GroupProblemCode, Seated, check_group
from panelkeeper.rules.ladder.model import (
    NO_BREACH,
    Anchor,
    AppealScope,
    Channel,
    Effect,
    EscalationMode,
    Ladder,
    Party,
    Raiser,
    Requirement,
    key_in_words,
)
from panelkeeper.rules.ladder.parse import read_ladder
from panelkeeper.rules.policy.problems import Table
from panelkeeper.rules.policy.roles import Roles

__all__ = [
    "NO_BREACH",
    "Anchor",
    "AppealScope",
    "Channel",
    "Effect",
    "EscalationMode",
    "GroupProblem",
    "GroupProblemCode",
    "Ladder",
    "Party",
    "Raiser",
    "Requirement",
    "Seated",
    "check_group",
    "explain_ladder",
    "key_in_words",
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
