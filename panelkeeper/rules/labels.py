"""String enums whose members carry their words, declared beside them; a list in words.

Several of the rules' enums are written in a file or stored as a short value, and read in
a sentence as words ("post" is sent by post; "report_received" reads "the report is
received"). Declaring both on the member, as Django's ``TextChoices`` does, keeps the two
from drifting apart and spares each enum its own lookup table.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Self

__all__ = ["LabelledEnum", "in_words"]


def in_words(items: Sequence[str]) -> str:
    """``items`` as a sentence lists them: "A", "A and B", "A, B and C"; "" for none."""
    if len(items) < 2:
        # The separator joins nothing: there is at most one item.
        return "".join(items)  # pragma: no mutate
    return ", ".join(items[:-1]) + " and " + items[-1]


class LabelledEnum(StrEnum):
    """A string enum whose members are declared ``NAME = "value", "label"``.

    ``member.value`` (and ``str(member)``) is what a file or the database holds and what
    ``Kind("value")`` looks up; ``member.label`` is how the member reads in a sentence.
    """

    label: str

    # ``label`` defaults only so that looking a member up, ``Kind("value")``, type-checks:
    # the enum machinery answers lookups itself and calls this only to declare members.
    def __new__(cls, value: str, label: str = "") -> Self:
        if not label:
            raise TypeError(f'{cls.__name__} member "{value}" needs a label.')
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member
