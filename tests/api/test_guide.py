"""docs/api.md takes a breach from raising to a decided appeal: its requests are read from
the guide and run, so the guide and the API cannot drift apart."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from django.conf import settings
from django.test import Client

from panelkeeper.api import api
from tests.factory import Factory

GUIDE = Path(settings.BASE_DIR) / "docs" / "api.md"
REQUEST = re.compile(r"```http\n(?P<method>[A-Z]+) (?P<path>\S+)\n(?:\n(?P<body>.*?))?```", re.S)


def requests_of(text: str) -> list[tuple[str, str, str]]:
    return [(m["method"], m["path"], m["body"] or "") for m in REQUEST.finditer(text)]


def fill(text: str, filled: dict[str, Any]) -> str:
    """``text`` with each ``{name}`` the journey has learnt replaced by its value."""
    return re.sub(r"\{([a-z_]+)\}", lambda m: str(filled.get(m[1], m[0])), text)


def documented(method: str, path: str) -> bool:
    """Whether ``path`` (its placeholders filled) is an operation of the OpenAPI document."""
    for template, operations in api.get_openapi_schema()["paths"].items():
        pattern = re.sub(r"\\\{[a-z_]+\\\}", "[^/]+", re.escape(template))
        if method.lower() in operations and re.fullmatch(pattern, path.split("?")[0]):
            return True
    return False


def test_the_guide_takes_a_breach_to_a_decided_appeal(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("nexus")
    filled: dict[str, Any] = {"member_id": factory.subject_record.pk}
    steps = requests_of(GUIDE.read_text())
    assert len(steps) >= 8
    answer: dict[str, Any] = {}
    for method, template, body in steps:
        path = fill(template, filled)
        assert documented(method, path), f"{method} {path} is not in the OpenAPI document"
        sent = json.loads(fill(body, filled)) if body else None
        if method == "GET":
            response = officer_client.get(path)
        else:
            response = officer_client.post(path, sent, content_type="application/json")
        assert response.status_code in (200, 201), (method, path, response.content)
        answer = response.json()
        if path == "/api/v1/cases/home":
            filled["case_id"] = answer["id"]
    decided = officer_client.get(f"/api/v1/cases/home/{filled['case_id']}").json()
    assert decided["appeal"]["result"] == "upheld" and decided["appeal"]["decided"]
    assert answer["as_of"] == "2026-11-05"


def test_the_api_docs_link_to_the_guide(client: Client, db: None) -> None:
    description = api.get_openapi_schema()["info"]["description"]
    assert "/api/guide/" in description
    page = client.get("/api/guide/")
    assert page.status_code == 200
    assert "from raising to a decided appeal" in page.content.decode()
