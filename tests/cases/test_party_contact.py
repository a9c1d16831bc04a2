"""Where a person known by name only agreed to be written to, so they can be sent the
outcome in writing where the code says so (BR-11): on raising a breach, on adding a
person to a case, and on a page of its own."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.test import Client
from django.urls import reverse

from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.models import Case, CaseParty, PartyRole
from tests.cases.helpers import date_input
from tests.factory import Factory

POSTAL = "4 Mill Lane\nLeeds LS6 2AB"


def _raise(client: Client, factory: Factory, **overrides: Any) -> Any:
    factory.code_in_force("vela")
    data = {
        "member": factory.subject_record.pk,
        "description": "Talked about a resident's repairs outside the panel.",
        **date_input("effective", dt.date(2026, 11, 2)),
        "setting": "meeting",
        "clauses": ["confidentiality_statement"],
        "raised_by": "customer",
        "reporter_name": "Rita Reporter",
    }
    data.update(overrides)
    return client.post(reverse("cases:raise", kwargs={"org": "home"}), data)


def _add_person(client: Client, case: Case, **data: Any) -> Any:
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "add-person"})
    return client.post(url, data)


def _contact_url(case: Case, party: CaseParty) -> str:
    return reverse("cases:party_contact", kwargs={"org": "home", "pk": case.pk, "party": party.pk})


def _reporter(case: Case) -> CaseParty:
    return case.parties.get(role=PartyRole.REPORTER)


# Raising a breach


def test_raising_keeps_the_reporters_address_and_their_agreement_to_letters_br_11(
    factory: Factory, officer_client: Client
) -> None:
    response = _raise(
        officer_client,
        factory,
        reporter_contact=" rita@example.org ",
        reporter_agreed_to_letters="on",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    reporter = _reporter(Case.objects.get())
    assert reporter.contact == "rita@example.org"
    assert reporter.agreed_to_letters is True


def test_the_raise_form_says_the_address_is_only_for_someone_known_by_name(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    page = officer_client.get(reverse("cases:raise", kwargs={"org": "home"})).text
    assert "Email or postal address for letters (optional)" in page
    assert "their letters go to the details on their own record" in page
    assert "They agreed to be sent the outcome in writing there" in page


def test_raising_with_a_phone_number_for_letters_is_refused_at_the_field_br_11(
    factory: Factory, officer_client: Client
) -> None:
    response = _raise(
        officer_client, factory, reporter_contact="07700 900123", reporter_agreed_to_letters="on"
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["reporter_contact"] == [
        "Enter an email address, or a postal address with its postcode. (BR-11)"
    ]
    assert "postal address with its postcode" in response.text
    assert not Case.objects.exists()


def test_agreeing_to_letters_with_no_address_is_refused_at_the_field_br_11(
    factory: Factory, officer_client: Client
) -> None:
    response = _raise(officer_client, factory, reporter_agreed_to_letters="on")
    assert response.status_code == 200
    assert "reporter_contact" in response.context["form"].errors
    assert not Case.objects.exists()


def test_an_address_for_letters_needs_the_reporters_name(
    factory: Factory, officer_client: Client
) -> None:
    response = _raise(
        officer_client, factory, reporter_name="", reporter_contact="rita@example.org"
    )
    assert response.status_code == 200
    assert "reporter_name" in response.context["form"].errors
    assert not Case.objects.exists()


def test_raising_without_an_address_keeps_none(factory: Factory, officer_client: Client) -> None:
    assert _raise(officer_client, factory).status_code == 302
    reporter = _reporter(Case.objects.get())
    assert reporter.contact == "" and reporter.agreed_to_letters is False


# Adding a person to a case


def test_a_witness_known_by_name_is_added_with_a_postal_address_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    response = _add_person(
        officer_client,
        case,
        role="witness",
        name="Wendy Witness",
        contact=POSTAL,
        agreed_to_letters="on",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    witness = case.parties.get(role=PartyRole.WITNESS)
    assert witness.name == "Wendy Witness"
    assert witness.contact == POSTAL and witness.agreed_to_letters is True
    entry = AuditEntry.objects.filter(action="case_party.added").last()
    assert entry is not None and "contact" in str(entry.fields)


def test_a_witness_with_an_address_that_takes_no_letter_is_refused_at_the_field_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    response = _add_person(
        officer_client, case, role="witness", name="Wendy Witness", contact="4 Mill Lane, Leeds"
    )
    assert response.status_code == 200
    assert "postal address with its postcode" in response.context["form"].errors["contact"][0]
    assert not case.parties.filter(role=PartyRole.WITNESS).exists()


def test_a_member_added_to_a_case_is_written_to_at_their_own_record(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    member = factory.panel_member()
    response = _add_person(
        officer_client, case, role="witness", member=member.pk, contact="w@example.org"
    )
    assert response.status_code == 200
    assert "their own record" in response.context["form"].errors["contact"][0]
    assert not case.parties.filter(role=PartyRole.WITNESS).exists()


def test_the_seat_form_asks_for_no_address_for_letters(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    url = reverse("cases:action", kwargs={"org": "home", "pk": case.pk, "action": "seat"})
    assert 'name="contact"' not in officer_client.get(url).text


# The page of its own


def test_an_officer_records_where_a_reporter_agreed_to_be_written_to_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    reporter = _reporter(case)
    page = officer_client.get(_contact_url(case, reporter))
    assert page.status_code == 200
    assert "Where to write to Rita Reporter" in page.text
    response = officer_client.post(
        _contact_url(case, reporter), {"contact": "rita@example.org", "agreed_to_letters": "on"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    reporter.refresh_from_db()
    assert reporter.contact == "rita@example.org" and reporter.agreed_to_letters
    assert AuditEntry.objects.filter(action="case_party.contact_changed").count() == 1


def test_the_page_shows_what_is_recorded_and_changes_it(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.breach_case(reporter_contact="rita@example.org", reporter_agreed_to_letters=True)
    reporter = _reporter(case)
    page = officer_client.get(_contact_url(case, reporter)).text
    assert "rita@example.org" in page and 'id="id_agreed_to_letters" checked' in page
    officer_client.post(_contact_url(case, reporter), {"contact": POSTAL})
    reporter.refresh_from_db()
    assert reporter.contact == POSTAL and reporter.agreed_to_letters is False


def test_a_phone_number_is_refused_at_the_field_and_nothing_changes_br_11(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.breach_case(reporter_contact="rita@example.org", reporter_agreed_to_letters=True)
    reporter = _reporter(case)
    response = officer_client.post(
        _contact_url(case, reporter), {"contact": "0113 496 0000", "agreed_to_letters": "on"}
    )
    assert response.status_code == 200
    assert "postal address with its postcode" in response.context["form"].errors["contact"][0]
    reporter.refresh_from_db()
    assert reporter.contact == "rita@example.org" and reporter.agreed_to_letters
    assert not AuditEntry.objects.filter(action="case_party.contact_changed").exists()


def test_the_auditor_is_refused(factory: Factory, auditor_client: Client) -> None:
    case = factory.the_case
    url = _contact_url(case, _reporter(case))
    assert auditor_client.get(url).status_code == 403
    assert auditor_client.post(url, {"contact": "a@example.org"}).status_code == 403
    assert _reporter(case).contact == ""


def test_another_organisations_officer_gets_404(factory: Factory, outsider_client: Client) -> None:
    case = factory.the_case
    url = _contact_url(case, _reporter(case))
    assert outsider_client.get(url).status_code == 404
    assert outsider_client.post(url, {"contact": "a@example.org"}).status_code == 404
    assert _reporter(case).contact == ""


def test_a_case_of_another_organisation_answers_404(
    factory: Factory, officer_client: Client
) -> None:
    theirs = factory.breach_case(factory.panel_member(factory.group(factory.other)))
    url = reverse(
        "cases:party_contact",
        kwargs={"org": "home", "pk": theirs.pk, "party": _reporter(theirs).pk},
    )
    assert officer_client.get(url).status_code == 404


def test_a_person_of_another_case_answers_404(factory: Factory, officer_client: Client) -> None:
    case = factory.the_case
    other_case = factory.breach_case(factory.panel_member(), reporter_name="Olive Other")
    response = officer_client.post(
        _contact_url(case, _reporter(other_case)), {"contact": "olive@example.org"}
    )
    assert response.status_code == 404
    assert _reporter(other_case).contact == ""


def test_a_member_on_the_case_has_no_such_page(factory: Factory, officer_client: Client) -> None:
    case = factory.the_case
    _add_person(officer_client, case, role="witness", member=factory.panel_member().pk)
    witness = case.parties.get(role=PartyRole.WITNESS)
    assert officer_client.get(_contact_url(case, witness)).status_code == 404


# The case page


def test_the_case_page_says_who_known_by_name_can_be_written_to_br_11(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    case = factory.breach_case(reporter_contact="rita@example.org", reporter_agreed_to_letters=True)
    _add_person(officer_client, case, role="witness", name="Wendy Witness")
    _add_person(officer_client, case, role="witness", member=factory.panel_member().pk)
    detail = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    page = officer_client.get(detail).text
    assert "Agreed to letters at rita@example.org" in page
    assert "Wendy Witness: a witness. No address for letters" in page
    assert page.count("No address for letters") == 1  # the member has their own record
    assert _contact_url(case, _reporter(case)) in page
    seen = auditor_client.get(detail).text
    assert "Agreed to letters" in seen and "rita@example.org" not in seen
    assert _contact_url(case, _reporter(case)) not in seen


def test_the_api_raises_with_an_address_for_letters_and_records_one_later_br_11(
    factory: Factory,
) -> None:
    from panelkeeper.cases.models import CaseParty

    factory.code_in_force("vela")
    token = factory.token(factory.officer())
    headers = {"Authorization": f"Bearer {token.plaintext}"}
    body = {
        "member_id": factory.panel_member().pk,
        "description": "Shouted at another member.",
        "setting": "meeting",
        "clauses": [],
        "raised_by": "customer",
        "reporter_contact": "rita@example.org",
        "reporter_agreed_to_letters": True,
    }
    url = f"/api/v1/cases/{factory.home.slug}"
    clauses = Client().post(url, body, content_type="application/json", headers=headers)
    assert clauses.status_code == 422
    body["clauses"] = ["code_of_conduct"]
    nameless = Client().post(url, body, content_type="application/json", headers=headers)
    assert nameless.status_code == 422 and nameless.json()["field"] == "reporter_name"
    body["reporter_name"] = "Rita Reporter"
    raised = Client().post(url, body, content_type="application/json", headers=headers)
    assert raised.status_code == 201, raised.content
    party = CaseParty.objects.get(case_id=raised.json()["id"], role="reporter")
    assert (party.contact, party.agreed_to_letters) == ("rita@example.org", True)

    contact = f"{url}/{raised.json()['id']}/people/{party.pk}/contact"
    phone = Client().post(
        contact, {"contact": "0113 496 0000"}, content_type="application/json", headers=headers
    )
    assert phone.status_code == 422 and phone.json()["field"] == "contact"
    moved = Client().post(
        contact,
        {"contact": "9 Oak Way, Leeds LS2 9JT", "agreed_to_letters": True},
        content_type="application/json",
        headers=headers,
    )
    assert moved.status_code == 200
    assert moved.json()["contact"] == "9 Oak Way, Leeds LS2 9JT"
    other_case = f"{url}/{factory.the_case.pk}/people/{party.pk}/contact"
    assert (
        Client().post(other_case, {}, content_type="application/json", headers=headers).status_code
        == 404
    )
