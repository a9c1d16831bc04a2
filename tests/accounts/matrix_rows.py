"""The API token rows of the persona matrix (tests/permissions/matrix.py adds them to ROWS).

The token in these rows belongs to a colleague of the personas: to another officer of
``home``, or to another auditor. So the matrix's officer is "another officer", who may
see and revoke it; its auditor, who sees only their own tokens, gets 404 for it, as do
members (no staff grant) and the outsider (another organisation). What the token's own
owner gets is in tests/permissions/test_token_owner.py.
"""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import (
    SIGN_IN,
    Expected,
    Row,
    api_readers,
    home_org,
    not_allowed,
    readers,
)

API = "/api/v1/tokens"


def colleagues_token(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "prefix": factory.token(factory.officer()).token.prefix}


def other_auditors_token(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "prefix": factory.token(factory.auditor()).token.prefix}


def other_organisations_token(factory: Factory) -> dict[str, Any]:
    """A token of the other organisation, asked for under ``home``."""
    return {
        "org": factory.home.slug,
        "prefix": factory.token(factory.outsider(), factory.other).token.prefix,
    }


def new_token(factory: Factory) -> dict[str, Any]:
    return {"name": "Housing system", "lifetime": "90"}


def officers_only(ok: Expected) -> dict[str, Expected]:
    """Another officer may; an auditor who is not the owner is told nothing exists."""
    return {"anonymous": SIGN_IN, "officer": ok, "auditor": 404, "outsider": 404}


def api_officers_only(ok: Expected) -> dict[str, Expected]:
    return {"anonymous": 401, "officer": ok, "auditor": 404, "outsider": 404}


def nobody_else() -> dict[str, Expected]:
    return {"anonymous": SIGN_IN, "officer": 404, "auditor": 404, "outsider": 404}


TOKEN_ROWS: list[Row] = [
    Row("accounts:tokens", "GET", readers(), home_org),
    Row("accounts:tokens", "POST", not_allowed(), home_org),
    Row("accounts:create_token", "GET", readers(), home_org),
    Row("accounts:create_token", "POST", readers(200), home_org, note="empty form: again"),
    Row("accounts:create_token", "POST", readers(200), home_org, new_token, note="shown once"),
    Row("accounts:revoke_token", "GET", officers_only(200), colleagues_token),
    Row("accounts:revoke_token", "POST", officers_only(302), colleagues_token),
    Row("accounts:revoke_token", "POST", officers_only(302), other_auditors_token),
    Row("accounts:revoke_token", "GET", nobody_else(), other_organisations_token),
    Row("accounts:revoke_token", "POST", nobody_else(), other_organisations_token),
    Row(API + "/{org}", "GET", api_readers(), home_org),
    Row(API + "/{org}", "POST", api_readers(422), home_org, note="no body"),
    Row(API + "/{org}/{prefix}/revoke", "POST", api_officers_only(200), colleagues_token),
    Row(API + "/{org}/{prefix}/revoke", "POST", api_officers_only(200), other_auditors_token),
    Row(
        API + "/{org}/{prefix}/revoke",
        "POST",
        {**api_officers_only(404), "officer": 404},
        other_organisations_token,
    ),
]
