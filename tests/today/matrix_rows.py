"""The Today and search rows of the persona matrix (tests/permissions/matrix.py adds them
to ROWS): staff pages read by officers and auditors; anonymous → sign in (API 401);
another organisation's officer, members, advocates, the installation administrator and
guests → 404, exactly as for an organisation they cannot see."""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import Row, api_readers, home_org, not_allowed, readers

API = "/api/v1/organisations"


def asked(factory: Factory) -> dict[str, Any]:
    return {"q": "Member"}


def empty(factory: Factory) -> dict[str, Any]:
    return {"q": "  "}


TODAY_ROWS = [
    Row("today:today", "GET", readers(), home_org),
    Row("today:today", "POST", not_allowed(), home_org, note="a page to read"),
    Row("today:search", "GET", readers(), home_org, asked),
    Row("today:search", "GET", readers(), home_org, note="no question yet: the form alone"),
    Row("today:search", "POST", not_allowed(), home_org, asked, note="searching is GET"),
    Row(API + "/{org}/today", "GET", api_readers(), home_org),
    Row(API + "/{org}/search", "GET", api_readers(), home_org, asked),
    Row(API + "/{org}/search", "GET", api_readers(422), home_org, empty, note="nothing asked"),
]
