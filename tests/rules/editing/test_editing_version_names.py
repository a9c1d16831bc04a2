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


def test_a_dated_name_already_taken_is_numbered_from_2() -> None:
    dated = "Kestrel code, 7 December 2026"
    assert next_version_name("Kestrel code", {dated}, today=TODAY) == f"{dated} (2)"
    assert next_version_name("Kestrel code", {dated, f"{dated} (2)"}, today=TODAY) == (
        f"{dated} (3)"
    )
    assert next_version_name("", {"7 December 2026"}, today=TODAY) == "7 December 2026 (2)"


def test_a_long_name_is_shortened_to_fit_never_its_day_or_number() -> None:
    long_name = "x" * LONGEST
    suggested = next_version_name(long_name, (), today=TODAY)
    assert suggested == "x" * (LONGEST - 17) + ", 7 December 2026"
    numbered = next_version_name(long_name, {suggested}, today=TODAY)
    assert numbered == "x" * (LONGEST - 21) + ", 7 December 2026 (2)"
    nines = "9" * LONGEST
    assert next_version_name(nines, (), today=TODAY) == "9" * (LONGEST - 17) + ", 7 December 2026"
    assert next_version_name("9" * (LONGEST - 1), (), today=TODAY) == "1" + "0" * (LONGEST - 1)
