"""Run every benchmark: ``python -m benchmarks`` (or ``make bench``)."""

from __future__ import annotations

import importlib
import pkgutil
import sys

import benchmarks
from benchmarks.machine import describe


def main() -> int:
    print(describe())
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    if not names:
        print("No benchmarks found.", file=sys.stderr)
        return 1
    for name in names:
        print(f"\n== {name} ==")
        importlib.import_module(f"benchmarks.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
