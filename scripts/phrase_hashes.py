"""Write panelkeeper/rules/policy/data/phrase_hashes.txt from the five source codes.

Usage: python scripts/phrase_hashes.py [path/to/codes]

Each code is normalised (lower case, words only) and every run of eight consecutive
words is hashed. The product carries only these hashes, so a test can refuse any text
that repeats a source sentence while the sources themselves stay out of the product.
tests/rules/copying.py normalises and hashes the same way; keep the two equal.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SOURCE = ROOT.parent / "shared" / "codes"
TARGET = ROOT / "panelkeeper" / "rules" / "policy" / "data" / "phrase_hashes.txt"
RUN = 8
WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words, apostrophes and punctuation dropped ("other's" gives "other", "s")."""
    return WORD.findall(text.lower().replace("\u2019", "'"))


def run_hash(run: list[str]) -> str:
    return hashlib.sha256(" ".join(run).encode()).hexdigest()[:16]


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    files = sorted(source.glob("[0-9][0-9][0-9]_*.txt"))
    if len(files) != 5:
        raise SystemExit(f"expected the five codes in {source}, found {len(files)}")
    hashes: set[str] = set()
    for path in files:
        found = words(path.read_text(encoding="utf-8"))
        hashes.update(run_hash(found[i : i + RUN]) for i in range(len(found) - RUN + 1))
    TARGET.write_text("".join(f"{h}\n" for h in sorted(hashes)), encoding="ascii")
    print(f"wrote {len(hashes)} hashes of {RUN}-word runs to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
