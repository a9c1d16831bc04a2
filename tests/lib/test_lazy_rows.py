import pytest
from django.core.paginator import Paginator

from panelkeeper.lib.lazy_rows import LazyRows


class Letters(LazyRows[str]):
    """The letters of a word, recording each read and count, as a query would run."""

    def __init__(self, word: str) -> None:
        self.word = word
        self.reads: list[tuple[int, int]] = []
        self.counts = 0

    def count_rows(self) -> int:
        self.counts += 1
        return len(self.word)

    def read(self, start: int, stop: int) -> list[str]:
        self.reads.append((start, stop))
        return list(self.word[start:stop])


def test_a_paginator_counts_it_once_and_reads_only_the_page_it_shows() -> None:
    letters = Letters("abcdefg")

    page = Paginator(letters, 3).get_page(2)

    assert list(page) == ["d", "e", "f"]
    assert letters.reads == [(3, 6)]
    assert letters.counts == 1


def test_it_is_indexed_like_a_list() -> None:
    letters = Letters("abc")

    assert (letters[0], letters[-1], letters[1:], letters[5:9], letters[2:1]) == (
        "a",
        "c",
        ["b", "c"],
        [],
        [],
    )
    assert letters.reads == [(0, 1), (2, 3), (1, 3), (3, 3), (2, 2)]
    with pytest.raises(IndexError):
        letters[3]
    with pytest.raises(IndexError):
        letters[-4]


def test_a_slice_with_a_step_is_refused() -> None:
    with pytest.raises(ValueError, match="without a step"):
        Letters("abc")[::2]
