"""The case personas over every case page and API operation: the member a case is about,
an investigator, the appeal officer, and another member of the panel. None holds a
staff grant, so the officers' pages answer 404 to all of them; the pages of one case
answer only to those with a part in it (DESIGN "Confidentiality by design")."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.factory import Factory

PERSONAS = ("subject", "investigator", "appeal_officer", "member")
PARTS = {"subject", "investigator", "appeal_officer"}


def _everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(PERSONAS, status)


def _parts(ok: int) -> dict[str, int]:
    return {p: ok if p in PARTS else 404 for p in PERSONAS}


# (label, method, url builder, expected per persona)
ROWS: list[tuple[str, str, Any, dict[str, int]]] = [
    ("list", "GET", lambda c: reverse("cases:list", kwargs={"org": "home"}), _everyone(404)),
    ("raise", "GET", lambda c: reverse("cases:raise", kwargs={"org": "home"}), _everyone(404)),
    (
        "detail",
        "GET",
        lambda c: reverse("cases:detail", kwargs={"org": "home", "pk": c.pk}),
        _everyone(404),
    ),
    (
        "action",
        "POST",
        lambda c: reverse("cases:action", kwargs={"org": "home", "pk": c.pk, "action": "withdraw"}),
        _everyone(404),
    ),
    ("mine", "GET", lambda c: reverse("cases:mine"), _everyone(200)),
    ("my case", "GET", lambda c: reverse("cases:my_case", kwargs={"case": c.pk}), _parts(200)),
    (
        "decide appeal",
        "GET",
        lambda c: reverse("cases:decide_appeal", kwargs={"case": c.pk}),
        {**_everyone(404), "appeal_officer": 200},
    ),
    (
        "decide appeal",
        "POST",
        lambda c: reverse("cases:decide_appeal", kwargs={"case": c.pk}),
        {**_everyone(404), "appeal_officer": 200},
    ),
    ("api list", "GET", lambda c: "/api/v1/cases/home", _everyone(404)),
    ("api case", "GET", lambda c: f"/api/v1/cases/home/{c.pk}", _everyone(404)),
    ("api step", "POST", lambda c: f"/api/v1/cases/home/{c.pk}/steps/withdraw", _everyone(404)),
    ("api mine", "GET", lambda c: "/api/v1/cases/mine", _everyone(200)),
    ("api my case", "GET", lambda c: f"/api/v1/cases/mine/{c.pk}", _parts(200)),
    (
        "api decide",
        "POST",
        lambda c: f"/api/v1/cases/mine/{c.pk}/appeal-decision",
        {**_everyone(404), "appeal_officer": 422},
    ),
]


@pytest.mark.parametrize(
    ("label", "method", "url", "expect", "persona"),
    [(*row, persona) for row in ROWS for persona in PERSONAS],
    ids=[f"{row[1]} {row[0]} as {persona}" for row in ROWS for persona in PERSONAS],
)
def test_a_case_persona_gets_the_expected_answer(
    factory: Factory, label: str, method: str, url: Any, expect: dict[str, int], persona: str
) -> None:
    user = getattr(factory, persona)()
    client = Client()
    client.force_login(user)
    target = url(factory.the_case)
    if method == "GET":
        response = client.get(target)
    else:
        response = (
            client.post(target, {}, content_type="application/json")
            if target.startswith("/api/")
            else client.post(target, {})
        )
    assert response.status_code == expect[persona]
