"""The Staff page: inviting, resending, withdrawing, changing a role, removing someone."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import ApiToken, Grant, Invitation
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.organisations.staff import change_role, remove_staff
from panelkeeper.outbox.models import Message
from tests.factory import Factory
from tests.paging import assert_same_queries_at_3_and_30


def _signed_in(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def _url(name: str, **kwargs: object) -> str:
    return reverse(f"organisations:{name}", kwargs={"org": "home", **kwargs})


def test_the_staff_page_lists_people_and_waiting_invitations(factory: Factory) -> None:
    officer = factory.officer(email="olive@example.org")
    factory.auditor(email="audrey@example.org")
    factory.invitation(email="new@example.org", role="auditor")
    factory.outsider(email="owen@example.org")
    page = _signed_in(officer).get(_url("staff")).content.decode()
    assert "olive@example.org" in page and "audrey@example.org" in page
    assert "new@example.org" in page
    assert "owen@example.org" not in page  # another organisation's officer


def _invite(factory: Factory) -> Callable[[int], None]:
    def add(n: int) -> None:
        for _ in range(n):
            factory.invitation()

    return add


@pytest.mark.parametrize("query", ["", "?shown=invitations"])
def test_the_staff_page_and_its_invitations_run_as_many_queries_at_3_and_30(
    factory: Factory, query: str
) -> None:
    assert_same_queries_at_3_and_30(
        _signed_in(factory.officer()), _url("staff") + query, _invite(factory)
    )


def test_the_staff_page_lists_the_first_invitations_and_links_to_every_one_a_page_at_a_time(
    factory: Factory,
) -> None:
    client = _signed_in(factory.officer())
    for n in range(55):
        factory.invitation(email=f"invited{n:02d}@example.org")
    page = client.get(_url("staff")).content.decode()
    assert "invited09@example.org" in page and "invited10@example.org" not in page
    assert "55 in all: the first 10 are listed." in page and "?shown=invitations" in page
    first = client.get(_url("staff") + "?shown=invitations").content.decode()
    assert "invited49@example.org" in first and "invited50@example.org" not in first
    assert "55 invitations to a staff role not yet accepted" in first
    second = client.get(_url("staff") + "?shown=invitations&page=2").content.decode()
    assert "invited54@example.org" in second and "invited49@example.org" not in second
    assert "Withdraw" in second  # an officer may still act on each


def test_an_unknown_choice_of_list_shows_the_staff_page(factory: Factory) -> None:
    factory.invitation(email="new@example.org")
    page = _signed_in(factory.officer()).get(_url("staff") + "?shown=everything").content.decode()
    assert "People with a role" in page and "new@example.org" in page


def test_another_organisations_invitations_answer_404(factory: Factory) -> None:
    client = _signed_in(factory.officer(factory.other))
    assert client.get(_url("staff") + "?shown=invitations").status_code == 404


def test_an_officer_invites_someone_and_the_email_is_posted_with_it(factory: Factory) -> None:
    client = _signed_in(factory.officer())
    response = client.post(_url("invite_staff"), {"email": "sam@example.org", "role": "auditor"})
    assert response.status_code == 302
    invitation = Invitation.objects.get(email="sam@example.org")
    assert (invitation.organisation, invitation.role) == (factory.home, "auditor")
    assert Message.objects.filter(key=f"invitation:{invitation.pk}:1").exists()


def test_a_bad_invitation_says_what_to_do_and_saves_nothing(factory: Factory) -> None:
    client = _signed_in(factory.officer())
    response = client.post(_url("invite_staff"), {"email": "sam", "role": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in page
    assert "Select officer or auditor" in page
    assert not Invitation.objects.exists() and not Message.objects.exists()


def test_an_officer_resends_and_withdraws_an_invitation(factory: Factory) -> None:
    client = _signed_in(factory.officer())
    sent = factory.invitation()
    pk = sent.invitation.pk
    assert client.post(_url("resend_invitation", pk=pk)).status_code == 302
    assert Invitation.objects.get(pk=pk).sent == 2
    assert Message.objects.filter(key=f"invitation:{pk}:2").exists()
    assert client.post(_url("withdraw_invitation", pk=pk)).status_code == 302
    assert Invitation.objects.get(pk=pk).withdrawn_at is not None
    client.post(_url("resend_invitation", pk=pk))
    assert Invitation.objects.get(pk=pk).sent == 2  # refused once withdrawn


def test_another_organisations_invitation_answers_404(factory: Factory) -> None:
    theirs = factory.invitation(organisation=factory.other)
    client = _signed_in(factory.officer())
    response = client.post(_url("withdraw_invitation", pk=theirs.invitation.pk))
    assert response.status_code == 404
    assert Invitation.objects.get(pk=theirs.invitation.pk).withdrawn_at is None


def test_an_officer_changes_an_auditor_into_an_officer(factory: Factory) -> None:
    auditor = factory.auditor()
    client = _signed_in(factory.officer())
    response = client.post(_url("change_staff_role", pk=auditor.pk), {"role": "officer"})
    assert response.status_code == 302
    assert list(auditor.grants.values_list("role", flat=True)) == ["officer"]
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"grant.removed", "grant.created"} <= actions


def test_the_last_officer_keeps_the_officer_role(factory: Factory) -> None:
    officer = factory.officer()
    with pytest.raises(Refused, match="only officer"):
        change_role(organisation=factory.home, user=officer, role="auditor", actor=officer)
    with pytest.raises(Refused, match="only officer"):
        remove_staff(organisation=factory.home, user=officer, actor=officer)
    assert officer.grants.filter(role="officer").exists()


def test_a_holder_of_a_staff_title_is_not_removed(factory: Factory) -> None:
    officer = factory.officer()
    holder = factory.auditor()
    factory.role_holder("customer_involvement_team", user=holder)
    with pytest.raises(Refused, match="holds the title"):
        remove_staff(organisation=factory.home, user=holder, actor=officer)
    assert holder.grants.exists()


def test_a_removed_officer_is_refused_at_the_next_request_and_their_tokens_stop(
    factory: Factory,
) -> None:
    officer = factory.officer()
    removed = factory.officer()
    token = factory.token(removed)
    Grant.objects.create(user=removed, organisation=factory.other, role="auditor")
    factory.token(removed, organisation=factory.other)  # another organisation's: kept
    theirs = _signed_in(removed)
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {token.plaintext}"}
    assert theirs.get(_url("settings")).status_code == 200
    assert Client().get("/api/v1/organisations/home", **bearer).status_code == 200

    response = _signed_in(officer).post(_url("remove_staff", pk=removed.pk))
    assert response.status_code == 302

    assert theirs.get(_url("settings")).status_code == 404
    assert Client().get("/api/v1/organisations/home", **bearer).status_code == 401
    assert ApiToken.objects.get(pk=token.token.pk).revoked is not None
    assert ApiToken.objects.filter(user=removed, revoked__isnull=True).count() == 1
    assert not Grant.objects.filter(user=removed, organisation=factory.home).exists()
    assert AuditEntry.objects.filter(action="api_token.revoked").count() == 1


def test_someone_of_another_organisation_cannot_be_changed_from_here(factory: Factory) -> None:
    outsider = factory.outsider()
    client = _signed_in(factory.officer())
    assert client.post(_url("remove_staff", pk=outsider.pk)).status_code == 404
    assert outsider.grants.exists()


def test_the_api_invites_with_the_pages_checks_and_never_returns_the_link(
    factory: Factory,
) -> None:
    client = _signed_in(factory.officer())
    url = "/api/v1/organisations/home/invitations"
    bad = client.post(url, {"email": "sam", "role": "auditor"}, content_type="application/json")
    assert bad.status_code == 422
    assert bad.json()["detail"].startswith("Enter an email address in the correct format")
    assert bad.json()["field"] == "email"
    made = client.post(
        url, {"email": "sam@example.org", "role": "auditor"}, content_type="application/json"
    )
    assert made.status_code == 201
    assert "invitations/" not in made.content.decode()
    assert Message.objects.filter(to_address="sam@example.org").count() == 1
    listed = client.get(url).json()["invitations"]
    assert [i["email"] for i in listed] == ["sam@example.org"]


def test_the_api_changes_a_role_and_removes_someone(factory: Factory) -> None:
    auditor = factory.auditor()
    client = _signed_in(factory.officer())
    url = f"/api/v1/organisations/home/staff/{auditor.pk}"
    changed = client.put(url, {"role": "officer"}, content_type="application/json")
    assert changed.status_code == 200 and changed.json()["roles"] == ["officer"]
    removed = client.delete(url)
    assert removed.status_code == 200 and removed.json() == {"tokens_revoked": 0}
    assert not auditor.grants.exists()
