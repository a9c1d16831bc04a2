"""What the rules package makes of each preset, written out to compare with tests/rules/golden/.

Three readings per preset, each a plain text file:

* ``policy-<slug>.json``: the loaded :class:`Policy`, every field (BR, MEM, MTG, COI,
  CONF, GIFT and GOV rules as values).
* ``rulebook-<slug>.txt``: the rulebook a member reads.
* ``problems-<slug>.txt``: the problems reported for the preset spoiled one way at a
  time: each setting given a value of the wrong type, an unknown word, removed, and
  each table given a setting it does not have.

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


def spoiled(slug: str) -> Iterator[tuple[str, Data]]:
    """The preset spoiled in one way at a time, each with what was done."""
    data: Data = _trimmed(tomllib.loads(preset_text(slug)))  # type: ignore[assignment]
    assert check_policy(to_toml(data), source=slug) == (), "the trimmed preset must be sound"
    seen: set[str] = set()
    for path, value in _walk(data):
        shape = _shape(path)
        if not path or shape in seen:
            continue
        seen.add(shape)
        where = ".".join(str(p) for p in path)
        yield f"{where} given a value of the wrong type", _set(data, path, _wrong_type(value))
        unknown = _unknown(value)
        if unknown is not None:
            yield f"{where} given an unknown value", _set(data, path, unknown)
        if isinstance(path[-1], str):
            yield f"{where} removed", _remove(data, path)
        if isinstance(value, dict):
            yield f"{where} given a stray setting", _set(data, (*path, "stray_setting"), 1)


def problems_text(slug: str) -> str:
    lines: list[str] = []
    for what, data in spoiled(slug):
        lines.append(what)
        found = check_policy(to_toml(data), source=f"{slug}.toml")
        lines += [f"  {p.key}: {p.message}" for p in found] or ["  (no problem)"]
    return "\n".join(lines) + "\n"


READINGS = {
    "policy-{}.json": policy_json,
    "rulebook-{}.txt": rulebook_text,
    "problems-{}.txt": problems_text,
}


def main() -> None:
    FOLDER.mkdir(exist_ok=True)
    for slug in PRESETS:
        for pattern, reading in READINGS.items():
            (FOLDER / pattern.format(slug)).write_text(reading(slug), "utf-8")
            print("wrote", FOLDER / pattern.format(slug))


if __name__ == "__main__":
    main()
