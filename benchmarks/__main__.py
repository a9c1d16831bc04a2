"""Run every benchmark: ``python -m benchmarks`` (or ``make bench``).

Each benchmark runs in a process of its own: several set up Django's test
environment and a database of their own, which a process can do only once.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import benchmarks
from benchmarks.machine import describe


def main() -> int:
    print(describe(), flush=True)
    names = sorted(
        info.name
        for info in pkgutil.iter_modules(benchmarks.__path__)
        if info.name.startswith("bench_")
    )
    if not names:
        print("No benchmarks found.", file=sys.stderr)
        return 1
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
    sys.exit(main())
