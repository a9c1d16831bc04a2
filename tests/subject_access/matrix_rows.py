"""The subject access rows of the persona matrix (tests/permissions/matrix.py adds them
to ROWS).

Staff pages follow the ladder: anonymous → sign in (API 401), outsider and members → 404,
auditor → 403 on changes and on the pack (it holds concerns, which are for officers).
The access log answers 403 to anyone but the organisation's data protection lead (the
personas are not; tests/subject_access/test_access_log.py has the lead reading it). A
member reads only their own requests and packs, and a pack only once released.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.factory import Factory
from tests.letters.matrix_rows import own
from tests.permissions.matrix import (
    SIGN_IN,
    Expected,
    Row,
    api_officers,
    api_readers,
    everyone,
    not_allowed,
    officers,
    readers,
)

API = "/api/v1/subject-access"
D = dt.date(2026, 11, 30)
REQUEST_API = API + "/{org}/requests/{request_id}"


def org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


def _request(factory: Factory) -> Any:
    from panelkeeper.subject_access.models import Requester
    from panelkeeper.subject_access.requests import log_request

    return log_request(
        organisation=factory.home,
        requester=Requester.MEMBER,
        member=factory.member_record,
        received_on=dt.date(2026, 11, 20),
        actor=None,
        today=dt.date(2026, 11, 20),
    )


def _built(factory: Factory, *, released: bool = False) -> Any:
    from panelkeeper.subject_access.packs import build_pack, release_pack

    officer = factory.officer()
    pack = build_pack(request=_request(factory), actor=officer)
    if released:
        on = pack.built_at.date()
        release_pack(pack=pack, reviewed=True, released_on=on, actor=officer, today=on)
    return pack


def request_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": _request(factory).pk}


def pack_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": _built(factory).request_id}


def api_request_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "request_id": _request(factory).pk}


def api_pack_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "request_id": _built(factory).request_id}


def mine_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk}


def released_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "pk": _built(factory, released=True).request_id}


def unreleased_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk, "pk": _built(factory).request_id}


def api_released_kw(factory: Factory) -> dict[str, Any]:
    found = released_kw(factory)
    return {"member": found["member"], "request_id": found["pk"]}


def closed_concern(factory: Factory) -> dict[str, Any]:
    from panelkeeper.concerns.handling import close_concern

    concern = factory.concern(factory.home)
    close_concern(concern=concern, officer=factory.officer(), reason="Resolved.", today=D)
    return {"org": factory.home.slug}


def erase_rhona(factory: Factory) -> dict[str, Any]:
    return {"name": "Rhona Reporter", "confirm": "on"}


def post_only() -> dict[str, Expected]:
    return {**not_allowed(), "auditor": 403}


ONLY_THE_LEAD: dict[str, Expected] = {
    "anonymous": SIGN_IN,
    "officer": 403,
    "auditor": 403,
    "outsider": 404,
}

SUBJECT_ACCESS_ROWS = [
    Row("subject_access:privacy", "GET", everyone(200), org),
    Row("subject_access:privacy", "POST", everyone(405), org),
    Row("subject_access:list", "GET", readers(), org),
    Row("subject_access:list", "POST", not_allowed(), org),
    Row("subject_access:new", "GET", officers(), org),
    Row("subject_access:new", "POST", officers(200), org, note="empty form: errors shown"),
    Row("subject_access:lead", "GET", officers(), org),
    Row("subject_access:lead", "POST", officers(200), org, note="empty form: errors shown"),
    Row("subject_access:access_log", "GET", ONLY_THE_LEAD, org, note="the lead only"),
    Row("subject_access:erase_person", "GET", officers(), org),
    Row("subject_access:erase_person", "POST", officers(200), org, note="empty form: errors"),
    Row("subject_access:erase_person", "POST", officers(302), closed_concern, data=erase_rhona),
    Row("subject_access:detail", "GET", readers(), request_kw),
    Row("subject_access:detail", "POST", not_allowed(), request_kw),
    Row("subject_access:pause", "POST", officers(200), request_kw, note="empty form"),
    Row("subject_access:pause", "GET", post_only(), request_kw),
    Row("subject_access:resume", "POST", officers(200), request_kw, note="empty form"),
    Row("subject_access:resume", "GET", post_only(), request_kw),
    Row("subject_access:extend", "POST", officers(200), request_kw, note="empty form"),
    Row("subject_access:extend", "GET", post_only(), request_kw),
    Row("subject_access:build", "POST", officers(302), request_kw),
    Row("subject_access:build", "GET", post_only(), request_kw),
    Row("subject_access:release", "POST", officers(200), pack_kw, note="empty form"),
    Row("subject_access:release", "GET", post_only(), pack_kw),
    Row("subject_access:pack", "GET", officers(), pack_kw),
    Row("subject_access:pack", "GET", officers(404), request_kw, note="not built yet"),
    Row("subject_access:pack_pdf", "GET", officers(), pack_kw),
    Row("subject_access:pack_json", "GET", officers(), pack_kw),
    Row("subject_access:mine", "GET", own(200), mine_kw),
    Row("subject_access:mine", "POST", own(200), mine_kw, note="empty form: errors shown"),
    Row("subject_access:my_pack", "GET", own(200), released_kw),
    Row("subject_access:my_pack", "GET", own(404), unreleased_kw, note="not released yet"),
    Row("subject_access:my_pack_pdf", "GET", own(200), released_kw),
    Row(API + "/{org}/privacy-notice", "GET", everyone(200), org),
    Row(API + "/{org}/requests", "GET", api_readers(), org),
    Row(API + "/{org}/requests", "POST", api_officers(422), org, note="no body"),
    Row(REQUEST_API, "GET", api_readers(), api_request_kw),
    Row(REQUEST_API + "/pause", "POST", api_officers(422), api_request_kw, note="no body"),
    Row(REQUEST_API + "/restart", "POST", api_officers(422), api_request_kw, note="no body"),
    Row(REQUEST_API + "/extend", "POST", api_officers(422), api_request_kw, note="no body"),
    Row(REQUEST_API + "/pack", "POST", api_officers(200), api_request_kw),
    Row(REQUEST_API + "/pack", "GET", api_officers(200), api_pack_kw),
    Row(REQUEST_API + "/pack/release", "POST", api_officers(422), api_pack_kw, note="no body"),
    Row(API + "/{org}/access-log", "GET", {**ONLY_THE_LEAD, "anonymous": 401}, org),
    Row(API + "/{org}/data-protection-lead", "PUT", api_officers(422), org, note="no body"),
    Row(API + "/{org}/erasures/people", "POST", api_officers(422), org, note="no body"),
    Row(API + "/mine/{member}/requests", "GET", own(200, api=True), mine_kw),
    Row(API + "/mine/{member}/requests", "POST", own(422, api=True), mine_kw, note="no body"),
    Row(
        API + "/mine/{member}/requests/{request_id}/pack",
        "GET",
        own(200, api=True),
        api_released_kw,
    ),
]
