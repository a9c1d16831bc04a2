"""The version name suggested for a draft started from a published version (GOV-1)."""

from __future__ import annotations

import datetime as dt

import pytest

from panelkeeper.rules.policy.editing.version_names import LONGEST, next_version_name

TODAY = dt.date(2026, 12, 7)


@pytest.mark.parametrize(
    ("name", "suggested"),
    [
        ("2.0", "2.1"),
        ("2024-1", "2024-2"),
        ("v9", "v10"),
        ("2026-09", "2026-10"),
        ("099", "100"),
        ("Version 3 (final)", "Version 4 (final)"),
        ("  1.4 ", "1.5"),
    ],
)
def test_the_last_number_in_a_name_is_counted_on(name: str, suggested: str) -> None:
    assert next_version_name(name, (), today=TODAY) == suggested


def test_a_name_already_taken_is_passed_over() -> None:
    assert next_version_name("2.0", {"2.0", "2.1", "2.2"}, today=TODAY) == "2.3"


def test_a_name_without_a_number_gets_the_day_in_words() -> None:
    assert next_version_name("Kestrel code", (), today=TODAY) == "Kestrel code, 7 December 2026"
    assert next_version_name("", (), today=TODAY) == "7 December 2026"


def test_a_dated_name_already_taken_is_numbered() -> None:
    taken = {"Kestrel code, 7 December 2026", "Kestrel code, 7 December 2026 (2)"}
    assert next_version_name("Kestrel code", taken, today=TODAY) == (
        "Kestrel code, 7 December 2026 (3)"
    )


def test_a_suggestion_is_never_longer_than_a_version_name_may_be() -> None:
    long_name = "x" * LONGEST
    suggested = next_version_name(long_name, (), today=TODAY)
    assert len(suggested) <= LONGEST
    assert suggested.endswith(", 7 December 2026")
    nines = "9" * LONGEST
    counted = next_version_name(nines, (), today=TODAY)
    assert len(counted) <= LONGEST and counted.endswith(", 7 December 2026")
    assert next_version_name("9" * (LONGEST - 1), (), today=TODAY) == "1" + "0" * (LONGEST - 1)
