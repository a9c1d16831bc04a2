"""Putting mistakes right without losing the record: a seat on the investigating group
released before the group is convened (BR-6, COI-4), and someone added to a case by
mistake taken off it (Interpretation 11)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.changes.people import (
    add_party,
    release_seat,
    remove_party,
    seat_investigator,
)
from panelkeeper.cases.changes.steps import convene_group, inform_member
from panelkeeper.cases.models import Case, CaseParty, PartyRole, Seat, SeatRelease
from panelkeeper.cases.seats import group_problems
from panelkeeper.lib.refusals import Refused
from tests.cases.helpers import date_input
from tests.factory import Factory
from tests.paging import queries_for

TODAY = dt.date(2026, 11, 23)
INFORMED, SEATED, RELEASED, CONVENED = (dt.date(2026, 11, d) for d in (3, 4, 6, 9))


def _client(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _seat(case: Case, role: str, **person: Any) -> Seat:
    return seat_investigator(
        case=case, role_key=role, actor=None, effective=SEATED, today=TODAY, **person
    )


def _grouped(factory: Factory) -> tuple[Case, dict[str, Seat]]:
    """``the_case`` (vela) with every seat its group needs filled, not yet convened."""
    case = factory.the_case
    inform_member(case=case, actor=None, effective=INFORMED, today=TODAY)
    seats = {
        "customer_involvement_team": _seat(
            case, "customer_involvement_team", user=factory.invited_to_case(case)
        ),
        "service_improvement_team": _seat(
            case, "service_improvement_team", user=factory.invited_to_case(case)
        ),
        "involved_customer": _seat(case, "involved_customer", member=factory.involved_customer()),
    }
    return case, seats


def _release(seat: Seat, reason: str = "Seated in error.", **more: Any) -> SeatRelease:
    more.setdefault("effective", RELEASED)
    return release_seat(seat=seat, reason=reason, actor=None, today=TODAY, **more)


def _convene(case: Case) -> None:
    convene_group(case=case, actor=None, effective=CONVENED, today=TODAY)


def _witness(factory: Factory, case: Case) -> CaseParty:
    return add_party(
        case=case,
        role=PartyRole.WITNESS,
        member=factory.involved_customer(),
        actor=None,
        effective=INFORMED,
        today=TODAY,
    )


def _remove(party: CaseParty, reason: str = "Added to the wrong case.") -> CaseParty:
    return remove_party(party=party, reason=reason, actor=None, effective=RELEASED, today=TODAY)


# Releasing a seat


def test_a_seat_released_before_convening_no_longer_counts_towards_the_group_br_6(
    factory: Factory,
) -> None:
    case, seats = _grouped(factory)
    assert group_problems(case) == ()
    release = _release(seats["involved_customer"], "  They turned out to know the resident.  ")
    assert release.reason == "They turned out to know the resident."
    assert release.released_on == RELEASED
    assert list(case.seats.current()) == [
        seats["customer_involvement_team"],
        seats["service_improvement_team"],
    ]
    assert Seat.objects.filter(case=case).count() == 3  # nothing deleted
    problems = group_problems(case)
    assert problems and problems[0].rule == "BR-6"
    with pytest.raises(Refused):
        _convene(case)
    entry = AuditEntry.objects.get(action="case.seat_released")
    assert entry.fields == ["seat", "released_on", "reason"]
    assert entry.object_id == str(release.pk)


def test_a_released_seat_can_be_filled_again_and_the_group_convened_br_6(
    factory: Factory,
) -> None:
    case, seats = _grouped(factory)
    first = seats["involved_customer"]
    _release(first)
    assert first.member is not None
    again = _seat(case, "involved_customer", member=first.member)
    assert again.pk != first.pk
    _convene(case)
    assert case.events.filter(kind="group_convened").count() == 1


def test_a_person_still_seated_cannot_take_a_second_seat_br_6(factory: Factory) -> None:
    case, seats = _grouped(factory)
    with pytest.raises(Refused, match="already has a seat"):
        _seat(case, "involved_customer", member=seats["involved_customer"].member)


def test_a_seat_cannot_be_released_once_the_group_is_convened_br_6(factory: Factory) -> None:
    case, seats = _grouped(factory)
    _convene(case)
    with pytest.raises(Refused) as caught:
        _release(seats["involved_customer"], effective=TODAY)
    assert (caught.value.rule, caught.value.field) == ("BR-6", "seat")
    assert "convened" in caught.value.message
    assert not SeatRelease.objects.exists()
    assert not AuditEntry.objects.filter(action="case.seat_released").exists()


@pytest.mark.parametrize(
    ("more", "field"),
    [
        ({"reason": "   "}, "reason"),
        ({"effective": dt.date(2026, 11, 1)}, "effective"),
        ({"effective": dt.date(2026, 11, 24)}, "effective"),
    ],
)
def test_a_release_needs_a_reason_and_a_date_between_seating_and_today(
    factory: Factory, more: dict[str, Any], field: str
) -> None:
    _, seats = _grouped(factory)
    with pytest.raises(Refused) as caught:
        _release(seats["involved_customer"], **more)
    assert caught.value.field == field
    assert not SeatRelease.objects.exists()


def test_a_seat_is_released_once(factory: Factory) -> None:
    _, seats = _grouped(factory)
    _release(seats["involved_customer"])
    with pytest.raises(Refused, match="already been released"):
        _release(seats["involved_customer"])
    assert SeatRelease.objects.count() == 1


def test_the_database_refuses_to_change_or_delete_a_release(factory: Factory) -> None:
    _, seats = _grouped(factory)
    release = _release(seats["involved_customer"])
    for sql in (
        "UPDATE cases_seatrelease SET reason = 'Something else' WHERE id = %s",
        "DELETE FROM cases_seatrelease WHERE id = %s",
    ):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [release.pk])
    release.refresh_from_db()
    assert release.reason == "Seated in error."


def test_the_database_still_refuses_to_change_or_delete_a_seat(factory: Factory) -> None:
    _, seats = _grouped(factory)
    seat = seats["involved_customer"]
    for sql in (
        "UPDATE cases_seat SET role_title = 'Someone' WHERE id = %s",
        "DELETE FROM cases_seat WHERE id = %s",
    ):
        with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [seat.pk])


def test_an_investigator_whose_only_seat_was_released_no_longer_has_the_case(
    factory: Factory,
) -> None:
    investigator = factory.investigator()
    case = factory.the_case
    assert list(Case.objects.for_investigator(investigator)) == [case]
    _release(case.seats.get(user=investigator))
    assert not Case.objects.for_investigator(investigator).exists()
    client = _client(investigator)
    assert client.get("/api/v1/cases/mine").json()["cases"] == []
    assert f"C-{case.pk:05d}" not in client.get(reverse("cases:mine")).text


def test_an_investigator_whose_only_seat_was_released_cannot_open_the_case(
    factory: Factory,
) -> None:
    investigator = factory.investigator()
    case = factory.the_case
    _release(case.seats.get(user=investigator))
    client = _client(investigator)
    assert client.get(reverse("cases:my_case", kwargs={"case": case.pk})).status_code == 404
    assert client.get(f"/api/v1/cases/mine/{case.pk}").status_code == 404


# Taking a person off a case


def test_a_witness_taken_off_the_case_may_then_sit_interpretation_11(factory: Factory) -> None:
    case = factory.the_case
    witness = _witness(factory, case)
    with pytest.raises(Refused, match="is a witness"):
        _seat(case, "involved_customer", member=witness.member)
    _remove(witness)
    witness.refresh_from_db()
    assert (witness.removed_on, witness.removed_reason) == (RELEASED, "Added to the wrong case.")
    assert witness not in case.parties.current()
    assert CaseParty.objects.filter(pk=witness.pk).exists()  # kept, not deleted
    assert _seat(case, "involved_customer", member=witness.member).member == witness.member
    entry = AuditEntry.objects.get(action="case_party.removed")
    assert entry.fields == ["removed_on", "removed_reason", "removed_by"]


def test_whoever_raised_the_breach_stays_on_the_case_interpretation_11(
    factory: Factory,
) -> None:
    reporter = factory.the_case.parties.get(role=PartyRole.REPORTER)
    with pytest.raises(Refused) as caught:
        _remove(reporter)
    assert (caught.value.rule, caught.value.field) == ("Interpretation 11", "party")
    reporter.refresh_from_db()
    assert reporter.removed_on is None


def test_the_database_keeps_the_reporter_on_the_case(factory: Factory) -> None:
    reporter = factory.the_case.parties.get(role=PartyRole.REPORTER)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseParty.objects.filter(pk=reporter.pk).update(
            removed_on=RELEASED, removed_reason="Because."
        )


def test_taking_someone_off_needs_a_reason_and_happens_once(factory: Factory) -> None:
    witness = _witness(factory, factory.the_case)
    with pytest.raises(Refused) as caught:
        _remove(witness, reason=" ")
    assert caught.value.field == "reason"
    _remove(witness)
    with pytest.raises(Refused, match="already been taken off"):
        _remove(witness)
    assert AuditEntry.objects.filter(action="case_party.removed").count() == 1


# Pages


def _release_url(case: Case, seat: Seat) -> str:
    return reverse("cases:release_seat", kwargs={"org": "home", "pk": case.pk, "seat": seat.pk})


def _remove_url(case: Case, party: CaseParty) -> str:
    return reverse("cases:remove_party", kwargs={"org": "home", "pk": case.pk, "party": party.pk})


def _detail(case: Case) -> str:
    return reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})


def test_an_officer_releases_a_seat_from_the_case_page_br_6(
    factory: Factory, officer_client: Client
) -> None:
    case, seats = _grouped(factory)
    seat = seats["involved_customer"]
    url = _release_url(case, seat)
    assert url in officer_client.get(_detail(case)).text
    assert "Why is the seat being released?" in officer_client.get(url).text
    empty = officer_client.post(url, {"reason": ""})
    assert empty.status_code == 200
    assert "Enter why the seat is being released" in empty.text
    assert not SeatRelease.objects.exists()
    done = officer_client.post(
        url, {"reason": "Seated in error.", **date_input("effective", TODAY)}
    )
    assert done.status_code == 302
    page = officer_client.get(_detail(case)).text
    assert "No longer involved" in page and "Seated in error." in page
    assert url not in page
    assert officer_client.get(url).status_code == 404  # released already


def test_once_convened_the_page_offers_no_release_and_refuses_one_br_6(
    factory: Factory, officer_client: Client
) -> None:
    case, seats = _grouped(factory)
    _convene(case)
    url = _release_url(case, seats["involved_customer"])
    assert url not in officer_client.get(_detail(case)).text
    refused = officer_client.post(url, {"reason": "Changed our minds."})
    assert refused.status_code == 200
    assert "(BR-6)" in refused.text
    assert not SeatRelease.objects.exists()


def test_an_officer_takes_a_witness_off_the_case_from_the_case_page(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    witness = _witness(factory, case)
    reporter = case.parties.get(role=PartyRole.REPORTER)
    page = officer_client.get(_detail(case)).text
    assert _remove_url(case, witness) in page
    assert _remove_url(case, reporter) not in page
    assert officer_client.get(_remove_url(case, reporter)).status_code == 404
    done = officer_client.post(_remove_url(case, witness), {"reason": "Not a witness at all."})
    assert done.status_code == 302
    page = officer_client.get(_detail(case)).text
    # The page records the removal on the real today.
    assert f"taken off the case on {timezone.localdate():%-d %B %Y}" in page
    assert "Not a witness at all." in page


def test_the_case_page_and_api_read_seats_and_people_in_the_same_queries_however_many(
    factory: Factory, officer_client: Client
) -> None:
    case, seats = _grouped(factory)
    client, headers = _api(factory)
    api = f"/api/v1/cases/home/{case.pk}"
    officer_client.get(_detail(case))  # the first request reads what later ones keep
    client.get(api, headers=headers)
    page_at_first, api_at_first = (
        queries_for(officer_client, _detail(case)),
        queries_for(client, api, headers=headers),
    )
    _release(seats["customer_involvement_team"])
    _seat(case, "customer_involvement_team", user=factory.invited_to_case(case))
    _seat(case, "involved_customer", member=factory.involved_customer())
    for _ in range(3):
        witness = _witness(factory, case)
    remove_party(party=witness, reason="Not a witness at all.", actor=None, today=TODAY)
    page = officer_client.get(_detail(case)).text
    assert "Seated in error." in page and "Not a witness at all." in page
    assert queries_for(officer_client, _detail(case)) == page_at_first
    assert queries_for(client, api, headers=headers) == api_at_first


@pytest.mark.parametrize(("persona", "status"), [("auditor", 403), ("outsider", 404)])
def test_only_the_organisations_officers_release_seats_or_take_people_off(
    factory: Factory, persona: str, status: int
) -> None:
    case, seats = _grouped(factory)
    witness = _witness(factory, case)
    user = factory.auditor() if persona == "auditor" else factory.outsider()
    client = _client(user)
    for url in (_release_url(case, seats["involved_customer"]), _remove_url(case, witness)):
        assert client.get(url).status_code == status
        assert client.post(url, {"reason": "Because."}).status_code == status
    assert not SeatRelease.objects.exists()
    assert not case.parties.removed().exists()


def test_members_and_investigators_get_404_from_the_officers_pages(factory: Factory) -> None:
    case, seats = _grouped(factory)
    witness = _witness(factory, case)
    for user in (factory.subject(), factory.investigator()):
        client = _client(user)
        for url in (_release_url(case, seats["involved_customer"]), _remove_url(case, witness)):
            assert client.post(url, {"reason": "Because."}).status_code == 404
    assert not SeatRelease.objects.exists()


# API


def _api(factory: Factory, user: User | None = None) -> tuple[Client, dict[str, str]]:
    token = factory.token(user or factory.officer())
    return Client(), {"Authorization": f"Bearer {token.plaintext}"}


def test_the_api_releases_a_seat_and_lists_current_seats_only_br_6(factory: Factory) -> None:
    case, seats = _grouped(factory)
    client, headers = _api(factory)
    url = f"/api/v1/cases/home/{case.pk}/seats/{seats['involved_customer'].pk}/release"
    before = client.get(f"/api/v1/cases/home/{case.pk}", headers=headers).json()
    assert len(before["seats"]) == 3
    missing = client.post(url, {}, content_type="application/json", headers=headers)
    assert missing.status_code == 422 and missing.json()["field"] == "reason"
    done = client.post(
        url, {"reason": "Seated in error."}, content_type="application/json", headers=headers
    )
    assert done.status_code == 200, done.content
    assert {seat["role_key"] for seat in done.json()["seats"]} == {
        "customer_involvement_team",
        "service_improvement_team",
    }
    again = client.post(url, {"reason": "x"}, content_type="application/json", headers=headers)
    assert again.status_code == 404


def test_the_api_refuses_a_release_once_the_group_is_convened_br_6(factory: Factory) -> None:
    case, seats = _grouped(factory)
    _convene(case)
    client, headers = _api(factory)
    url = f"/api/v1/cases/home/{case.pk}/seats/{seats['involved_customer'].pk}/release"
    refused = client.post(url, {"reason": "x"}, content_type="application/json", headers=headers)
    assert refused.status_code == 422
    assert (refused.json()["field"], refused.json()["rule"]) == ("seat", "BR-6")


def test_the_api_takes_a_witness_off_but_never_the_reporter_interpretation_11(
    factory: Factory,
) -> None:
    case = factory.the_case
    witness = _witness(factory, case)
    reporter = case.parties.get(role=PartyRole.REPORTER)
    client, headers = _api(factory)
    base = f"/api/v1/cases/home/{case.pk}/people"
    body = {"reason": "Added in error."}
    kept = client.post(
        f"{base}/{reporter.pk}/remove", body, content_type="application/json", headers=headers
    )
    assert kept.status_code == 422 and kept.json()["field"] == "party"
    done = client.post(
        f"{base}/{witness.pk}/remove", body, content_type="application/json", headers=headers
    )
    assert done.status_code == 200
    assert [p["role"] for p in done.json()["people"]] == ["reporter"]


@pytest.mark.parametrize(("persona", "status"), [("auditor", 403), ("outsider", 404)])
def test_the_api_lets_only_the_organisations_officers_change_who_is_involved(
    factory: Factory, persona: str, status: int
) -> None:
    case, seats = _grouped(factory)
    witness = _witness(factory, case)
    user = factory.auditor() if persona == "auditor" else factory.outsider()
    organisation = factory.home if persona == "auditor" else factory.other
    client = Client()
    headers = {"Authorization": f"Bearer {factory.token(user, organisation).plaintext}"}
    for url in (
        f"/api/v1/cases/home/{case.pk}/seats/{seats['involved_customer'].pk}/release",
        f"/api/v1/cases/home/{case.pk}/people/{witness.pk}/remove",
    ):
        answer = client.post(url, {"reason": "x"}, content_type="application/json", headers=headers)
        assert answer.status_code == status
    assert not SeatRelease.objects.exists()
    assert not case.parties.removed().exists()
