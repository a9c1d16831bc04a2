"""The persona matrix: for every page and API operation, what each persona gets.

Plain data, one ``Row`` per URL name (or API path) and method. Each engineer appends
rows for their own pages here (with str_replace, never rewriting others' rows).
``test_matrix.py`` fails when a URL pattern or API operation has no row, when a row
names something that no longer exists, and when any persona gets another answer.

Personas: ``anonymous``; ``officer`` and ``auditor`` of the organisation ``home``;
``outsider``, the officer of another organisation. Expected answers are status codes,
or ``SIGN_IN`` for a redirect to the sign-in page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tests.factory import Factory

SIGN_IN = "sign-in"
PERSONAS = ("anonymous", "officer", "auditor", "outsider")

Expected = int | str


def no_kwargs(factory: Factory) -> dict[str, Any]:
    return {}


def home_org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


@dataclass(frozen=True)
class Row:
    """``target`` is a URL name ("accounts:sign-in") or an API path ("/api/v1/me")."""

    target: str
    method: str
    expect: dict[str, Expected]
    kwargs: Callable[[Factory], dict[str, Any]] = no_kwargs
    data: Callable[[Factory], dict[str, Any]] | None = None
    note: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_api(self) -> bool:
        return self.target.startswith("/api/")


def everyone(status: Expected) -> dict[str, Expected]:
    return dict.fromkeys(PERSONAS, status)


ROWS: list[Row] = [
    # accounts (platform)
    Row("accounts:sign-in", "GET", everyone(200)),
    Row("accounts:sign-out", "POST", everyone(302)),
    Row("accounts:sign-out", "GET", everyone(405), note="signing out is POST only"),
    # the accessibility statement (the look)
    Row("pages:accessibility", "GET", everyone(200)),
    Row("pages:accessibility", "POST", everyone(405), note="a page to read, never to post to"),
    # API (platform)
    Row("api:openapi-json", "GET", everyone(200)),
    Row("api:openapi-view", "GET", everyone(200)),
    Row("api:api-root", "GET", everyone(404), note="ninja's bare root only names the docs"),
    Row(
        "/api/v1/me",
        "GET",
        {"anonymous": 401, "officer": 200, "auditor": 200, "outsider": 200},
    ),
]


# organisations: home, rulebook, versions of the code, role holders, closure days


def draft_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.draft_version().pk}


def role_kwargs(factory: Factory) -> dict[str, Any]:
    factory.draft_version()  # declares customer_involvement_team (vela)
    return {"org": factory.home.slug, "role": "customer_involvement_team"}


def api_draft_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "version_id": factory.draft_version().pk}


def preset_choice(factory: Factory) -> dict[str, Any]:
    return {"preset": "vela"}


def readers(ok: Expected = 200) -> dict[str, Expected]:
    """Officers and auditors of home; the outsider never sees it."""
    return {"anonymous": SIGN_IN, "officer": ok, "auditor": ok, "outsider": 404}


def officers(ok: Expected = 200) -> dict[str, Expected]:
    return {"anonymous": SIGN_IN, "officer": ok, "auditor": 403, "outsider": 404}


def not_allowed() -> dict[str, Expected]:
    return {"anonymous": SIGN_IN, "officer": 405, "auditor": 405, "outsider": 404}


def api_readers(ok: Expected = 200) -> dict[str, Expected]:
    return {"anonymous": 401, "officer": ok, "auditor": ok, "outsider": 404}


def api_officers(ok: Expected) -> dict[str, Expected]:
    return {"anonymous": 401, "officer": ok, "auditor": 403, "outsider": 404}


ORGS_API = "/api/v1/organisations"

ROWS += [
    Row(
        "organisations:start",
        "GET",
        {"anonymous": SIGN_IN, "officer": 302, "auditor": 302, "outsider": 302},
        note="to the user's organisation",
    ),
    Row("organisations:list", "GET", {**everyone(200), "anonymous": SIGN_IN}),
    Row("organisations:home", "GET", readers(), home_org),
    Row("organisations:home", "POST", not_allowed(), home_org),
    Row("organisations:rulebook", "GET", readers(), home_org),
    Row("organisations:versions", "GET", readers(), home_org),
    Row("organisations:load_preset", "GET", officers(), home_org),
    Row("organisations:load_preset", "POST", officers(302), home_org, preset_choice),
    Row("organisations:upload", "GET", officers(), home_org),
    Row("organisations:upload", "POST", officers(200), home_org, note="no file: the form again"),
    Row("organisations:version", "GET", readers(), draft_kwargs),
    Row("organisations:publish", "GET", officers(), draft_kwargs),
    Row("organisations:publish", "POST", officers(200), draft_kwargs, note="no dates"),
    Row("organisations:download", "GET", readers(), draft_kwargs),
    Row("organisations:download", "POST", not_allowed(), draft_kwargs),
    Row("organisations:role_holders", "GET", readers(), home_org),
    Row("organisations:assign_role_holder", "GET", officers(), role_kwargs),
    Row("organisations:assign_role_holder", "POST", officers(200), role_kwargs),
    Row("organisations:closure_days", "GET", readers(), home_org),
    Row("organisations:add_closure_day", "GET", officers(), home_org),
    Row("organisations:add_closure_day", "POST", officers(200), home_org, note="empty form"),
    Row(ORGS_API, "GET", {"anonymous": 401, "officer": 200, "auditor": 200, "outsider": 200}),
    Row(ORGS_API + "/{org}", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/policy-versions", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/policy-versions", "POST", api_officers(422), home_org, note="no body"),
    Row(ORGS_API + "/{org}/policy-versions/{version_id}", "GET", api_readers(), api_draft_kwargs),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/source",
        "GET",
        api_readers(),
        api_draft_kwargs,
    ),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}/publish",
        "POST",
        api_officers(422),
        api_draft_kwargs,
        note="no body",
    ),
    Row(ORGS_API + "/{org}/rulebook", "GET", api_readers(404), home_org, note="none in force"),
    Row("organisations:discard", "POST", officers(302), draft_kwargs),
    Row("organisations:discard", "GET", {**not_allowed(), "auditor": 403}, draft_kwargs),
    Row(
        ORGS_API + "/{org}/policy-versions/{version_id}",
        "DELETE",
        api_officers(204),
        api_draft_kwargs,
    ),
    Row(ORGS_API + "/{org}/role-holders", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/role-holders", "POST", api_officers(422), home_org, note="no body"),
    Row(ORGS_API + "/{org}/closure-days", "GET", api_readers(), home_org),
    Row(ORGS_API + "/{org}/closure-days", "POST", api_officers(422), home_org, note="no body"),
]
