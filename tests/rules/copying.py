"""Find runs of eight or more words copied from the five source codes.

``copied_runs(text)`` returns each eight-word run of ``text`` whose hash appears in
``panelkeeper/rules/policy/data/phrase_hashes.txt`` (made by ``scripts/phrase_hashes.py`` with
the same normalisation). Reused for presets, the rulebook, and later for templates and
demo texts.
"""

from __future__ import annotations

import hashlib
import re
from functools import cache
from pathlib import Path

HASHES = Path(__file__).resolve().parents[2] / "panelkeeper/rules/policy/data/phrase_hashes.txt"
RUN = 8
WORD = re.compile(r"[a-z0-9]+")


@cache
def source_hashes() -> frozenset[str]:
    return frozenset(HASHES.read_text(encoding="ascii").split())


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("\u2019", "'"))


def copied_runs(text: str) -> list[str]:
    """Every eight-word run of ``text`` that also occurs in a source code."""
    found = words(text)
    known = source_hashes()
    runs = (" ".join(found[i : i + RUN]) for i in range(len(found) - RUN + 1))
    return [run for run in runs if hashlib.sha256(run.encode()).hexdigest()[:16] in known]
