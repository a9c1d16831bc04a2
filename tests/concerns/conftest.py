"""Fixtures for the concern tests: an organisation whose code (thirteen) has the anonymous route."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.factory import Factory


@pytest.fixture
def thirteen(factory: Factory) -> Any:
    """``home`` under the thirteen preset, in force since 2 February 2026."""
    factory.code_in_force("thirteen")
    return factory.home


def report_data(**overrides: Any) -> dict[str, Any]:
    """A complete POST for the public form, anonymous unless told otherwise."""
    day = overrides.pop("day", dt.date(2026, 11, 12))
    data = {
        "about": "conduct",
        "what_happened": "Shouted at a tenant during the panel meeting.",
        "happened_on_day": str(day.day),
        "happened_on_month": str(day.month),
        "happened_on_year": str(day.year),
        "setting": "meeting",
        "about_whom": "The vice chair",
        "reporter_kind": "customer",
        "anonymous": "yes",
        "reporter_name": "",
        "reporter_contact": "",
        "consents_to_identity": "no",
    }
    data.update(overrides)
    return data
