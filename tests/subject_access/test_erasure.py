"""Erasure on request of a person who is not a member: a witness, a reporter, a
requester. Their name and contact details go from every record that names them and from
what was typed there; the cases and concerns stay and keep working; it is refused, with
the reason and nothing changed, while a record must stay."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import Grant, User
from panelkeeper.cases.changes.people import add_party
from panelkeeper.cases.changes.steps import close_case
from panelkeeper.cases.models import Case, CaseParty
from panelkeeper.concerns.handling import close_concern, send_reporter_message
from panelkeeper.concerns.models import Concern, Message
from panelkeeper.lib.refusals import Refused
from panelkeeper.outbox.models import Message as Email
from panelkeeper.outbox.posting import post
from panelkeeper.retention.holds import place_hold
from panelkeeper.subject_access.erasure import erase_person
from panelkeeper.subject_access.lead import choose_lead
from panelkeeper.subject_access.models import SubjectAccessRequest
from panelkeeper.subject_access.packs import build_pack, release_pack
from tests.factory import Factory
from tests.subject_access.asking import asks

D = dt.date(2026, 11, 30)
CLOSED_ON = dt.date(2026, 11, 24)


def _closed_case_with_a_witness(factory: Factory) -> tuple[Case, CaseParty]:
    case = factory.decide(
        factory.breach_case(
            description="Walter Witness saw it, with Rita Reporter.", reporter_name="Rita Reporter"
        ),
        "final_written_warning",
    )
    witness = add_party(
        case=case,
        role="witness",
        actor=None,
        name="Walter  Witness",
        contact="walter@example.org",
        effective=D,
        today=D,
    )
    close_case(case=case, actor=None, effective=CLOSED_ON, today=D)
    return Case.objects.get(pk=case.pk), witness


def _closed_concern(factory: Factory, officer: User) -> Concern:
    concern = factory.concern(
        factory.home, what_happened="I, Rhona Reporter, saw the vice chair shout."
    )
    send_reporter_message(concern=concern, body="Rhona Reporter again: any news?", today=D)
    return close_concern(concern=concern, officer=officer, reason="Resolved.", today=D)


def _email(factory: Factory, address: str, *, sent: bool) -> None:
    post(
        key=f"to-rhona-{sent}",
        to=address,
        name="Rhona Reporter",
        subject="Your concern",
        body="Dear Rhona Reporter, your concern is closed.",
        organisation=factory.home,
    )
    if sent:
        Email.objects.update(status="sent", sent_at=timezone.now())


def _verified() -> str:
    out = io.StringIO()
    call_command("audit", "verify", stdout=out)
    return out.getvalue()


def test_a_witness_is_taken_out_of_the_case_which_still_works(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    case, witness = _closed_case_with_a_witness(factory)
    erased = erase_person(
        organisation=factory.home, name="walter witness", contact="", actor=officer
    )
    assert erased.count == 1
    witness.refresh_from_db()
    case.refresh_from_db()
    assert (witness.name, witness.contact, witness.role) == ("Name erased", "", "witness")
    assert case.description == "[name erased] saw it, with Rita Reporter."
    assert case.reporter_name == "Rita Reporter"
    page = officer_client.get(reverse("cases:detail", kwargs={"org": "home", "pk": case.pk}))
    assert page.status_code == 200 and "Walter" not in page.text
    assert "mismatch" not in _verified().lower()


def test_a_reporter_is_taken_out_of_their_concern_its_messages_and_their_request(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    concern = _closed_concern(factory, officer)
    request = asks(
        factory,
        on=D,
        name="Rhona Reporter",
        contact="rhona@example.org",
        details="Everything about Rhona Reporter, please.",
        actor=officer,
    )
    pack = build_pack(request=request, actor=officer)
    on = pack.built_at.date()
    release_pack(pack=pack, reviewed=True, released_on=on, actor=officer, today=on)
    _email(factory, "Rhona@example.org", sent=True)
    erased = erase_person(
        organisation=factory.home, name="Someone", contact="RHONA@example.org", actor=officer
    )
    assert erased.count == 2  # the concern and the request, found by their contact
    concern.refresh_from_db()
    request.refresh_from_db()
    assert (concern.reporter_name, concern.reporter_contact) == ("Name erased", "")
    assert concern.what_happened == "I, [name erased], saw the vice chair shout."
    assert Message.objects.get(concern=concern).body == "[name erased] again: any news?"
    assert (request.name, request.contact) == ("Name erased", "")
    assert request.details == "Everything about [name erased], please."
    assert request.pack.content["sections"] == [] and "Rhona" not in str(request.pack.content)
    email = Email.objects.get()
    assert (email.to_name, email.to_address) == ("", "erased@erased.invalid")
    assert email.body == "Dear [name erased], your concern is closed."
    for url in (
        reverse("concerns:detail", kwargs={"org": "home", "pk": concern.pk}),
        reverse("subject_access:detail", kwargs={"org": "home", "pk": request.pk}),
    ):
        page = officer_client.get(url)
        assert page.status_code == 200 and "Rhona" not in page.text
    assert "mismatch" not in _verified().lower()


def test_erasure_is_refused_with_every_reason_and_changes_nothing(
    factory: Factory, officer: User
) -> None:
    open_concern = factory.concern(factory.home)
    asks(factory, on=D, name="Rhona Reporter", actor=officer)
    with pytest.raises(Refused) as refused:
        erase_person(organisation=factory.home, name="Rhona Reporter", actor=officer)
    assert refused.value.message == (
        f"Concern {open_concern.pk} they raised is still open. "
        "Their subject access request SAR-0001 has not been answered yet."
    ).replace("SAR-0001", SubjectAccessRequest.objects.get().reference)
    assert Concern.objects.get().reporter_name == "Rhona Reporter"
    closed = _closed_concern(factory, officer)
    _email(factory, "rhona@example.org", sent=False)
    with pytest.raises(Refused, match="An email to them is still waiting to be sent"):
        erase_person(
            organisation=factory.home, name="X", contact=closed.reporter_contact, actor=officer
        )
    assert Email.objects.get().to_address == "rhona@example.org"
    with pytest.raises(Refused, match="No record of Home Housing names Nobody Known"):
        erase_person(organisation=factory.home, name="Nobody Known", actor=officer)
    with pytest.raises(Refused, match="Enter the name"):
        erase_person(organisation=factory.home, name="  ", actor=officer)


def test_an_open_case_or_a_legal_hold_keeps_a_witness(factory: Factory, officer: User) -> None:
    open_case = factory.the_case
    add_party(case=open_case, role="witness", actor=None, name="Wendy Open", effective=D, today=D)
    with pytest.raises(Refused, match=f"Case {open_case.reference} they are part of is still open"):
        erase_person(organisation=factory.home, name="Wendy Open", actor=officer)
    case, _ = _closed_case_with_a_witness(factory)
    place_hold(organisation=factory.home, reason="A claim.", actor=officer, case=case)
    with pytest.raises(Refused, match=f"Case {case.reference} they are part of is under a legal"):
        erase_person(organisation=factory.home, name="Walter Witness", actor=officer)
    assert CaseParty.objects.filter(name="Walter Witness").exists()


def test_the_page_shows_what_is_held_and_erases_only_when_confirmed(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    concern = _closed_concern(factory, officer)
    url = reverse("subject_access:erase_person", kwargs={"org": "home"})
    found = officer_client.get(url, {"name": "Rhona Reporter"})
    assert f"Concern {concern.pk}, which they raised (closed)" in found.text
    unconfirmed = officer_client.post(url, {"name": "Rhona Reporter"})
    assert unconfirmed.status_code == 200
    assert "Confirm that the person asked for erasure" in unconfirmed.text
    assert Concern.objects.get().reporter_name == "Rhona Reporter"
    done = officer_client.post(url, {"name": "Rhona Reporter", "confirm": "on"})
    assert done.status_code == 302
    assert Concern.objects.get().reporter_name == "Name erased"


def test_the_api_erases_as_the_page_does(factory: Factory, officer: User) -> None:
    _closed_concern(factory, officer)
    client = Client()
    client.force_login(officer)
    url = "/api/v1/subject-access/home/erasures/people"
    for body, field in (
        ({"name": "Rhona Reporter", "confirm": False}, "confirm"),
        ({"name": "R" * 201, "confirm": True}, "name"),
        ({"name": "Nobody Known", "confirm": True}, "name"),
    ):
        answer = client.post(url, body, content_type="application/json")
        assert (answer.status_code, answer.json()["field"]) == (422, field), body
    assert Concern.objects.get().reporter_name == "Rhona Reporter"
    answer = client.post(
        url, {"name": "Rhona Reporter", "confirm": True}, content_type="application/json"
    )
    assert (answer.status_code, answer.json()) == (200, {"records": 1})


def test_the_lead_keeps_the_access_log_only_while_an_officer(
    factory: Factory, officer: User, officer_client: Client
) -> None:
    choose_lead(organisation=factory.home, user=officer, actor=officer, today=D)
    url = reverse("subject_access:access_log", kwargs={"org": "home"})
    assert officer_client.get(url).status_code == 200
    Grant.objects.filter(user=officer).update(role=Grant.Role.AUDITOR)
    assert officer_client.get(url).status_code == 403
