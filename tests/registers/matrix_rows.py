"""The registers rows of the persona matrix (tests/permissions/matrix.py adds them to ROWS).

Staff pages follow the ladder: anonymous → sign in (API 401), outsider and members → 404,
auditor → 403 on changes. A member's own pages answer only the member themself (or their
advocate, for the record they act for). The public page answers 404 until the
organisation publishes its registers.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import (
    PERSONAS,
    SIGN_IN,
    Expected,
    Row,
    api_officers,
    api_own_record,
    api_readers,
    everyone,
    home_org,
    not_allowed,
    officers,
    own_record,
    readers,
)

API = "/api/v1/registers"


def member_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "member": factory.member_record.pk}


def interest_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.interest(factory.member_record).pk}


def gift_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.gift(factory.member_record).pk}


def work_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.work_item().pk}


def conflict_kw(factory: Factory) -> dict[str, Any]:
    factory.published_version()  # the code in force names who decides
    return {**work_kw(factory), "member": factory.member_record.pk}


def decided_kw(factory: Factory) -> dict[str, Any]:
    """A member with a decision on the work, withdrawn entirely, for the revision pages."""
    from django.utils import timezone

    from panelkeeper.registers.conflicts import record_conflict_decision
    from panelkeeper.registers.models import WorkItem

    kwargs = conflict_kw(factory)
    today = timezone.localdate()
    record_conflict_decision(
        work=WorkItem.objects.get(pk=kwargs["pk"]),
        member=factory.member_record,
        decision="entirely",
        decided_by_role="customer_involvement_team",
        decided_on=today,
        told_role="customer_involvement_team",
        told_on=today,
        actor=factory.officer(),
        today=today,
    )
    return kwargs


def revision_data(factory: Factory) -> dict[str, Any]:
    """A complete revision of the decision ``decided_kw`` recorded: no conflict after all."""
    from django.utils import timezone

    from panelkeeper.registers.models import ConflictDecision

    today = timezone.localdate()
    return {
        "revision_reason": "The member's interest ended",
        "revises": ConflictDecision.objects.latest("id").pk,
        "decision": "no_conflict",
        "grounds": "interest",
        "decided_by_role": "customer_involvement_team",
        "told_role": "customer_involvement_team",
        **{
            f"{name}_{part}": str(getattr(today, part))
            for name in ("decided_on", "told_on")
            for part in ("day", "month", "year")
        },
    }


def mine_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.member_record.pk}


def advocated_kw(factory: Factory) -> dict[str, Any]:
    return {"member": factory.advocated_record.pk}


def my_interest_kw(factory: Factory) -> dict[str, Any]:
    return {**mine_kw(factory), "pk": factory.interest(factory.member_record).pk}


def published_kw(factory: Factory) -> dict[str, Any]:
    from panelkeeper.registers.models import RegisterSettings

    RegisterSettings.objects.create(organisation=factory.home, published=True)
    return home_org(factory)


def api_member_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "member_id": factory.member_record.pk}


def api_interest_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "interest_id": factory.interest(factory.member_record).pk}


def api_gift_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "gift_id": factory.gift(factory.member_record).pk}


def api_work_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "work_id": factory.work_item().pk}


def api_decided_kw(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "work_id": decided_kw(factory)["pk"]}


def api_my_interest_kw(factory: Factory) -> dict[str, Any]:
    return {**mine_kw(factory), "interest_id": factory.interest(factory.member_record).pk}


def _export(factory: Factory, *, ready: bool) -> Any:
    from django.utils import timezone

    from panelkeeper.registers.exports import build, start_export

    factory.interest(factory.member_record)
    export = start_export(
        organisation=factory.home, kind="interests_csv", data={}, actor=factory.officer()
    )
    if ready:
        build(export.pk, today=timezone.localdate())
    return export


def export_of(key: str, *, ready: bool) -> Callable[[Factory], dict[str, Any]]:
    """The kwargs of an export of home's register of interests, under ``key``: being
    prepared, or ``ready``."""
    return lambda factory: {"org": factory.home.slug, key: _export(factory, ready=ready).pk}


def a_csv(factory: Factory) -> dict[str, Any]:
    return {"file": "interests_csv"}


def csv_format(factory: Factory) -> dict[str, Any]:
    return {"format": "csv"}


def signed_in_list() -> dict[str, Expected]:
    """Straight to the one record for members and the advocate; an empty list for staff."""
    return {
        **dict.fromkeys(PERSONAS, 200),
        "anonymous": SIGN_IN,
        "chair": 302,
        "member": 302,
        "advocate": 302,
    }


OWN = own_record
REGISTER_ROWS: list[Row] = [
    Row("registers:interests", "GET", readers(), home_org),
    Row("registers:interests", "POST", not_allowed(), home_org),
    Row("registers:interests_csv", "GET", readers(), home_org),
    Row("registers:interests_pdf", "GET", readers(), home_org),
    Row("registers:close_interest", "GET", officers(), interest_kw),
    Row("registers:close_interest", "POST", officers(200), interest_kw, note="no date"),
    Row("registers:gifts", "GET", readers(), home_org),
    Row("registers:gifts_csv", "GET", readers(), home_org),
    Row("registers:gifts_pdf", "GET", readers(), home_org),
    Row("registers:reviews_due", "GET", readers(), home_org),
    Row("registers:reviews_due", "POST", not_allowed(), home_org),
    Row("registers:prepare_export", "GET", not_allowed(), home_org),
    Row("registers:prepare_export", "POST", readers(302), home_org, note="no file: back"),
    Row("registers:prepare_export", "POST", readers(302), home_org, data=a_csv, note="asks"),
    Row("registers:export", "GET", readers(), export_of("pk", ready=False), note="preparing"),
    Row("registers:export", "GET", readers(), export_of("pk", ready=True), note="ready"),
    Row("registers:export", "POST", not_allowed(), export_of("pk", ready=False)),
    Row(
        "registers:export_file", "GET", readers(404), export_of("pk", ready=False), note="not ready"
    ),
    Row("registers:export_file", "GET", readers(), export_of("pk", ready=True), note="ready"),
    Row("registers:decide_gift", "GET", officers(), gift_kw),
    Row("registers:decide_gift", "POST", officers(200), gift_kw, note="no outcome"),
    Row("registers:member", "GET", readers(), member_kw),
    Row("registers:declare_interest", "GET", officers(), member_kw),
    Row("registers:declare_interest", "POST", officers(200), member_kw, note="empty form"),
    Row("registers:confirm", "GET", officers(), member_kw),
    Row("registers:confirm", "POST", officers(302), member_kw, note="confirms the register"),
    Row("registers:declare_gift", "GET", officers(), member_kw),
    Row("registers:declare_gift", "POST", officers(200), member_kw, note="empty form"),
    Row("registers:settings", "GET", officers(), home_org),
    Row("registers:settings", "POST", officers(200), home_org, note="empty form"),
    Row("registers:work_items", "GET", readers(), home_org),
    Row("registers:add_work_item", "GET", officers(), home_org),
    Row("registers:add_work_item", "POST", officers(200), home_org, note="empty form"),
    Row("registers:work_item", "GET", readers(), work_kw),
    Row("registers:decide_conflict", "GET", officers(), conflict_kw),
    Row("registers:decide_conflict", "POST", officers(200), conflict_kw, note="empty form"),
    Row("registers:decide_conflict", "GET", officers(302), decided_kw, note="to revise it"),
    Row("registers:revise_conflict", "GET", officers(), decided_kw),
    Row("registers:revise_conflict", "GET", officers(302), conflict_kw, note="nothing to revise"),
    Row("registers:revise_conflict", "POST", officers(200), decided_kw, note="empty form"),
    Row(
        "registers:revise_conflict",
        "POST",
        officers(302),
        decided_kw,
        data=revision_data,
        note="revises the decision",
    ),
    Row("registers:my_registers", "GET", signed_in_list()),
    Row("registers:mine", "GET", OWN(200), mine_kw),
    Row("registers:mine", "GET", OWN(200, who="advocate"), advocated_kw),
    Row("registers:mine", "POST", OWN(405), mine_kw),
    Row("registers:my_interest", "GET", OWN(200), mine_kw),
    Row("registers:my_interest", "POST", OWN(200), mine_kw, note="empty form"),
    Row("registers:my_close", "GET", OWN(200), my_interest_kw),
    Row("registers:my_close", "POST", OWN(200), my_interest_kw, note="no date"),
    Row("registers:my_confirm", "GET", OWN(200), mine_kw),
    Row("registers:my_confirm", "POST", OWN(302), mine_kw, note="confirms the register"),
    Row("registers:my_gift", "GET", OWN(200), mine_kw),
    Row("registers:my_gift", "POST", OWN(200), mine_kw, note="empty form"),
    Row("registers:public", "GET", everyone(404), home_org, note="not published"),
    Row("registers:public", "GET", everyone(200), published_kw, note="published"),
    Row("registers:public", "POST", everyone(405), published_kw),
    Row(API + "/{org}/interests", "GET", api_readers(), home_org),
    Row(API + "/{org}/interests", "POST", api_officers(422), home_org, note="no body"),
    Row(API + "/{org}/interests/{interest_id}/close", "POST", api_officers(422), api_interest_kw),
    Row(
        API + "/{org}/members/{member_id}/review",
        "POST",
        api_officers(201),
        api_member_kw,
        note="an empty body confirms the register",
    ),
    Row(API + "/{org}/reviews-due", "GET", api_readers(), home_org),
    Row(API + "/{org}/interests/exports", "POST", api_readers(422), home_org, note="no format"),
    Row(API + "/{org}/interests/exports", "POST", api_readers(202), home_org, data=csv_format),
    Row(API + "/{org}/gifts/exports", "POST", api_readers(422), home_org, note="no format"),
    Row(API + "/{org}/gifts/exports", "POST", api_readers(202), home_org, data=csv_format),
    Row(
        API + "/{org}/exports/{export_id}",
        "GET",
        api_readers(),
        export_of("export_id", ready=False),
    ),
    Row(
        API + "/{org}/exports/{export_id}/file",
        "GET",
        api_readers(422),
        export_of("export_id", ready=False),
        note="not ready",
    ),
    Row(
        API + "/{org}/exports/{export_id}/file",
        "GET",
        api_readers(),
        export_of("export_id", ready=True),
    ),
    Row(API + "/{org}/gifts", "GET", api_readers(), home_org),
    Row(API + "/{org}/gifts", "POST", api_officers(422), home_org, note="no body"),
    Row(API + "/{org}/gifts/{gift_id}/decision", "POST", api_officers(422), api_gift_kw),
    Row(API + "/{org}/work-items", "GET", api_readers(), home_org),
    Row(API + "/{org}/work-items", "POST", api_officers(422), home_org, note="no body"),
    Row(API + "/{org}/work-items/{work_id}", "GET", api_readers(), api_work_kw),
    Row(API + "/{org}/work-items/{work_id}/decisions", "POST", api_officers(422), api_work_kw),
    Row(
        API + "/{org}/work-items/{work_id}/decisions",
        "POST",
        api_officers(422),
        api_decided_kw,
        note="a member already decided: no body, so no reason for a revision",
    ),
    Row(API + "/{org}/settings", "GET", api_readers(), home_org),
    Row(API + "/{org}/settings", "PUT", api_officers(422), home_org, note="no body"),
    Row(API + "/public/{org}/interests", "GET", everyone(404), home_org, note="not published"),
    Row(API + "/public/{org}/interests", "GET", everyone(200), published_kw, note="published"),
    Row(API + "/public/{org}/gifts", "GET", everyone(404), home_org, note="not published"),
    Row(API + "/public/{org}/gifts", "GET", everyone(200), published_kw, note="published"),
    Row(API + "/mine/{member}", "GET", api_own_record(200), mine_kw),
    Row(API + "/mine/{member}/interests", "POST", api_own_record(422), mine_kw),
    Row(API + "/mine/{member}/review", "POST", api_own_record(201), mine_kw, note="confirmed"),
    Row(API + "/mine/{member}/gifts", "POST", api_own_record(422), mine_kw),
    Row(
        API + "/mine/{member}/interests/{interest_id}/close",
        "POST",
        api_own_record(422),
        api_my_interest_kw,
    ),
]
