"""People from outside the team invited to one case: a seat on its group (BR-6) or deciding
its appeal (BR-12), and nothing else of the organisation."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.invitations import resend, withdraw
from panelkeeper.accounts.models import Invitation, User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.cases.forms import SeatForm
from panelkeeper.cases.invitations import guest_parts, invite_to_case, take_off_case
from panelkeeper.cases.models import CaseInvitation, Seat
from panelkeeper.lib.refusals import Refused
from panelkeeper.outbox.models import Message
from tests.delivery import deliver
from tests.factory import PASSWORD, Factory

SEAT = "seat:customer_involvement_team"


def _token(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[1]


def _accept(client: Client, link: str, **fields: str) -> object:
    url = reverse("accounts:invitation", kwargs={"token": _token(link)})
    data = {
        "first_name": "Gina",
        "last_name": "Guest",
        "password": PASSWORD,
        "password_again": PASSWORD,
        **fields,
    }
    return client.post(url, data)


def _invited(factory: Factory, part: str = SEAT, email: str = "gina@example.org") -> str:
    sent = invite_to_case(
        case=factory.the_case, email=email, name="Gina Guest", part=part, actor=factory.officer()
    )
    return sent.link


def test_an_officer_invites_from_the_case_page_and_the_email_goes_through_the_outbox(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    detail = reverse("cases:detail", kwargs={"org": "home", "pk": case.pk})
    assert "Invite someone from outside the team" in officer_client.get(detail).content.decode()
    url = reverse("cases:invite_guest", kwargs={"org": "home", "pk": case.pk})
    page = officer_client.get(url).content.decode()
    assert "A seat on the investigating group as Customer Involvement Team" in page
    response = officer_client.post(
        url, {"email": "Gina@Example.org", "name": "Gina Guest", "part": SEAT, "impartial": "on"}
    )
    assert response.status_code == 302
    guest = CaseInvitation.objects.get()
    assert (guest.case, guest.role_key, guest.impartial) == (
        case,
        "customer_involvement_team",
        True,
    )
    invitation = guest.invitation
    assert (invitation.email, invitation.role) == ("gina@example.org", Invitation.Role.CASE)
    message = Message.objects.get(key=f"invitation:{invitation.pk}:1")
    assert f"case {case.reference} at" in message.body and "(that case alone)" in message.body
    assert AuditEntry.objects.filter(action="case_invitation.created").exists()
    [email] = deliver()
    assert "/invitations/" in email.body
    page = officer_client.get(detail).content.decode()
    assert "Gina Guest" in page and "Invited" in page


def test_the_invitation_form_refuses_bad_input_saving_nothing(
    factory: Factory, officer_client: Client
) -> None:
    url = reverse("cases:invite_guest", kwargs={"org": "home", "pk": factory.the_case.pk})
    response = officer_client.post(url, {"email": "not an address", "name": "", "part": "x"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in page
    assert "Enter their name" in page
    assert not Invitation.objects.exists()


def test_accepting_seats_them_on_that_case_and_shows_them_that_case_alone(
    factory: Factory,
) -> None:
    link = _invited(factory)
    client = Client()
    response = _accept(client, link)
    case = factory.the_case
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:mine")
    user = User.objects.get(email="gina@example.org")
    seat = Seat.objects.get(user=user)
    assert (seat.case, seat.role_key, seat.impartial) == (case, "customer_involvement_team", False)
    assert not user.grants.exists()
    page = client.get(reverse("cases:my_case", kwargs={"case": case.pk}))
    assert page.status_code == 200 and "What happened" in page.content.decode()
    other_case = factory.breach_case(effective=dt.date(2026, 11, 9))
    assert client.get(reverse("cases:my_case", kwargs={"case": other_case.pk})).status_code == 404
    for name in ("organisations:home", "cases:list", "members:list"):
        assert client.get(reverse(name, kwargs={"org": "home"})).status_code == 404
    mine = client.get("/api/v1/cases/mine").json()["cases"]
    assert [row["id"] for row in mine] == [case.pk]
    assert client.get(f"/api/v1/cases/home/{case.pk}").status_code == 404
    assert client.get(f"/api/v1/cases/mine/{case.pk}").status_code == 200


def test_an_appeal_officer_from_outside_decides_the_appeal_put_to_them_br_12(
    factory: Factory,
) -> None:
    director = factory.appeal_officer()  # the_case decided and appealed
    case = factory.the_case
    assert (
        "appeal_officer",
        "Deciding the appeal, in place of the Group Director of Operations",
    ) in (guest_parts(case))
    link = _invited(factory, part="appeal_officer")
    client = Client()
    _accept(client, link)
    case.refresh_from_db()
    guest = User.objects.get(email="gina@example.org")
    assert case.appeal_officer == guest
    assert client.get(reverse("cases:decide_appeal", kwargs={"case": case.pk})).status_code == 200
    director_client = Client()
    director_client.force_login(director)
    url = reverse("cases:decide_appeal", kwargs={"case": case.pk})
    assert director_client.get(url).status_code == 404
    assert AuditEntry.objects.filter(action="case.appeal_put_to_guest").exists()


def test_deciding_the_appeal_is_offered_only_once_one_is_lodged(factory: Factory) -> None:
    with pytest.raises(Refused, match="Select a part this case offers"):
        _invited(factory, part="appeal_officer")
    assert not Invitation.objects.exists()


def test_no_seat_is_offered_once_the_group_is_convened_br_6(factory: Factory) -> None:
    factory.appeal_officer()  # convenes the_case's group
    with pytest.raises(Refused, match="convened"):
        _invited(factory)
    assert not CaseInvitation.objects.filter(invitation__email="gina@example.org").exists()


def test_a_second_invitation_to_the_same_case_is_refused_while_one_waits(factory: Factory) -> None:
    _invited(factory)
    with pytest.raises(Refused, match="already has an invitation to this case waiting"):
        _invited(factory, email="GINA@example.org")
    assert CaseInvitation.objects.count() == 1


def test_a_member_seat_is_not_offered_to_someone_from_outside(factory: Factory) -> None:
    with pytest.raises(Refused, match="Select a part"):
        _invited(factory, part="seat:involved_customer")


def test_acceptance_is_refused_and_nothing_saved_when_the_group_convened_meanwhile(
    factory: Factory,
) -> None:
    link = _invited(factory)
    factory.appeal_officer()  # the group is convened after the invitation was sent
    response = _accept(Client(), link)
    assert response.status_code == 200
    assert "convened" in response.content.decode()
    assert not User.objects.filter(email="gina@example.org").exists()
    assert Invitation.objects.get(email="gina@example.org").accepted_at is None


def test_resending_makes_a_new_link_and_the_old_one_stops_working(
    factory: Factory, officer_client: Client
) -> None:
    old = _invited(factory)
    guest = CaseInvitation.objects.get()
    url = reverse(
        "cases:resend_guest", kwargs={"org": "home", "pk": guest.case_id, "guest": guest.pk}
    )
    assert officer_client.post(url).status_code == 302
    assert Message.objects.filter(key=f"invitation:{guest.invitation_id}:2").exists()
    response = Client().get(reverse("accounts:invitation", kwargs={"token": _token(old)}))
    assert response.status_code == 404


def test_a_withdrawn_or_expired_or_used_link_says_what_to_do(factory: Factory) -> None:
    link = _invited(factory)
    invitation = Invitation.objects.get()
    url = reverse("accounts:invitation", kwargs={"token": _token(link)})
    Invitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(days=1)
    )
    response = Client().get(url)
    assert response.status_code == 410
    assert "expired on" in response.content.decode()
    assert "Ask an officer of" in response.content.decode()
    sent = resend(invitation=invitation, actor=None)
    _accept(Client(), sent.link)
    used = Client().get(reverse("accounts:invitation", kwargs={"token": _token(sent.link)}))
    assert used.status_code == 410
    assert "already been used. Sign in with gina@example.org" in used.content.decode()
    with pytest.raises(Refused, match="already been accepted"):
        withdraw(invitation=invitation, actor=factory.officer())


def test_withdrawing_stops_the_link(factory: Factory, officer_client: Client) -> None:
    link = _invited(factory)
    guest = CaseInvitation.objects.get()
    url = reverse(
        "cases:withdraw_guest", kwargs={"org": "home", "pk": guest.case_id, "guest": guest.pk}
    )
    assert officer_client.post(url).status_code == 302
    response = Client().get(reverse("accounts:invitation", kwargs={"token": _token(link)}))
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()


def test_taking_a_guest_off_the_case_ends_their_access_at_their_next_request(
    factory: Factory, officer_client: Client
) -> None:
    link = _invited(factory)
    client = Client()
    _accept(client, link)
    case = factory.the_case
    mine = reverse("cases:my_case", kwargs={"case": case.pk})
    assert client.get(mine).status_code == 200
    guest = CaseInvitation.objects.get()
    url = reverse("cases:take_off_guest", kwargs={"org": "home", "pk": case.pk, "guest": guest.pk})
    response = officer_client.post(url, {"reason": "No longer available."})
    assert response.status_code == 302
    assert client.get(mine).status_code == 404
    assert client.get(f"/api/v1/cases/mine/{case.pk}").status_code == 404
    assert not case.seats.current().filter(user__email="gina@example.org").exists()
    guest.refresh_from_db()
    assert guest.removed_reason == "No longer available."
    with pytest.raises(Refused, match="not on this case"):
        take_off_case(guest=guest, reason="Again.", actor=None)


def test_taking_off_needs_a_reason(factory: Factory, officer_client: Client) -> None:
    _accept(Client(), _invited(factory))
    guest = CaseInvitation.objects.get()
    url = reverse(
        "cases:take_off_guest", kwargs={"org": "home", "pk": guest.case_id, "guest": guest.pk}
    )
    response = officer_client.post(url, {"reason": " "})
    assert response.status_code == 200
    assert "Enter why they are being taken off the case" in response.content.decode()
    assert CaseInvitation.objects.get().removed_on is None


def test_a_guest_is_offered_by_their_cases_picker_and_no_other_organisations(
    factory: Factory,
) -> None:
    guest = factory.investigator()
    other_case = factory.breach_case(factory.panel_member(factory.group(factory.other)))
    for case, expected in ((factory.the_case, True), (other_case, False)):
        field = SeatForm(case=case).fields["user"]
        assert (guest in list(field.queryset)) is expected  # type: ignore[attr-defined]


def test_the_staff_page_does_not_list_case_invitations(
    factory: Factory, officer_client: Client
) -> None:
    _invited(factory, email="gina@example.org")
    page = officer_client.get(reverse("organisations:staff", kwargs={"org": "home"}))
    assert "gina@example.org" not in page.content.decode()
    api = officer_client.get("/api/v1/organisations/home/invitations").json()
    assert api["invitations"] == []


def test_through_the_api_an_officer_invites_lists_resends_withdraws_and_takes_off(
    factory: Factory, officer_client: Client
) -> None:
    case = factory.the_case
    base = f"/api/v1/cases/home/{case.pk}/guests"
    response = officer_client.post(
        base,
        {"email": "gina@example.org", "name": "Gina Guest", "part": SEAT},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["state"] == "waiting" and made["role_key"] == "customer_involvement_team"
    assert "link" not in made
    listed = officer_client.get(base).json()["guests"]
    assert [row["id"] for row in listed] == [made["id"]]
    resent = officer_client.post(f"{base}/{made['id']}/resend").json()
    assert resent["sent"] == 2
    withdrawn = officer_client.post(f"{base}/{made['id']}/withdraw").json()
    assert withdrawn["state"] == "withdrawn"
    refused = officer_client.post(
        base,
        {"email": "gina@example.org", "name": "Gina Guest", "part": "seat:nobody"},
        content_type="application/json",
    )
    assert refused.status_code == 422
    assert refused.json()["field"] == "part"
    seated = CaseInvitation.objects.get(invitation__accepted_by=factory.investigator())
    no_reason = officer_client.post(
        f"{base}/{seated.pk}/take-off", {"reason": ""}, content_type="application/json"
    )
    assert no_reason.status_code == 422 and no_reason.json()["field"] == "reason"
    taken = officer_client.post(
        f"{base}/{seated.pk}/take-off",
        {"reason": "Recorded in error.", "effective": "2026-11-04"},
        content_type="application/json",
    )
    assert taken.status_code == 200, taken.content
    assert taken.json()["state"] == "taken_off"


def test_another_organisations_officer_cannot_list_or_invite_to_the_case(
    factory: Factory, outsider_client: Client
) -> None:
    factory.investigator()
    base = f"/api/v1/cases/home/{factory.the_case.pk}/guests"
    assert outsider_client.get(base).status_code == 404
    other_base = f"/api/v1/cases/other/{factory.the_case.pk}/guests"
    assert outsider_client.get(other_base).status_code == 404
