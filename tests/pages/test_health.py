"""The health pages a load balancer asks: one that touches no database, one that does."""

from __future__ import annotations

import pytest
from django.db import DatabaseError
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_process_check_answers_ok_without_any_query(
    client: Client, django_assert_num_queries: object
) -> None:
    with django_assert_num_queries(0):  # type: ignore[operator]  # pytest-django's fixture is untyped
        response = client.get(reverse("pages:health"))
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Content-Type"].startswith("text/plain")
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies


def test_the_database_check_runs_one_query(
    client: Client, django_assert_num_queries: object
) -> None:
    with django_assert_num_queries(1):  # type: ignore[operator]  # pytest-django's fixture is untyped
        response = client.get(reverse("pages:health-database"))
    assert response.status_code == 200
    assert response.content == b"ok\n"


def test_the_database_check_says_503_when_the_database_fails(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise DatabaseError("connection refused")

    monkeypatch.setattr("panelkeeper.pages.views.health.connection.cursor", broken)
    response = client.get(reverse("pages:health-database"))
    assert response.status_code == 503
    assert response.content == b"database unavailable\n"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_load_balancer_may_ask_over_plain_http(client: Client) -> None:
    assert client.get(reverse("pages:health")).status_code == 200
    assert client.get(reverse("pages:accessibility")).status_code == 301
