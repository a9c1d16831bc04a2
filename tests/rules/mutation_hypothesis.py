"""Settings for `make mutation` only (loaded by [tool.mutmut] as a plugin).

A mutant runs far slower than the package (every function goes through mutmut's
trampoline, on a busy machine), so a deadline would fail properties for being slow and
count a mutant as killed that no property caught. Derandomised, each mutant meets the
same examples, so a result can be reproduced; no example database is written.

mutmut runs a mutant's tests with ``-x``, stopping at the first failure, in no order of
its own; here they run quickest first (by the times mutmut recorded on its first pass),
so a mutant that a quick test catches costs little. Order changes no verdict: a mutant
survives only if every one of its tests passes.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("mutation", deadline=None, derandomize=True, database=None)
settings.load_profile("mutation")

# mutmut runs the tests from inside mutants/, where it keeps its statistics.
STATS = Path("mutmut-stats.json")


def _durations() -> dict[str, float]:
    try:
        recorded = json.loads(STATS.read_text("utf-8"))["duration_by_test"]
    except (OSError, ValueError, KeyError):
        return {}
    return {str(name): float(seconds) for name, seconds in recorded.items()}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    durations = _durations()
    if durations:
        # A test not timed yet (new since the first pass) goes last.
        items.sort(key=lambda item: durations.get(item.nodeid, float("inf")))
