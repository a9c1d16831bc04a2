"""Shared helpers for the cases tests: dates typed as GOV.UK date inputs, a step taken
through the API."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.test import Client

    from panelkeeper.cases.models import Case


def date_input(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def api_step(client: Client, case: Case, step: str, body: dict[str, object]) -> dict[str, object]:
    """Take ``step`` on ``case`` in ``home`` through the API: its status and JSON body."""
    response = client.post(
        f"/api/v1/cases/home/{case.pk}/steps/{step}", body, content_type="application/json"
    )
    return {"status": response.status_code, **response.json()}
