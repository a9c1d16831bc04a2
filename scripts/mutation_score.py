"""The mutation score of the last `make mutation` run, module by module.

Reads mutmut's results under mutants/ and prints, for each module of panelkeeper/rules,
how many mutants the tests killed (a timeout counts as killed: the change made a test
hang), how many survived and how many reached no test at all. Mutants that cannot
change behaviour are never made: the lines are excluded in pyproject.toml
(``do_not_mutate_patterns``, each with its reason) or marked ``# pragma: no mutate``;
their number is worked out here by making the mutants of each file with and without
the exclusions. The score is killed / (all - equivalent), in percent, over the mutants
checked (every one of them after a whole run).

    python scripts/mutation_score.py [--survivors] [--min PERCENT]

Exits 1 when the score is below ``--min``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from mutmut.configuration import config
from mutmut.mutation.file_mutation import create_mutations
from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = Path("panelkeeper/rules")
DETECTED = ("killed", "timeout", "caught by type check", "segfault")
COLUMNS = ("killed", "timeout", "survived", "no tests", "other", "not checked")


def _module(path: Path) -> str:
    return ".".join(path.with_suffix("").parts).removesuffix(".__init__")


def _mutant_count(path: Path, code: str) -> int:
    return len(create_mutations(str(path), code)[1])


def excluded_mutants() -> dict[str, int]:
    """Per module, the mutants the exclusions keep from being made (the equivalent ones)."""
    settings = config()
    patterns = list(settings.do_not_mutate_patterns)
    counts: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        code = path.read_text("utf-8")
        if "pragma: no mutate" not in code and not patterns:
            continue
        made = _mutant_count(path, code)
        settings.do_not_mutate_patterns = []
        try:
            everything = _mutant_count(path, code.replace("# pragma: no mutate", "#"))
        finally:
            settings.do_not_mutate_patterns = patterns
        if everything > made:
            counts[_module(path)] = everything - made
    return counts


def results() -> dict[str, dict[str, str]]:
    """Per module, each mutant's status as mutmut records it."""
    found: dict[str, dict[str, str]] = {}
    for meta in sorted((Path("mutants") / PACKAGE).rglob("*.py.meta")):
        source = meta.relative_to("mutants").with_suffix("")
        codes = json.loads(meta.read_text("utf-8"))["exit_code_by_key"]
        if codes:
            found[_module(source)] = {
                name: status_by_exit_code[code] for name, code in codes.items()
            }
    return found


def _column(status: str) -> str:
    if status in DETECTED:
        return "killed" if status != "timeout" else "timeout"
    return status if status in COLUMNS else "other"


def _score(counts: Counter[str], made: int) -> str:
    checked = made - counts["not checked"]
    if not checked:
        return "    -"
    return f"{100 * (counts['killed'] + counts['timeout']) / checked:5.1f}%"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--survivors", action="store_true", help="list every survivor")
    parser.add_argument("--min", type=float, default=0.0, help="lowest passing score, percent")
    args = parser.parse_args()
    os.chdir(ROOT)

    by_module = results()
    if not by_module:
        print("No results under mutants/: run `make mutation` first.", file=sys.stderr)
        return 1
    equivalent = excluded_mutants()
    totals: Counter[str] = Counter()
    width = max(len(m) for m in by_module)
    print(f"{'module':<{width}}  {'all':>5}  " + "  ".join(f"{c:>8}" for c in COLUMNS) + "   score")
    for module, statuses in by_module.items():
        counts = Counter(_column(s) for s in statuses.values())
        totals.update(counts)
        cells = "  ".join(f"{counts[c]:>8}" for c in COLUMNS)
        print(f"{module:<{width}}  {len(statuses):>5}  {cells}  {_score(counts, len(statuses))}")
    everything = sum(len(s) for s in by_module.values())
    detected = totals["killed"] + totals["timeout"]
    checked = everything - totals["not checked"]
    score = 100 * detected / checked if checked else 0.0
    cells = "  ".join(f"{totals[c]:>8}" for c in COLUMNS)
    print(f"{'all modules':<{width}}  {everything:>5}  {cells}  {_score(totals, everything)}")
    print(
        f"\nScore: {score:.1f}% = killed {detected} (timeouts {totals['timeout']} among them) "
        f"/ mutants checked {checked}; survived {totals['survived']}, no tests "
        f"{totals['no tests']}, other {totals['other']}."
    )
    if totals["not checked"]:
        print(
            f"Not checked yet: {totals['not checked']} of {everything} mutants made "
            "(an interrupted or partial run); the score covers the others only."
        )
    print(
        f"Equivalent mutants excluded (never made): {sum(equivalent.values())}"
        + (" in " + ", ".join(f"{m} {n}" for m, n in equivalent.items()) if equivalent else "")
    )
    if args.survivors:
        for module, statuses in by_module.items():
            alive = [
                n
                for n, s in statuses.items()
                if _column(s) not in ("killed", "timeout", "not checked")
            ]
            if alive:
                print(f"\n{module}: {len(alive)} not killed (`.venv/bin/mutmut show NAME`)")
                for name in alive:
                    print(f"  {name}  ({statuses[name]})")
    if score < args.min:
        print(f"\nBelow the {args.min:g}% the project asks for.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
