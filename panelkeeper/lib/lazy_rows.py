"""A list for a paginator that reads from the database only the page it shows.

Django's ``Paginator`` counts its list once, then slices it for the page. A list that is
not one queryset (two parts in their own orders, rows counted by a query of their own)
subclasses :class:`LazyRows`: it says how many rows there are and how to read those
between two positions, and is indexed and sliced like any sequence.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from functools import cached_property
from typing import overload


class LazyRows[T](Sequence[T]):
    """Rows counted once and read a slice at a time."""

    @abstractmethod
    def count_rows(self) -> int:
        """How many rows there are; asked once."""

    @abstractmethod
    def read(self, start: int, stop: int) -> list[T]:
        """The rows from ``start`` up to ``stop``, where ``0 <= start <= stop <= len(self)``."""

    @cached_property
    def _length(self) -> int:
        return self.count_rows()

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        if isinstance(index, int):
            position = index + len(self) if index < 0 else index
            if not 0 <= position < len(self):
                raise IndexError(index)
            return self.read(position, position + 1)[0]
        start, stop, step = index.indices(len(self))
        if step != 1:
            raise ValueError("Rows are read a slice at a time, without a step")
        return self.read(start, max(start, stop))
