"""Shared helpers for the cases tests: dates typed as GOV.UK date inputs."""

from __future__ import annotations

import datetime as dt


def date_input(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }
