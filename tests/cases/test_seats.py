"""Who may sit on an investigating group (BR-6, COI-4, Interpretations 10 and 11)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.cases.changes.people import add_party, seat_investigator
from panelkeeper.cases.changes.steps import convene_group, inform_member
from panelkeeper.cases.models import Case, PartyRole, Seat
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.models import GroupRole, Member
from panelkeeper.registers.models import ConflictDecision, Decision
from tests.cases.helpers import date_input
from tests.factory import Factory

TODAY = dt.date(2026, 11, 23)
ON = dt.date(2026, 11, 4)


def _seat_member(case: Case, member: object, role: str = "involved_customer") -> Seat:
    return seat_investigator(
        case=case,
        role_key=role,
        member=member,
        actor=None,
        effective=ON,
        today=TODAY,  # type: ignore[arg-type]
    )


def _refused(case: Case, member: object, role: str = "involved_customer") -> Refused:
    with pytest.raises(Refused) as caught:
        _seat_member(case, member, role)
    assert not case.seats.exists()
    return caught.value


def test_the_member_a_breach_is_about_never_sits_coi_4(factory: Factory) -> None:
    case = factory.the_case
    refusal = _refused(case, case.member)
    assert refusal.rule == "COI-4"
    assert "is the member the breach is about" in refusal.message


def test_the_person_who_raised_it_cannot_sit_interpretation_11(factory: Factory) -> None:
    reporter = factory.panel_member()
    case = factory.breach_case(reporter_member=reporter, reporter_name="", raised_by="staff")
    refusal = _refused(case, reporter)
    assert refusal.rule == "Interpretation 11"
    assert "raised this breach" in refusal.message


@pytest.mark.parametrize(
    ("role", "why"),
    [
        (PartyRole.WITNESS, "is a witness in this case"),
        (PartyRole.ADVISED, "gave guidance in this same matter"),
        (PartyRole.IMPLICATED, "is implicated in this case"),
    ],
)
def test_a_witness_an_adviser_or_someone_implicated_cannot_sit_interpretation_11(
    factory: Factory, role: PartyRole, why: str
) -> None:
    case = factory.the_case
    person = factory.panel_member()
    add_party(case=case, role=role, member=person, actor=None, effective=ON, today=TODAY)
    refusal = _refused(case, person)
    assert refusal.rule == "Interpretation 11"
    assert why in refusal.message


def test_a_staff_witness_is_matched_by_their_sign_in_interpretation_11(factory: Factory) -> None:
    case = factory.the_case
    staff = factory.invited_to_case(case)
    add_party(case=case, role=PartyRole.WITNESS, user=staff, actor=None, today=TODAY)
    with pytest.raises(Refused, match="is a witness"):
        seat_investigator(
            case=case,
            role_key="service_improvement_team",
            user=staff,
            actor=None,
            effective=ON,
            today=TODAY,
        )


def test_someone_the_registers_conflicted_out_of_the_case_cannot_sit_coi_4(
    factory: Factory,
) -> None:
    case = factory.the_case
    person = factory.panel_member()
    assert case.work is not None
    ConflictDecision.objects.create(
        organisation=case.organisation,
        work=case.work,
        member=person,
        decision=Decision.WITHDRAWS_ENTIRELY,
        decided_by_role="customer_involvement_team",
        decided_by_title="Customer Involvement Team",
        decided_on=dt.date(2026, 11, 3),
        told_role="customer_involvement_team",
        told_title="Customer Involvement Team",
        told_on=dt.date(2026, 11, 3),
        recorded_at=timezone.now(),
        recorded_by=factory.officer(),
    )
    refusal = _refused(case, person)
    assert refusal.rule == "COI-4" and "withdrawn from this case" in refusal.message


def test_a_declared_interest_awaiting_a_decision_holds_the_seat_back_coi_4(
    factory: Factory,
) -> None:
    case = factory.the_case
    person = factory.panel_member()
    factory.interest(person)
    refusal = _refused(case, person)
    assert refusal.rule == "COI-4" and "no decision yet" in refusal.message


def test_receiving_the_report_is_not_a_conflict_interpretation_11(factory: Factory) -> None:
    case = factory.the_case
    assert case.handler is not None
    seat = seat_investigator(
        case=case,
        role_key="customer_involvement_team",
        user=case.handler,
        actor=None,
        effective=ON,
        today=TODAY,
    )
    assert seat.pk is not None


def test_a_role_the_code_does_not_seat_is_refused_br_6(factory: Factory) -> None:
    case = factory.the_case
    refusal = _refused(case, factory.panel_member(), role="group_director_of_operations")
    assert refusal.rule == "BR-6"


def test_convening_names_every_seat_still_empty_br_6(factory: Factory) -> None:
    case = factory.the_case
    inform_member(case=case, actor=None, effective=dt.date(2026, 11, 3), today=TODAY)
    _seat_member(case, factory.involved_customer())
    with pytest.raises(Refused) as caught:
        convene_group(case=case, actor=None, effective=ON, today=TODAY)
    assert caught.value.rule == "BR-6"
    assert "Customer Involvement Team" in caught.value.message
    assert "Service Improvement Team" in caught.value.message


def _herefordshire_case_about_the_chair(factory: Factory) -> Case:
    organisation = factory.organisation()
    chair = factory.panel_member(group=factory.group(organisation), role=GroupRole.CHAIR)
    return factory.breach_case(
        chair, preset="herefordshire", raised_by="staff", clauses=["confidentiality_agreement"]
    )


def test_the_chair_never_sits_on_their_own_case_and_the_vice_chair_does_interpretation_10(
    factory: Factory,
) -> None:
    case = _herefordshire_case_about_the_chair(factory)
    assert case.subject_is_chair
    refusal = _refused(case, case.member, role="chair")
    assert refusal.rule == "Interpretation 10"
    assert "Vice Chair" in refusal.message
    vice = factory.involved_customer(
        group=case.member.group, role=GroupRole.VICE_CHAIR, preset="herefordshire"
    )
    assert _seat_member(case, vice, role="vice_chair").role_title.startswith("Vice Chair")


def test_only_the_vice_chair_sits_as_vice_chair_br_6(factory: Factory) -> None:
    case = _herefordshire_case_about_the_chair(factory)
    refusal = _refused(case, factory.panel_member(group=case.member.group), role="vice_chair")
    assert refusal.rule == "BR-6"


def _herefordshire_case_with_two_chairs(factory: Factory) -> tuple[Case, Member, Member]:
    """A herefordshire case in ``home`` about an ordinary member, and the chairs of two
    of its groups: either could be chosen for the group's one chair seat."""
    chairs = [factory.panel_member(group=factory.group(), role=GroupRole.CHAIR) for _ in range(2)]
    case = factory.breach_case(
        factory.panel_member(group=chairs[0].group),
        preset="herefordshire",
        raised_by="staff",
        clauses=["confidentiality_agreement"],
    )
    for chair in chairs:
        factory.signed_up(chair, "herefordshire")
    return case, chairs[0], chairs[1]


def test_a_group_has_one_chair_until_that_seat_is_released_br_6(factory: Factory) -> None:
    from panelkeeper.cases.changes.people import release_seat

    case, first, second = _herefordshire_case_with_two_chairs(factory)
    seat = _seat_member(case, first, role="chair")
    with pytest.raises(Refused) as caught:
        _seat_member(case, second, role="chair")
    assert caught.value.rule == "BR-6" and caught.value.field == "role_key"
    assert list(case.seats.current()) == [seat]
    release_seat(seat=seat, reason="Seated in error.", actor=None, effective=ON, today=TODAY)
    assert _seat_member(case, second, role="chair").member == second


def test_the_api_refuses_a_second_chair_seat_br_6(factory: Factory, officer_client: Client) -> None:
    case, first, second = _herefordshire_case_with_two_chairs(factory)
    url = f"/api/v1/cases/home/{case.pk}/steps/seat"
    for chair, status in ((first, 200), (second, 422)):
        response = officer_client.post(
            url,
            {"role_key": "chair", "member_id": chair.pk, "effective": ON.isoformat()},
            content_type="application/json",
        )
        assert response.status_code == status, response.content
    assert response.json()["rule"] == "BR-6"
    assert [s.member for s in case.seats.current()] == [first]


def test_the_page_refuses_a_second_chair_seat_on_the_form_br_6(
    factory: Factory, officer_client: Client
) -> None:
    case, first, second = _herefordshire_case_with_two_chairs(factory)
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "seat"})
    statuses = []
    for chair in (first, second):
        response = officer_client.post(
            url, {"role_key": "chair", "member": chair.pk, **date_input("effective", ON)}
        )
        statuses.append(response.status_code)
    assert statuses == [302, 200]
    assert "The group already has its chair" in response.content.decode()
    assert [s.member for s in case.seats.current()] == [first]


def test_a_group_has_one_vice_chair_seat_at_a_time_br_6(factory: Factory) -> None:
    """Where the Vice Chair sits in the Chair's place (a case about the Chair, Interpretation
    10), the group still has one such seat, even with two panels' vice chairs to choose."""
    case = _herefordshire_case_about_the_chair(factory)
    vices = [
        factory.involved_customer(group=group, role=GroupRole.VICE_CHAIR, preset="herefordshire")
        for group in (case.member.group, factory.group(case.organisation))
    ]
    seat = _seat_member(case, vices[0], role="vice_chair")
    with pytest.raises(Refused) as caught:
        _seat_member(case, vices[1], role="vice_chair")
    assert caught.value.rule == "BR-6" and caught.value.field == "role_key"
    assert "vice chair" in caught.value.message
    assert list(case.seats.current()) == [seat]
