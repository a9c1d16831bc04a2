"""The persona-matrix rows of an organisation leaving the installation (tests/permissions/
matrix.py adds them to ROWS). Only the installation administrator; every other signed-in
persona gets 403, as on the installation's other pages."""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.organisations.staff_matrix_rows import admin_only
from tests.permissions.matrix import Row, home_org

API = "/api/v1/installation"


def ready_export(factory: Factory) -> Any:
    from panelkeeper.departure.exports import build, request_export

    export = request_export(organisation=factory.home, actor=factory.admin())
    build(export.pk)
    return export


def export_pk(factory: Factory) -> dict[str, Any]:
    return {"pk": ready_export(factory).pk}


def api_export(factory: Factory) -> dict[str, Any]:
    return {"export_id": ready_export(factory).pk}


DEPARTURE_ROWS = [
    Row("departure:leaving", "GET", admin_only(200), home_org),
    Row("departure:leaving", "POST", admin_only(405), home_org, note="a page to read"),
    Row("departure:prepare_export", "POST", admin_only(302), home_org),
    Row("departure:prepare_export", "GET", admin_only(405), home_org, note="POST only"),
    Row("departure:export_file", "GET", admin_only(200), export_pk),
    Row("departure:export_file", "POST", admin_only(405), export_pk, note="a file to read"),
    Row("departure:remove", "GET", admin_only(200), home_org),
    Row("departure:remove", "POST", admin_only(200), home_org, note="no name typed"),
    Row(API + "/organisations/{org}/exports", "POST", admin_only(201, api=True), home_org),
    Row(API + "/exports/{export_id}", "GET", admin_only(200, api=True), api_export),
    Row(API + "/exports/{export_id}/file", "GET", admin_only(200, api=True), api_export),
    Row(
        API + "/organisations/{org}/removal",
        "POST",
        admin_only(422, api=True),
        home_org,
        note="no body",
    ),
]
