"""Who gave an informal step (BR-3): staff and members of the group, recorded through the
page and the API, both where the code says they give it together (herefordshire's
Customer Involvement Manager and Chair, the Vice Chair for a case about the Chair), and
shown on the case page, in the API and in the letter confirming it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.cases.changes.steps import take_informal_step
from panelkeeper.cases.models import Case, CaseState, PartyRole
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.rules.ladder.case import EventKind
from tests.cases.helpers import api_step, date_input
from tests.factory import Factory

ON = dt.date(2026, 11, 3)


def _herefordshire(factory: Factory, *, about_the_chair: bool = False) -> tuple[Case, Member]:
    """A herefordshire case in ``home`` and the member who may give the warning with the
    Customer Involvement Manager: the Chair, or the Vice Chair when the Chair is the subject."""
    group = factory.panel()
    chair = factory.panel_member(group=group, role=GroupRole.CHAIR, full_name="Gareth Muir")
    if about_the_chair:
        vice = factory.panel_member(group=group, role=GroupRole.VICE_CHAIR, full_name="Vi Vice")
        subject = chair
    else:
        vice, subject = chair, factory.panel_member(group=group)
    case = factory.breach_case(
        subject, preset="herefordshire", clauses=["code_of_conduct"], level="minor"
    )
    return case, vice


def test_the_verbal_warning_needs_the_manager_and_the_chair_together_through_the_api_br_3(
    factory: Factory, officer_client: Client
) -> None:
    case, chair = _herefordshire(factory)
    manager = factory.officer(first_name="Sophie", last_name="Tranter")
    alone = api_step(
        officer_client,
        case,
        "informal-step",
        {"step": "verbal_warning", "given_by_user_ids": [manager.pk], "effective": "2026-11-03"},
    )
    assert alone["status"] == 422 and alone["rule"] == "BR-3"
    assert str(alone["detail"]) == (
        "The code has this step given by Customer Involvement Manager and Chair of the "
        "Challenge Group together: record each of them as giving it."
    )
    assert not case.events.exists() or not case.events.filter(kind=EventKind.INFORMAL_STEP)
    assert not case.parties.filter(role=PartyRole.ADVISED).exists()

    done = api_step(
        officer_client,
        case,
        "informal-step",
        {
            "step": "verbal_warning",
            "given_by_user_ids": [manager.pk],
            "given_by_member_ids": [chair.pk],
            "effective": "2026-11-03",
        },
    )
    assert done["status"] == 200, done
    [step] = [e for e in done["events"] if e["kind"] == "informal_step"]  # type: ignore[attr-defined]
    assert sorted(step["given_by"]) == ["Gareth Muir", "Sophie Tranter"]
    case.refresh_from_db()
    assert case.state == CaseState.CLOSED
    assert case.parties.filter(role=PartyRole.ADVISED, step__isnull=False).count() == 2


def test_a_member_who_is_not_the_chair_cannot_stand_in_for_the_chair_br_3(
    factory: Factory,
) -> None:
    case, _ = _herefordshire(factory)
    other = factory.panel_member(group=case.member.group, full_name="Olly Other")
    with pytest.raises(Refused) as caught:
        take_informal_step(
            case=case,
            step="verbal_warning",
            actor=None,
            effective=ON,
            given_by_users=[factory.officer()],
            given_by_members=[other],
        )
    assert caught.value.rule == "BR-3"
    assert not case.events.filter(kind=EventKind.INFORMAL_STEP).exists()


def test_the_vice_chair_gives_it_with_the_manager_when_the_chair_is_the_subject_br_3(
    factory: Factory,
) -> None:
    case, vice = _herefordshire(factory, about_the_chair=True)
    assert case.subject_is_chair
    with pytest.raises(Refused, match="Vice Chair"):
        take_informal_step(
            case=case, step="verbal_warning", actor=None, effective=ON,
            given_by_users=[factory.officer()], given_by_members=[case.member],
        )  # fmt: skip
    take_informal_step(
        case=case,
        step="verbal_warning",
        actor=None,
        effective=ON,
        given_by_users=[factory.officer()],
        given_by_members=[vice],
    )
    assert case.parties.get(member=vice).step is not None


def test_the_page_offers_staff_and_the_groups_members_and_shows_who_gave_it_br_3(
    factory: Factory, officer_client: Client
) -> None:
    case, chair = _herefordshire(factory)
    manager = factory.officer(first_name="Sophie", last_name="Tranter")
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "informal-step"})
    form = officer_client.get(url).content.decode()
    assert "Gareth Muir (Chair)" in form and "Sophie Tranter" in form
    assert str(case.member.full_name) not in form.split("Members of the group who gave it")[1]

    only_staff = officer_client.post(
        url,
        {"step": "verbal_warning", "given_by_users": [manager.pk], **date_input("effective", ON)},
    )
    assert only_staff.status_code == 200
    assert "given by Customer Involvement Manager and Chair" in only_staff.content.decode()
    assert not case.events.filter(kind=EventKind.INFORMAL_STEP).exists()

    response = officer_client.post(
        url,
        {
            "step": "verbal_warning",
            "given_by_users": [manager.pk],
            "given_by_members": [chair.pk],
            **date_input("effective", ON),
        },
    )
    assert response.status_code == 302
    page = officer_client.get(reverse("cases:detail", kwargs={"org": "home", "pk": case.pk}))
    text = page.content.decode()
    assert "given by" in text and "Gareth Muir" in text and "Sophie Tranter" in text


def test_the_letter_confirming_guidance_names_who_gave_it_br_3(factory: Factory) -> None:
    from panelkeeper.letters.case_letters import case_facts

    case = factory.breach_case(factory.panel_member(), preset="thirteen", level="minor")
    chair = factory.panel_member(
        group=case.member.group, role=GroupRole.CHAIR, full_name="Cy Chair"
    )
    take_informal_step(
        case=case, step="firm_guidance", actor=None, effective=ON, given_by_members=[chair]
    )
    assert case_facts(case, on=dt.date(2026, 11, 23)).given_by == ("Cy Chair",)
