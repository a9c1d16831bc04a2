"""A vela breach taken through every stage by the domain functions (BR-1 to BR-12)."""

from __future__ import annotations

import datetime as dt

from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.models import CaseEvent, CaseState
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def test_raising_a_breach_routes_it_to_the_role_the_code_names_br_2(factory: Factory) -> None:
    case = factory.the_case
    assert case.state == CaseState.REPORTED
    assert case.routed_to == "Customer Involvement Team"
    assert case.handler is not None
    assert case.events.get().kind == "raised"
    assert case.work is not None
    assert AuditEntry.objects.filter(action="case.raised").count() == 1


def test_an_appeal_is_put_to_the_holder_of_the_role_the_code_names_br_12(
    factory: Factory,
) -> None:
    officer = factory.appeal_officer()
    case = factory.the_case
    case.refresh_from_db()
    assert case.state == CaseState.APPEALED
    assert case.appeal_to == "Group Director of Operations"
    assert officer is not None and case.appeal_officer == officer
    kinds = list(case.events.values_list("kind", flat=True))
    assert kinds[-1] == "appeal_lodged"
    assert CaseEvent.objects.filter(case=case).count() == 7
