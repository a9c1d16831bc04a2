"""Names taken out of free text: the one way a pack withholds a name and erasure removes one."""

from __future__ import annotations

import re
from collections.abc import Iterable

from panelkeeper.cases.triggers import SHORTEST_NAME

# A name this short (an initial, a typing slip) would take out ordinary words; the
# triggers on a case event's text count on no shorter name being taken out.
SHORTEST = SHORTEST_NAME


def without(text: str, names: Iterable[str], mark: str) -> str:
    """``text`` with each of ``names`` replaced by ``mark`` as a whole word, whatever its
    case and however many spaces separate its parts; longer names first, so "Ann Lee"
    goes whole before "Ann" could."""
    unique = {" ".join(name.split()) for name in names}
    kept = sorted((n for n in unique if len(n) >= SHORTEST), key=len, reverse=True)
    if not text or not kept:
        return text
    pattern = "|".join(r"\s+".join(re.escape(part) for part in n.split()) for n in kept)
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", mark, text, flags=re.IGNORECASE)
