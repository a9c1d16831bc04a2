"""The retention rows of the persona matrix (tests/permissions/matrix.py adds them to ROWS).

Officers change the schedule, place and lift legal holds and erase; officers and
auditors read the schedule, what is due and the holds; another organisation's staff
and members get 404, as for every staff page.
"""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import Row, api_officers, api_readers, not_allowed, officers, readers

API = "/api/v1/retention"


def org(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug}


def kind(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "kind": "letters"}


def a_hold(factory: Factory) -> Any:
    from panelkeeper.retention.holds import place_hold

    return place_hold(
        organisation=factory.home,
        reason="A claim has been made.",
        actor=factory.officer(),
        member=factory.member_record,
    )


def hold_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": a_hold(factory).pk}


def api_hold_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "hold_id": a_hold(factory).pk}


def member_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "pk": factory.member_record.pk}


def api_member_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "member_id": factory.member_record.pk}


def api_case_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "case_id": factory.the_case.pk}


def api_concern_kwargs(factory: Factory) -> dict[str, Any]:
    return {"org": factory.home.slug, "concern_id": factory.concern().pk}


def reason(factory: Factory) -> dict[str, Any]:
    return {"reason": "A claim has been made."}


def outcome(factory: Factory) -> dict[str, Any]:
    factory.code_in_force("vela")
    return {"org": factory.home.slug, "outcome": "training_and_support"}


def months(factory: Factory) -> dict[str, Any]:
    return {"months": 84}


RETENTION_ROWS = [
    Row("retention:schedule", "GET", readers(), org),
    Row("retention:schedule", "POST", not_allowed(), org),
    Row("retention:due", "GET", readers(), org),
    Row("retention:due", "POST", not_allowed(), org),
    Row("retention:change_period", "GET", officers(), kind),
    Row("retention:change_period", "POST", officers(302), kind, data=months),
    Row("retention:change_outcome_period", "GET", officers(), outcome),
    Row("retention:change_outcome_period", "POST", officers(302), outcome, data=months),
    Row("retention:holds", "GET", readers(), org),
    Row("retention:holds", "POST", not_allowed(), org),
    Row("retention:hold", "GET", officers(), org),
    Row("retention:hold", "POST", officers(200), org, note="empty: the form with its errors"),
    Row("retention:lift", "GET", officers(), hold_kwargs),
    Row("retention:lift", "POST", officers(302), hold_kwargs, data=reason),
    Row("retention:erase", "GET", officers(), member_kwargs),
    Row("retention:erase", "POST", officers(200), member_kwargs, note="refused: still a member"),
    Row(API + "/{org}/schedule", "GET", api_readers(), org),
    Row(API + "/{org}/schedule/{kind}", "PUT", api_officers(422), kind, note="no body"),
    Row(
        API + "/{org}/schedule/outcomes/{outcome}",
        "PUT",
        api_officers(422),
        outcome,
        note="no body",
    ),
    Row(API + "/{org}/due", "GET", api_readers(), org),
    Row(API + "/{org}/legal-holds", "GET", api_readers(), org),
    Row(
        API + "/{org}/legal-holds/members/{member_id}",
        "POST",
        api_officers(422),
        api_member_kwargs,
        note="no body",
    ),
    Row(
        API + "/{org}/legal-holds/cases/{case_id}",
        "POST",
        api_officers(422),
        api_case_kwargs,
        note="no body",
    ),
    Row(
        API + "/{org}/legal-holds/concerns/{concern_id}",
        "POST",
        api_officers(422),
        api_concern_kwargs,
        note="no body",
    ),
    Row(
        API + "/{org}/legal-holds/{hold_id}/lift",
        "POST",
        api_officers(422),
        api_hold_kwargs,
        note="no body",
    ),
    Row(
        API + "/{org}/erasures/members/{member_id}",
        "POST",
        api_officers(422),
        api_member_kwargs,
        note="refused: still a member",
    ),
]
