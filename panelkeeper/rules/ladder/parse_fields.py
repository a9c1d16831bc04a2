"""Readers for the fields that recur across the tables of ``[breach]``.

A level, an informal step and an outcome each have a ``key``; most parts cite the rule
ids they implement; deadlines are written the same way wherever they stand; outcomes,
steps, suspension and escalation all name levels. Each reader reports a mistake at its
dotted key through the :class:`Table` and returns ``None`` (or leaves the item out).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from panelkeeper.rules.ladder.model import Anchor, Deadline
from panelkeeper.rules.policy.problems import Table
from panelkeeper.rules.policy.sections import read_cites

__all__ = ["read_deadline", "read_ids", "read_key", "read_level", "read_levels"]

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


def read_ids(table: Table) -> tuple[str, ...]:
    """The rule ids a table cites (``rules``) or adopts where its code is silent (``adopted``)."""
    cites = read_cites(table)
    if not table.data.get("rules") and not table.data.get("adopted"):
        table.problem("rules", 'Cite the rule ids this part implements, such as rules = ["BR-7"].')
    return cites.all


def read_key(table: Table) -> str | None:
    """``key``: a short name in lower case with underscores, such as "minor"."""
    key = table.required_str("key", example='"minor"')
    if key is not None and not _KEY.match(key):
        table.problem("key", f'Write a short key in lower case with underscores, not "{key}".')
        return None
    return key


def read_deadline(table: Table, name: str) -> Deadline | None:
    """``name = { within = "10 working days", from = "member_informed" }``."""
    sub = table.optional_table(name)
    if sub is None:
        return None
    within = sub.required_duration("within")
    if within is not None and within.amount == 0:
        sub.problem(
            "within", 'A deadline needs at least one day; write one such as "10 working days".'
        )
        within = None
    start = sub.required_choice("from", Anchor)
    target = sub.optional_bool("target", False)
    sub.finish()
    if within is None or start is None:
        return None
    return Deadline(within, start, target)


def read_levels(
    table: Table, name: str, levels: Sequence[str], *, allow_empty: bool = False
) -> tuple[str, ...]:
    """The list at ``name``: keys of ``levels``, each other one a problem and left out.

    The list is required unless ``allow_empty``.
    """
    return table.list_items(
        name,
        table.str_list(name, required=not allow_empty),
        read=lambda level: level if level in levels else None,
        complaint=lambda level: _not_a_level(level, levels),
    )


def read_level(table: Table, name: str, levels: Sequence[str], *, required: bool) -> str | None:
    """The key of one of ``levels`` at ``name``; ``None`` (after a problem) if it is not one."""
    level = table.required_str(name) if required else table.optional_str(name)
    if level is None:
        return None
    if level not in levels:
        table.problem(name, _not_a_level(level, levels))
        return None
    return level


def _not_a_level(level: str, levels: Sequence[str]) -> str:
    listed = ", ".join(f'"{lv}"' for lv in levels) or "none yet"
    return f'"{level}" is not a level of breach here. Defined levels: {listed}.'
