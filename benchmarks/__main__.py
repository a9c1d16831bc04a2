"""Run the benchmarks: ``python -m benchmarks`` (or ``make bench``) runs every one;
``python -m benchmarks scale case_list`` (or ``make bench ONLY="scale case_list"``) runs
only those named, with or without their ``bench_`` prefix.

Each benchmark runs in a process of its own: several set up Django's test
environment and a database of their own, which a process can do only once.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import benchmarks
from benchmarks.machine import describe


def chosen(available: list[str], asked: list[str]) -> list[str]:
    """The benchmarks asked for by name (all when none are), in the order available."""
    if not asked:
        return available
    wanted = {name if name.startswith("bench_") else f"bench_{name}" for name in asked}
    unknown = wanted - set(available)
    if unknown:
        raise SystemExit(
            f"No benchmark called {', '.join(sorted(unknown))}; there are: "
            + ", ".join(name.removeprefix("bench_") for name in available)
        )
    return [name for name in available if name in wanted]


def main(asked: list[str]) -> int:
    available = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    if not available:
        print("No benchmarks found.", file=sys.stderr)
        return 1
    names = chosen(available, asked)
    print(describe(), flush=True)
    failed = []
    for name in names:
        print(f"\n== {name} ==", flush=True)
        if subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], check=False).returncode:
            failed.append(name)
    if failed:
        print(f"\nFailed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
