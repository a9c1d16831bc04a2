"""The informal stage (BR-3): steps the ladder allows, their outcomes on file, and whoever
gave the guidance kept off the investigating group (Interpretation 11)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.steps import take_informal_step
from panelkeeper.cases.models import Case, CaseState, PartyRole
from panelkeeper.cases.procedure import assess_case
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import GroupRole
from panelkeeper.rules.ladder import Effect
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)


def _case(factory: Factory, preset: str, clause: str) -> Case:
    organisation = factory.organisation()
    member = factory.panel_member(group=factory.group(organisation))
    return factory.breach_case(member, preset=preset, clauses=[clause], level="minor")


def test_thirteens_firm_guidance_goes_on_file_for_twelve_months_br_3(factory: Factory) -> None:
    case = _case(factory, "thirteen", "code_of_conduct")
    adviser = factory.officer(case.organisation)
    take_informal_step(
        case=case,
        step="informal_guidance",
        actor=None,
        effective=dt.date(2026, 11, 3),
        given_by_users=[adviser],
        today=TODAY,
    )
    take_informal_step(
        case=case, step="firm_guidance", actor=None, effective=dt.date(2026, 11, 5), today=TODAY
    )
    case.refresh_from_db()
    assert case.state == CaseState.INFORMAL
    guidance = [e for e in assess_case(case, as_of=TODAY).file if e.effect is Effect.GUIDANCE]
    assert guidance and guidance[0].ends == dt.date(2027, 11, 5)
    assert case.parties.get(role=PartyRole.ADVISED).user == adviser


def test_an_informal_step_the_ladder_does_not_offer_is_refused_br_3(factory: Factory) -> None:
    case = _case(factory, "thirteen", "code_of_conduct")
    with pytest.raises(Refused) as caught:
        take_informal_step(case=case, step="verbal_warning", actor=None, today=TODAY)
    assert caught.value.rule == "BR-3"


def test_herefordshires_verbal_warning_closes_the_case_and_stays_on_file_br_3(
    factory: Factory,
) -> None:
    case = _case(factory, "herefordshire", "confidentiality_agreement")
    chair = factory.panel_member(group=case.member.group, role=GroupRole.CHAIR)
    take_informal_step(
        case=case,
        step="verbal_warning",
        actor=None,
        effective=dt.date(2026, 11, 3),
        given_by_users=[factory.officer(case.organisation)],
        given_by_members=[chair],
        today=TODAY,
    )
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert any(e.effect is Effect.WARNING for e in assess_case(case, as_of=TODAY).in_force())


def test_firm_guidance_is_on_file_until_the_day_before_twelve_months_on_page_and_api_br_3(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.breach_case(
        factory.panel_member(),
        preset="thirteen",
        effective=dt.date(2026, 3, 2),
        today=dt.date(2026, 3, 9),
    )
    take_informal_step(
        case=case,
        step="firm_guidance",
        actor=None,
        effective=dt.date(2026, 3, 9),
        today=dt.date(2026, 3, 9),
    )
    # Given on 9 March 2026 for 12 months: on file until 8 March 2027, as the letter says.
    page = officer_client.get(
        reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    ).content.decode()
    assert "from 9 March 2026 until 8 March 2027" in page
    assert "9 March 2027" not in page
    answer = officer_client.get(f"/api/v1/cases/home/{case.pk}").json()
    guidance = [e for e in answer["file"] if e["key"] == "firm_guidance"]
    assert [(e["start"], e["on_file_until"]) for e in guidance] == [("2026-03-09", "2027-03-08")]
