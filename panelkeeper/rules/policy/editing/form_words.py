"""The loader's problems in the words of someone changing the code on its forms.

The loader words each problem for a file ("This is missing. Add levels = [...]"): right
for an upload, wrong for a form. Each problem carries its
:class:`~panelkeeper.rules.policy.problems.ProblemCode`, and :func:`form_message`
chooses the words from it and the setting it is about: what to fill in, and where.
A problem a form cannot word better keeps its ``on_form`` words, or its own.
"""

from __future__ import annotations

from panelkeeper.rules.policy.editing.catalogue import PARTS
from panelkeeper.rules.policy.editing.document import problem_target
from panelkeeper.rules.policy.editing.entries import Entry, Field, Kind, Part, Rows
from panelkeeper.rules.policy.problems import Problem, ProblemCode

__all__ = ["form_message", "missing_words"]

_LISTS = frozenset({Kind.CHOICES, Kind.TEXTS, Kind.ROLES, Kind.LEVELS, Kind.STEPS})
_PICKED = frozenset({Kind.ROLE, Kind.LEVEL, Kind.OUTCOME, Kind.CHOICE})


def _lower(label: str) -> str:
    return label[:1].lower() + label[1:]


def missing_words(entry: Entry) -> str:
    """What to do about ``entry`` left empty: "Enter …", "Choose one for …", "Add …"."""
    if not isinstance(entry, Field):
        return f"Add at least one {entry.item_label} to “{entry.label}”"
    if entry.kind in _LISTS:
        return f"Choose at least one for “{entry.label}”"
    if entry.kind in _PICKED:
        return f"Choose one for “{entry.label}”"
    return f"Enter {_lower(entry.label)}"


def _setting(key: str, *, under: bool) -> tuple[Part, Entry] | None:
    """The part and entry showing the setting at ``key`` (``under``: the first setting
    of the table at ``key``); for a row's setting, the row's field."""
    for part in PARTS:
        if not under:
            target = problem_target(part, key)
            if target is None:
                continue
            entry = part.entry(target.entry)
            assert entry is not None  # problem_target names one of the part's entries
            # problem_target names a field only in a row, so "or" here reads the same.
            if isinstance(entry, Rows) and target.field:  # pragma: no mutate
                return part, entry.field(target.field) or entry
            return part, entry
        for each in part.entries:
            if each.key == key or each.key.startswith(f"{key}."):
                return part, each
    return None


def form_message(problem: Problem, part: Part | None = None) -> str:
    """``problem`` as a form shows it: on the field of ``part`` it concerns, what to fill
    in; elsewhere, what to fill in and under which part."""
    code = problem.code
    if code in (ProblemCode.MISSING, ProblemCode.EMPTY, ProblemCode.MISSING_TABLE):
        found = _setting(problem.key, under=code is ProblemCode.MISSING_TABLE)
        if found is not None:
            where, entry = found
            words = missing_words(entry)
            return f"{words}." if where == part else f"{words} under {where.title}."
    return problem.on_form or problem.message
