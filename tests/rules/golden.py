"""What the rules package makes of each preset, written out to compare with tests/rules/golden/.

Plain text files, two per preset and one per top-level table of the file:

* ``policy-<slug>.json``: the loaded :class:`Policy`, every field (BR, MEM, MTG, COI,
  CONF, GIFT and GOV rules as values).
* ``rulebook-<slug>.txt``: the rulebook a member reads.
* ``problems-<table>.txt``: the problems reported for the presets spoiled one way at a
  time inside each top-level table: each setting given a value of the wrong type, an
  unknown word, removed, and each table given a setting it does not have.

The files are the reviewed record of what the rules say; a change to the rules package
that changes any of them fails tests/rules/test_golden.py. After a deliberate change,
rewrite them and review the diff:

    .venv/bin/python -m tests.rules.golden
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import enum
import json
import tomllib
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from panelkeeper.rules.calendar.durations import Duration
from panelkeeper.rules.explain.rulebook import render_text, rulebook
from panelkeeper.rules.policy.loader import check_policy
from panelkeeper.rules.policy.presets import PRESETS, load_preset, preset_text
from panelkeeper.rules.policy.roles import Roles

FOLDER = Path(__file__).resolve().parent / "golden"

type Data = dict[str, object]
type Path_ = tuple[str | int, ...]


def plain(value: object) -> object:
    """``value`` as JSON data, sets sorted, so the text is the same on every run."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Duration):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Roles):
        return {"staff": plain(value.staff), "members": plain(value.members)}
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted((plain(v) for v in value), key=repr)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"no plain form for {type(value).__name__}")


def policy_json(slug: str) -> str:
    return json.dumps(plain(load_preset(slug)), indent=1, ensure_ascii=False) + "\n"


def rulebook_text(slug: str) -> str:
    return render_text(rulebook(load_preset(slug)))


# -- spoiling a preset one setting at a time ------------------------------------------


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value).__name__)


def to_toml(data: Data) -> str:
    """``data`` as a TOML file: one line per top-level key, tables written inline."""
    return "".join(f"{json.dumps(key)} = {_toml(value)}\n" for key, value in data.items())


def _trimmed(value: object) -> object:
    """The preset with each part's conduct standards cut to two (fewer cases, same shapes)."""
    if isinstance(value, dict):
        return {k: v[:2] if k == "standards" else _trimmed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_trimmed(v) for v in value]
    return value


def _walk(value: object, path: Path_ = ()) -> Iterator[tuple[Path_, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, (*path, index))


def _shape(path: Path_) -> str:
    return ".".join("[]" if isinstance(p, int) else p for p in path)


def _wrong_type(value: object) -> object:
    if isinstance(value, bool):
        return "yes"
    if isinstance(value, (int, float, dict)):
        return "seven" if isinstance(value, (int, float)) else 7
    return 7


def _unknown(value: object) -> object | None:
    if isinstance(value, str):
        return "nonsense"
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return 99
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return [*value, "nonsense"]
    return None


def _set(data: Data, path: Path_, value: object) -> Data:
    spoiled = copy.deepcopy(data)
    holder: object = spoiled
    for part in path[:-1]:
        holder = holder[part]  # type: ignore[index]
    holder[path[-1]] = value  # type: ignore[index]
    return spoiled


def _remove(data: Data, path: Path_) -> Data:
    spoiled = copy.deepcopy(data)
    holder: object = spoiled
    for part in path[:-1]:
        holder = holder[part]  # type: ignore[index]
    del holder[path[-1]]  # type: ignore[attr-defined]
    return spoiled


@cache
def _spoilings() -> tuple[tuple[str, str, Data], ...]:
    """Each preset spoiled in one way at a time: (top-level table, what was done, data).

    A setting that several presets share (``breach.appeal.to``, say) is spoiled in the
    first preset that has it only, so each reader's complaints appear once.
    """
    return tuple(_spoil_each())


def _spoil_each() -> Iterator[tuple[str, str, Data]]:
    seen: set[str] = set()
    for slug in PRESETS:
        data: Data = _trimmed(tomllib.loads(preset_text(slug)))  # type: ignore[assignment]
        assert check_policy(to_toml(data), source=slug) == (), "the trimmed preset is sound"
        for path, value in _walk(data):
            shape = _shape(path)
            if not path or shape in seen:
                continue
            seen.add(shape)
            where = f"{slug}: " + ".".join(str(p) for p in path)
            top = str(path[0])
            yield (
                top,
                f"{where} given a value of the wrong type",
                _set(data, path, _wrong_type(value)),
            )
            unknown = _unknown(value)
            if unknown is not None:
                yield top, f"{where} given an unknown value", _set(data, path, unknown)
            if isinstance(path[-1], str):
                yield top, f"{where} removed", _remove(data, path)
            if isinstance(value, dict):
                yield top, f"{where} given a stray setting", _set(data, (*path, "stray_setting"), 1)


def spoiled(table: str) -> Iterator[tuple[str, Data]]:
    """The presets spoiled one way at a time inside the top-level ``table``."""
    return ((what, data) for top, what, data in _spoilings() if top == table)


#: The top-level tables of the presets, each with its file of problems.
TABLES = tuple(dict.fromkeys(top for top, _, _ in _spoilings()))


def problems_text(table: str) -> str:
    lines: list[str] = []
    for what, data in spoiled(table):
        lines.append(what)
        found = check_policy(to_toml(data), source="spoiled.toml")
        lines += [f"  {p.key}: {p.message}" for p in found] or ["  (no problem)"]
    return "\n".join(lines) + "\n"


#: Each reading of a preset, by the name of its file.
READINGS = {
    "policy-{}.json": policy_json,
    "rulebook-{}.txt": rulebook_text,
}


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for old in FOLDER.iterdir():
        old.unlink()
    written = [
        (FOLDER / pattern.format(slug), reading(slug))
        for slug in PRESETS
        for pattern, reading in READINGS.items()
    ]
    written += [(FOLDER / f"problems-{table}.txt", problems_text(table)) for table in TABLES]
    for path, text in written:
        path.write_text(text, "utf-8")
        print("wrote", path)


if __name__ == "__main__":
    main()
