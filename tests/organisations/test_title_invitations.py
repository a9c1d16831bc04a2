"""A staff title's holder is chosen from the organisation's people, or invited by email:
accepting makes them the holder, with access only to the work the title brings them
(BR-2, BR-12, BR-13)."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.models import Invitation, User
from panelkeeper.accounts.people import known_to
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.forms import RoleHolderForm
from panelkeeper.organisations.models import RoleHolder, TitleInvitation
from panelkeeper.organisations.title_invitations import invite_to_title
from panelkeeper.outbox.models import Message
from tests.factory import PASSWORD, Factory

TITLE = "customer_involvement_team"


def _token(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[1]


def _accept(client: Client, link: str) -> object:
    url = reverse("accounts:invitation", kwargs={"token": _token(link)})
    return client.post(
        url,
        {
            "first_name": "Tess",
            "last_name": "Titleholder",
            "password": PASSWORD,
            "password_again": PASSWORD,
        },
    )


def test_the_picker_offers_the_organisations_people_and_no_other_organisations(
    factory: Factory,
) -> None:
    officer = factory.officer()
    guest = factory.investigator()  # invited to the_case, which put the code in force
    earlier = RoleHolder.objects.filter(organisation=factory.home).first()
    assert earlier is not None
    outsider = factory.outsider()
    member_user = factory.member()
    other_case = factory.breach_case(factory.panel_member(factory.group(factory.other)))
    guest_of_other = factory.invited_to_case(other_case)
    form = RoleHolderForm(organisation=factory.home)
    offered = list(form.fields["user"].queryset)  # type: ignore[attr-defined]
    assert officer in offered and guest in offered and earlier.user in offered
    assert outsider not in offered and guest_of_other not in offered
    assert member_user not in offered
    assert list(known_to(factory.home)) == offered


def test_an_invited_person_accepts_and_holds_the_title_with_no_grant(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    url = reverse("organisations:invite_role_holder", kwargs={"org": "home", "role": TITLE})
    assert officer_client.get(url).status_code == 200
    response = officer_client.post(url, {"email": "tess@example.org"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(role=Invitation.Role.TITLE)
    assert TitleInvitation.objects.get(invitation=invitation).role_title == (
        "Customer Involvement Team"
    )
    message = Message.objects.get(key=f"invitation:{invitation.pk}:1")
    assert "to hold the title Customer Involvement Team" in message.body
    page = officer_client.get(reverse("organisations:role_holders", kwargs={"org": "home"}))
    assert "tess@example.org" in page.content.decode()
    link = message.body.split("\n\n")[2].strip()

    client = Client()
    response = _accept(client, link)
    assert response.status_code == 302 and response["Location"] == reverse("cases:mine")
    tess = User.objects.get(email="tess@example.org")
    holder = RoleHolder.objects.current().get(organisation=factory.home, role_key=TITLE)
    assert holder.user == tess and holder.effective_from == timezone.localdate()
    assert not tess.grants.exists()
    assert AuditEntry.objects.filter(action="role_holder.assigned").exists()
    assert client.get(reverse("organisations:home", kwargs={"org": "home"})).status_code == 404


def test_a_breach_routed_to_the_new_holder_is_theirs_to_read_and_no_other_br_2(
    factory: Factory,
) -> None:
    factory.code_in_force("vela")
    sent = invite_to_title(
        organisation=factory.home, role_key=TITLE, email="tess@example.org", actor=None
    )
    client = Client()
    _accept(client, sent.link)
    today = timezone.localdate()
    routed = factory.breach_case(effective=today, today=today)
    assert routed.handler.email == "tess@example.org"
    earlier = factory.the_case  # raised before Tess held the title: not theirs
    assert [c["id"] for c in client.get("/api/v1/cases/mine").json()["cases"]] == [routed.pk]
    assert client.get(reverse("cases:my_case", kwargs={"case": routed.pk})).status_code == 200
    assert client.get(reverse("cases:my_case", kwargs={"case": earlier.pk})).status_code == 404
    assert client.get(f"/api/v1/cases/home/{routed.pk}").status_code == 404


def test_a_title_the_code_does_not_declare_or_a_second_waiting_invitation_is_refused(
    factory: Factory,
) -> None:
    factory.code_in_force("vela")
    with pytest.raises(Refused, match="not declared"):
        invite_to_title(
            organisation=factory.home, role_key="chief_wizard", email="a@example.org", actor=None
        )
    invite_to_title(organisation=factory.home, role_key=TITLE, email="a@example.org", actor=None)
    with pytest.raises(Refused, match="already waiting"):
        invite_to_title(
            organisation=factory.home, role_key=TITLE, email="b@example.org", actor=None
        )
    assert TitleInvitation.objects.count() == 1


def test_the_invite_page_for_an_undeclared_title_is_not_found(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    url = reverse("organisations:invite_role_holder", kwargs={"org": "home", "role": "nobody"})
    assert officer_client.get(url).status_code == 404


def test_resending_and_withdrawing_from_the_role_holders_page(
    factory: Factory, officer_client: Client
) -> None:
    invitation = factory.title_invitation().invitation
    kwargs = {"org": "home", "pk": invitation.pk}
    assert officer_client.post(reverse("organisations:resend_title_invitation", kwargs=kwargs))
    assert Message.objects.filter(key=f"invitation:{invitation.pk}:2").exists()
    officer_client.post(reverse("organisations:withdraw_title_invitation", kwargs=kwargs))
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    staff_invitation = factory.invitation().invitation
    url = reverse(
        "organisations:withdraw_title_invitation", kwargs={"org": "home", "pk": staff_invitation.pk}
    )
    assert officer_client.post(url).status_code == 404


def test_the_api_offers_the_people_and_refuses_another_organisations_officer(
    factory: Factory, officer_client: Client
) -> None:
    factory.code_in_force("vela")
    guest = factory.investigator()
    outsider = factory.outsider()
    people = officer_client.get("/api/v1/organisations/home/role-holders/people").json()["people"]
    ids = {person["user_id"] for person in people}
    assert guest.pk in ids and outsider.pk not in ids
    refused = officer_client.post(
        "/api/v1/organisations/home/role-holders",
        {"role_key": TITLE, "user_id": outsider.pk, "effective_from": "2026-11-01"},
        content_type="application/json",
    )
    assert refused.status_code == 422 and refused.json()["field"] == "user_id"
    given = officer_client.post(
        "/api/v1/organisations/home/role-holders",
        {"role_key": TITLE, "user_id": guest.pk, "effective_from": "2026-11-01"},
        content_type="application/json",
    )
    assert given.status_code == 201, given.content


def test_title_invitations_through_the_api(factory: Factory, officer_client: Client) -> None:
    factory.code_in_force("vela")
    base = "/api/v1/organisations/home/title-invitations"
    made = officer_client.post(
        base, {"role_key": TITLE, "email": "tess@example.org"}, content_type="application/json"
    )
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["role_title"] == "Customer Involvement Team" and "link" not in body
    assert [row["id"] for row in officer_client.get(base).json()["invitations"]] == [body["id"]]
    assert officer_client.post(f"{base}/{body['id']}/resend").json()["sent"] == 2
    withdrawn = officer_client.post(f"{base}/{body['id']}/withdraw").json()
    assert withdrawn["withdrawn_at"] is not None
    assert officer_client.get(base).json()["invitations"] == []
    bad = officer_client.post(
        base, {"role_key": "nobody", "email": "x@example.org"}, content_type="application/json"
    )
    assert bad.status_code == 422 and bad.json()["field"] == "role_key"
