"""The breach cases rows of the persona matrix that live beside the cases tests
(tests/permissions/matrix.py adds them to ROWS).

Where a person known by name only agreed to be written to, releasing a seat and taking
someone off a case are officers' pages: the auditor gets 403, another organisation's
staff and members 404, like the case's steps.
"""

from __future__ import annotations

from typing import Any

from tests.factory import Factory
from tests.permissions.matrix import Row, api_officers, not_allowed, officers

CASES_API = "/api/v1/cases"


def party_contact_kwargs(factory: Factory) -> dict[str, Any]:
    case = factory.the_case
    reporter = case.parties.get(role="reporter")  # Rita Reporter, known by name only
    return {"org": factory.home.slug, "pk": case.pk, "party": reporter.pk}


def api_party_kwargs(factory: Factory) -> dict[str, Any]:
    found = party_contact_kwargs(factory)
    return {"org": found["org"], "case_id": found["pk"], "party_id": found["party"]}


def release_kwargs(factory: Factory) -> dict[str, Any]:
    case = factory.the_case
    factory.investigator()  # Ivy Investigator, seated and not yet convened
    seat = case.seats.current().get(user__last_name="Investigator")
    return {"org": factory.home.slug, "pk": case.pk, "seat": seat.pk}


def api_release_kwargs(factory: Factory) -> dict[str, Any]:
    found = release_kwargs(factory)
    return {"org": found["org"], "case_id": found["pk"], "seat_id": found["seat"]}


def remove_kwargs(factory: Factory) -> dict[str, Any]:
    from panelkeeper.cases.changes.people import add_party

    case = factory.the_case
    witness = case.parties.current().filter(name="Wendy Witness").first() or add_party(
        case=case, role="witness", name="Wendy Witness", actor=None
    )
    return {"org": factory.home.slug, "pk": case.pk, "party": witness.pk}


def api_remove_kwargs(factory: Factory) -> dict[str, Any]:
    found = remove_kwargs(factory)
    return {"org": found["org"], "case_id": found["pk"], "party_id": found["party"]}


def a_reason(factory: Factory) -> dict[str, Any]:
    return {"reason": "Recorded in error."}


def letters_address(factory: Factory) -> dict[str, Any]:
    return {"contact": "rita@example.org", "agreed_to_letters": "on"}


CASE_ROWS = [
    Row("cases:party_contact", "GET", officers(), party_contact_kwargs),
    Row("cases:party_contact", "POST", officers(302), party_contact_kwargs, letters_address),
    Row(
        "cases:party_contact",
        "POST",
        officers(200),
        party_contact_kwargs,
        lambda factory: {"contact": "0113 496 0000"},
        note="a phone number takes no letter: the form again",
    ),
    Row("cases:party_contact", "PUT", {**not_allowed(), "auditor": 403}, party_contact_kwargs),
    Row(
        CASES_API + "/{org}/{case_id}/people/{party_id}/contact",
        "POST",
        api_officers(200),
        api_party_kwargs,
        note="an empty body: no contact details given",
    ),
    Row("cases:release_seat", "GET", officers(), release_kwargs),
    Row("cases:release_seat", "POST", officers(302), release_kwargs, a_reason),
    Row("cases:release_seat", "POST", officers(200), release_kwargs, note="no reason"),
    Row("cases:release_seat", "PUT", {**not_allowed(), "auditor": 403}, release_kwargs),
    Row("cases:remove_party", "GET", officers(), remove_kwargs),
    Row("cases:remove_party", "POST", officers(302), remove_kwargs, a_reason),
    Row("cases:remove_party", "POST", officers(200), remove_kwargs, note="no reason"),
    Row("cases:remove_party", "PUT", {**not_allowed(), "auditor": 403}, remove_kwargs),
    Row(
        CASES_API + "/{org}/{case_id}/seats/{seat_id}/release",
        "POST",
        api_officers(422),
        api_release_kwargs,
        note="no reason sent: refused at the field, nothing changed",
    ),
    Row(
        CASES_API + "/{org}/{case_id}/people/{party_id}/remove",
        "POST",
        api_officers(422),
        api_remove_kwargs,
        note="no reason sent: refused at the field, nothing changed",
    ),
]
