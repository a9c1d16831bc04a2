"""Permission-matrix rows for accepting an invitation (a public page reached by its link)."""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import Row, everyone


def invitation_kwargs(factory: Factory) -> dict[str, Any]:
    return {"token": factory.invitation().link.rstrip("/").rsplit("/", 1)[1]}


def unknown_invitation(factory: Factory) -> dict[str, Any]:
    return {"token": "no-such-invitation"}


INVITATION_ROWS = [
    Row("accounts:invitation", "GET", everyone(200), invitation_kwargs),
    Row("accounts:invitation", "POST", everyone(200), invitation_kwargs, note="form errors"),
    Row("accounts:invitation", "GET", everyone(404), unknown_invitation),
]
