"""The concerns rows of the persona matrix (tests/permissions/matrix.py adds them to ROWS).

The public pages answer everyone alike, signed in or not (BR-1: anyone may raise a
concern). Officers' pages and operations follow the staff ladder: anonymous → sign in
(API 401), another organisation's staff and members → 404, the auditor → 403.
"""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import Row, api_officers, everyone, officers

API = "/api/v1/concerns"


def org(factory: Factory) -> dict[str, Any]:
    factory.code_in_force("thirteen")
    return {"org": factory.home.slug}


def concern_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.concern(anonymous=True).pk}


def api_concern_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "concern_id": factory.concern().pk}


CONCERN_ROWS = [
    Row("concerns:raise", "GET", everyone(200), org),
    Row("concerns:raise", "POST", everyone(200), org, note="empty: the form with its errors"),
    Row("concerns:submitted", "GET", everyone(200), org),
    Row("concerns:submitted", "POST", everyone(405), org),
    Row("concerns:receipt", "POST", everyone(302), org, note="no code: back to the page"),
    Row("concerns:receipt", "GET", everyone(405), org),
    Row("concerns:follow_up", "GET", everyone(200), org),
    Row("concerns:follow_up", "POST", everyone(200), org, note="no code: the form again"),
    Row("concerns:follow_up_message", "POST", everyone(302), org, note="no code proved yet"),
    Row("concerns:follow_up_message", "GET", everyone(405), org),
    Row("concerns:follow_up_finish", "POST", everyone(302), org),
    Row("concerns:list", "GET", officers(), org),
    Row("concerns:poster", "GET", officers(), org),
    Row("concerns:poster", "POST", officers(405), org, note="a page to print"),
    Row("concerns:detail", "GET", officers(), concern_kw),
    Row("concerns:reply", "POST", officers(200), concern_kw, note="empty: the page with errors"),
    Row("concerns:triage", "GET", officers(), concern_kw),
    Row("concerns:triage", "POST", officers(200), concern_kw, note="empty: the form again"),
    Row("concerns:close", "GET", officers(), concern_kw),
    Row("concerns:close", "POST", officers(200), concern_kw, note="empty: the form again"),
    Row(API + "/{org}", "POST", everyone(422), org, note="public; no JSON body"),
    Row(API + "/{org}/follow-up", "POST", everyone(422), org, note="public; no JSON body"),
    Row(API + "/{org}", "GET", api_officers(200), org),
    Row(API + "/{org}/{concern_id}", "GET", api_officers(200), api_concern_kw),
    Row(API + "/{org}/{concern_id}/messages", "POST", api_officers(422), api_concern_kw),
    Row(API + "/{org}/{concern_id}/triage", "POST", api_officers(422), api_concern_kw),
    Row(API + "/{org}/{concern_id}/close", "POST", api_officers(422), api_concern_kw),
]
