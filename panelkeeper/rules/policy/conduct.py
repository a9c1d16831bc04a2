"""Conduct standards as citable clauses (MTG-8, MTG-9, MTG-10, MEM-7, MEM-8, MEM-10,
CONF-5, MTG-7).

Each code's personal-conduct section and appendix become short entries in our own
words, each with a stable id such as ``vela.app.14``, so a breach report can cite the
standard it says was broken (BR-0). Ids start with the code's slug and never change
between versions of a preset: a new standard takes a new id.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from panelkeeper.rules.policy.problems import Table
from panelkeeper.rules.policy.sections import Cites, read_cites, read_rule_ids

_STANDARD_ID = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@dataclass(frozen=True)
class Standard:
    """One citable standard of behaviour."""

    id: str
    text: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """A titled group of standards, such as a code's appendix."""

    title: str
    cites: Cites
    standards: tuple[Standard, ...]


@dataclass(frozen=True)
class Conduct:
    cites: Cites
    parts: tuple[Part, ...]

    @property
    def standards(self) -> tuple[Standard, ...]:
        return tuple(s for part in self.parts for s in part.standards)

    def standard(self, standard_id: str) -> Standard | None:
        return next((s for s in self.standards if s.id == standard_id), None)


def parse_conduct(table: Table, slug: str | None) -> Conduct:
    """Read ``[conduct]`` and its ``[[conduct.parts]]``; ids unique and under the slug."""
    seen: set[str] = set()
    parts: list[Part] = []
    for part_table in table.table_list("parts", required=True):
        title = part_table.required_str("title", example='"Appendix One"')
        part_cites = read_cites(part_table)
        standards: list[Standard] = []
        for entry in part_table.table_list("standards", required=True):
            standard = _standard(entry, slug, seen)
            if standard is not None:
                standards.append(standard)
            entry.finish()
        part_table.finish()
        if title is not None:
            parts.append(Part(title, part_cites, tuple(standards)))
    return Conduct(read_cites(table), tuple(parts))


def _standard(entry: Table, slug: str | None, seen: set[str]) -> Standard | None:
    standard_id = entry.required_str("id", example='"vela.app.14"')
    text = entry.required_str("text", example='"Keep to the agenda."')
    rules = read_rule_ids(entry, "rules")
    if standard_id is None or text is None:
        return None
    if not _STANDARD_ID.match(standard_id):
        entry.problem(
            "id",
            f'Write an id of dotted lower-case words such as "vela.app.14", not "{standard_id}".',
        )
        return None
    if slug is not None and not standard_id.startswith(f"{slug}."):
        entry.problem("id", f'Start the id with the code\'s slug, as in "{slug}.app.1".')
        return None
    if standard_id in seen:
        entry.problem("id", f'"{standard_id}" is used by an earlier standard; ids must be unique.')
        return None
    seen.add(standard_id)
    return Standard(standard_id, text, rules)
