"""Write panelkeeper/rules/policy/data/clauses.json from the side-by-side table of rules.

Usage: python scripts/clauses_table.py [path/to/CLAUSES.md]

For each rule id: its short name, its kind (ENFORCE, TRACK, ATTEST, or POLICY alone), whether the
product applies it by default where the codes are silent (POLICY), and which of the five
codes has something to say on it (a cell that does not start with "—"). The coverage
test reads only the generated file, so it runs without the shared codes.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "codes" / "CLAUSES.md"
TARGET = ROOT / "panelkeeper" / "rules" / "policy" / "data" / "clauses.json"
COLUMNS = ("vela", "insight", "nexus", "herefordshire", "thirteen")
ROW = re.compile(r"^\|\s*([A-Z]+-\d+)\s*\|")
KIND = re.compile(r"\b(ENFORCE|TRACK|ATTEST|POLICY)\b")


def parse(text: str) -> dict[str, dict[str, object]]:
    rules: dict[str, dict[str, object]] = {}
    for line in text.splitlines():
        if not ROW.match(line):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 8:
            raise SystemExit(f"expected 8 cells, found {len(cells)}: {line[:60]}")
        rule_id, name, *orgs, kind_cell = cells
        kind = KIND.search(kind_cell)
        if kind is None:
            raise SystemExit(f"{rule_id}: no kind in {kind_cell!r}")
        rules[rule_id] = {
            "name": name,
            "kind": kind.group(1),
            "policy": "POLICY" in kind_cell,
            "applies": [
                slug for slug, cell in zip(COLUMNS, orgs, strict=True) if not cell.startswith("—")
            ],
        }
    return rules


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    rules = parse(source.read_text(encoding="utf-8"))
    TARGET.write_text(json.dumps(rules, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(rules)} rules to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
