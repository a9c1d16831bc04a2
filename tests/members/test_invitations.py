"""Inviting members and advocates to sign in: from the record, many at once, accepting
on the invitation page with a password or an emailed code, and the refusals."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from panelkeeper.accounts.invitations import resend, withdraw
from panelkeeper.accounts.models import Invitation, User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.members.invitations import (
    invite_advocate,
    invite_member,
    invite_members,
    not_yet_invited,
)
from panelkeeper.members.models import Member, SignInState
from panelkeeper.outbox.models import Message
from tests.delivery import deliver
from tests.factory import Factory


def token_of(link: str) -> str:
    return link.rstrip("/").rsplit("/", 1)[1]


def accept_url(link: str) -> str:
    return reverse("accounts:invitation", kwargs={"token": token_of(link)})


def record_url(member: Member) -> str:
    return reverse("members:detail", kwargs={"org": "home", "pk": member.pk})


def test_inviting_a_member_posts_an_email_and_audits_it(factory: Factory) -> None:
    member = factory.panel_member(full_name="Pat Kestrel", email="Pat@Example.org")
    officer = factory.officer()
    sent = invite_member(member=member, actor=officer)
    invitation = sent.invitation
    assert (invitation.role, invitation.member, invitation.email) == (
        "member",
        member,
        "pat@example.org",
    )
    message = Message.objects.get(key=f"invitation:{invitation.pk}:1")
    assert "see your record as a member of Customer Scrutiny Panel at Home Housing" in message.body
    assert (
        "You can choose a password, or have a sign-in code emailed to you each time" in message.body
    )
    entry = AuditEntry.objects.get(action="invitation.created", object_id=invitation.pk)
    assert entry.actor == officer and "member" in entry.fields
    [email] = deliver()
    assert sent.link in email.body


def test_a_member_without_an_email_address_cannot_be_invited(factory: Factory) -> None:
    member = factory.panel_member(full_name="Pat Kestrel")
    with pytest.raises(Refused, match="Add an email address to the record of Pat Kestrel"):
        invite_member(member=member, actor=None)
    assert not Invitation.objects.exists()


def test_a_member_who_signs_in_or_is_invited_already_is_refused(factory: Factory) -> None:
    with pytest.raises(Refused, match="Mina Member can already sign in"):
        invite_member(member=factory.member_record, actor=None)
    member = factory.panel_member(full_name="Pat Kestrel", email="pat@example.org")
    invite_member(member=member, actor=None)
    with pytest.raises(Refused, match="already has an invitation waiting"):
        invite_member(member=member, actor=None)
    assert Invitation.objects.count() == 1


def test_inviting_many_is_all_or_none_naming_each_member_who_cannot_be(factory: Factory) -> None:
    good = factory.panel_member(full_name="Ann Able", email="ann@example.org")
    no_email = factory.panel_member(full_name="Bob Blank")
    same = factory.panel_member(full_name="Cat Copy", email="ANN@example.org")
    with pytest.raises(Refused) as refused:
        invite_members(members=[good, no_email, same], actor=None)
    assert [p.message for p in refused.value.problems] == [
        "Add an email address to the record of Bob Blank first",
        "ann@example.org already belongs to another member of Customer Scrutiny Panel",
    ]
    assert not Invitation.objects.exists() and not Message.objects.exists()
    assert len(invite_members(members=[good], actor=None)) == 1


def test_not_yet_invited_leaves_out_those_who_sign_in_are_invited_or_have_no_email(
    factory: Factory,
) -> None:
    factory.member()  # signs in
    invited = factory.panel_member(email="i@example.org")
    invite_member(member=invited, actor=None)
    factory.panel_member()  # no email
    expired = factory.panel_member(email="e@example.org")
    Invitation.objects.filter(pk=invite_member(member=expired, actor=None).invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(days=1)
    )
    fresh = factory.panel_member(email="f@example.org")
    waiting = not_yet_invited(Member.objects.of(factory.home))
    assert set(waiting) == {expired, fresh}


def test_a_member_accepts_on_the_page_choosing_emailed_codes(factory: Factory) -> None:
    member = factory.panel_member(full_name="Pat van Kestrel", email="pat@example.org")
    sent = invite_member(member=member, actor=factory.officer())
    client = Client()
    page = client.get(accept_url(sent.link)).content.decode()
    assert "Email me a sign-in code each time" in page
    assert 'value="Pat van"' in page and 'value="Kestrel"' in page
    response = client.post(
        accept_url(sent.link),
        {"first_name": "Pat", "last_name": "van Kestrel", "sign_in": "code"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("pages:home", kwargs={"member": member.pk})
    assert "we will email you a code" in response.content.decode()
    user = User.objects.get(email="pat@example.org")
    assert not user.has_usable_password()
    member.refresh_from_db()
    assert member.user == user
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"user.code_sign_in_chosen", "invitation.accepted", "member.updated"} <= actions


def test_a_member_accepts_with_a_password(factory: Factory) -> None:
    member = factory.panel_member(email="pat@example.org")
    sent = invite_member(member=member, actor=None)
    client = Client()
    data = {"first_name": "Pat", "last_name": "Kestrel", "sign_in": "password"}
    missing = client.post(accept_url(sent.link), data)
    assert "Enter a password, or choose a code emailed each time" in missing.content.decode()
    assert not User.objects.filter(email="pat@example.org").exists()
    response = client.post(
        accept_url(sent.link),
        {**data, "password": "kestrel-panel-2026", "password_again": "kestrel-panel-2026"},
        follow=True,
    )
    assert "sign in with your email address and your password" in response.content.decode()
    assert User.objects.get(email="pat@example.org").check_password("kestrel-panel-2026")


def test_someone_with_a_named_account_is_not_asked_their_name(factory: Factory) -> None:
    existing = factory.user(email="pat@example.org", first_name="Pat", last_name="Kestrel")
    existing.set_unusable_password()
    existing.save()
    sent = invite_member(member=factory.panel_member(email="pat@example.org"), actor=None)
    page = Client().get(accept_url(sent.link)).content.decode()
    assert "First name" not in page and "How do you want to sign in?" in page


def test_an_expired_member_invitation_says_what_to_do(factory: Factory) -> None:
    sent = invite_member(member=factory.panel_member(email="pat@example.org"), actor=None)
    Invitation.objects.filter(pk=sent.invitation.pk).update(
        expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    response = Client().get(accept_url(sent.link))
    assert response.status_code == 410
    assert "Ask an officer of Home Housing to send you a new one." in response.content.decode()


def test_a_used_member_invitation_says_to_sign_in(factory: Factory) -> None:
    member = factory.panel_member(email="pat@example.org")
    sent = invite_member(member=member, actor=None)
    Client().post(accept_url(sent.link), {"first_name": "P", "last_name": "K", "sign_in": "code"})
    response = Client().get(accept_url(sent.link))
    assert response.status_code == 410
    assert "already been used. Sign in with pat@example.org" in response.content.decode()


def test_an_advocate_accepts_and_acts_for_the_member(factory: Factory) -> None:
    member = factory.panel_member(full_name="Pat Kestrel")
    sent = invite_advocate(member=member, email="Ada@Example.org", actor=factory.officer())
    assert "act for Pat Kestrel at Home Housing, as their advocate" in Message.objects.get().body
    client = Client()
    client.post(
        accept_url(sent.link), {"first_name": "Ada", "last_name": "Help", "sign_in": "code"}
    )
    member.refresh_from_db()
    assert member.advocate is not None and member.advocate.email == "ada@example.org"
    assert member.user is None


def test_an_advocate_who_signs_in_takes_another_member_into_their_care(
    factory: Factory,
) -> None:
    helper = factory.advocate()
    other = factory.panel_member(full_name="Second Member")
    sent = invite_advocate(member=other, email=helper.email, actor=None)
    client = Client()
    client.force_login(helper)
    response = client.post(accept_url(sent.link))
    assert response.status_code == 302 and response["Location"] == reverse("members:portal")
    other.refresh_from_db()
    assert other.advocate == helper
    assert set(Member.objects.for_person(helper)) == {factory.advocated_record, other}


def test_an_advocate_invitation_refuses_the_members_own_address_and_a_repeat(
    factory: Factory,
) -> None:
    member = factory.member_record
    with pytest.raises(Refused, match="That is the sign-in of Mina Member"):
        invite_advocate(member=member, email=factory.member().email, actor=None)
    with pytest.raises(Refused, match="correct format"):
        invite_advocate(member=member, email="not an address", actor=None)
    invite_advocate(member=member, email="ada@example.org", actor=None)
    with pytest.raises(Refused, match="already has an invitation waiting"):
        invite_advocate(member=member, email="ada@example.org", actor=None)


def test_resending_and_withdrawing_a_member_invitation(factory: Factory) -> None:
    sent = invite_member(member=factory.panel_member(email="pat@example.org"), actor=None)
    again = resend(invitation=sent.invitation, actor=None)
    assert Message.objects.filter(key=f"invitation:{sent.invitation.pk}:2").exists()
    withdraw(invitation=again.invitation, actor=factory.officer())
    assert Client().get(accept_url(again.link)).status_code == 410


def test_the_record_says_to_add_an_email_address_first(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(full_name="Pat Kestrel")
    page = officer_client.get(record_url(member)).content.decode()
    assert "add an email address to their record</a> first" in page
    assert "Invite Pat Kestrel to sign in" not in page


def test_an_officer_invites_from_the_record_and_sees_when(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(full_name="Pat Kestrel", email="pat@example.org")
    url = reverse("members:invite", kwargs={"org": "home", "pk": member.pk})
    response = officer_client.post(url, follow=True)
    page = response.content.decode()
    assert "Invitation sent to Pat Kestrel at pat@example.org" in page
    today = timezone.localdate()
    assert f"Invited {today.day} {today:%B %Y}" in page
    assert "Send again" in page and "Withdraw" in page


def test_an_auditor_cannot_invite_and_sees_no_buttons(
    factory: Factory, auditor_client: Client
) -> None:
    member = factory.panel_member(email="pat@example.org")
    url = reverse("members:invite", kwargs={"org": "home", "pk": member.pk})
    assert auditor_client.post(url).status_code == 403
    assert "to sign in</button>" not in auditor_client.get(record_url(member)).content.decode()
    assert not Invitation.objects.exists()


def test_another_organisations_officer_cannot_invite(
    factory: Factory, outsider_client: Client
) -> None:
    member = factory.panel_member(email="pat@example.org")
    url = reverse("members:invite", kwargs={"org": "home", "pk": member.pk})
    assert outsider_client.post(url).status_code == 404
    chosen = reverse("members:invite_chosen", kwargs={"org": "other"})
    outsider_client.post(chosen, {"members": [member.pk]})
    assert not Invitation.objects.exists()


def test_an_officer_invites_an_advocate_from_the_record(
    factory: Factory, officer_client: Client
) -> None:
    member = factory.panel_member(full_name="Pat Kestrel")
    url = reverse("members:invite_advocate", kwargs={"org": "home", "pk": member.pk})
    assert "Invite an advocate for Pat Kestrel" in officer_client.get(url).content.decode()
    bad = officer_client.post(url, {"email": "nope"})
    assert "correct format" in bad.content.decode()
    response = officer_client.post(url, {"email": "ada@example.org"}, follow=True)
    assert "ada@example.org was invited to act for them" in response.content.decode()


def test_the_list_shows_and_filters_who_can_sign_in(
    factory: Factory, officer_client: Client
) -> None:
    factory.member()
    invited = factory.panel_member(full_name="Ivy Invited", email="ivy@example.org")
    invite_member(member=invited, actor=None)
    factory.panel_member(full_name="Nat None")
    url = reverse("members:list", kwargs={"org": "home"})
    page = officer_client.get(url).content.decode()
    today = timezone.localdate()
    assert "Can sign in" in page and f"Invited {today.day} {today:%B %Y}" in page
    for state, shown, hidden in (
        (SignInState.SIGNS_IN, "Mina Member", "Ivy Invited"),
        (SignInState.INVITED, "Ivy Invited", "Nat None"),
        (SignInState.NOT_INVITED, "Nat None", "Mina Member"),
    ):
        filtered = officer_client.get(url, {"sign_in": state}).content.decode()
        assert shown in filtered and hidden not in filtered


def test_only_a_waiting_invitation_counts_as_invited_in_the_filter(factory: Factory) -> None:
    """Expired or withdrawn invitations leave a member not invited, as inviting them
    again is allowed."""
    waiting, expired, withdrawn = (
        factory.panel_member(full_name=name, email=f"{name.lower()}@example.org")
        for name in ("Wes", "Eve", "Will")
    )
    for member in (waiting, expired, withdrawn):
        invite_member(member=member, actor=None)
    now = timezone.now()
    Invitation.objects.filter(member=expired).update(expires_at=now - dt.timedelta(minutes=1))
    Invitation.objects.filter(member=withdrawn).update(withdrawn_at=now)
    members = Member.objects.of(factory.home)

    def named(state: SignInState) -> set[str]:
        return {m.full_name for m in members.signing_in(state, now=now)}

    assert named(SignInState.INVITED) == {"Wes"}
    assert named(SignInState.NOT_INVITED) == {"Eve", "Will"}
    assert named(SignInState.SIGNS_IN) == set()


def test_an_officer_invites_the_chosen_members_or_is_told_who_cannot_be(
    factory: Factory, officer_client: Client
) -> None:
    ann = factory.panel_member(full_name="Ann Able", email="ann@example.org")
    bob = factory.panel_member(full_name="Bob Blank")
    url = reverse("members:invite_chosen", kwargs={"org": "home"})
    refused = officer_client.post(url, {"members": [ann.pk, bob.pk]}, follow=True)
    assert "Add an email address to the record of Bob Blank first" in refused.content.decode()
    assert not Invitation.objects.exists()
    nothing = officer_client.post(url, {}, follow=True)
    assert "Select the members to invite" in nothing.content.decode()
    done = officer_client.post(url, {"members": [ann.pk]}, follow=True)
    assert "1 invitation sent" in done.content.decode()


def test_an_officer_invites_everyone_not_yet_invited(
    factory: Factory, officer_client: Client
) -> None:
    for n in range(3):
        factory.panel_member(email=f"m{n}@example.org")
    factory.panel_member()
    url = reverse("members:invite_everyone", kwargs={"org": "home"})
    assert "3 invitations sent" in officer_client.post(url, follow=True).content.decode()
    again = officer_client.post(url, follow=True).content.decode()
    assert "Everyone with an email address can already sign in" in again
    assert Invitation.objects.count() == 3


def test_the_staff_page_does_not_list_member_invitations(
    factory: Factory, officer_client: Client
) -> None:
    invite_member(member=factory.panel_member(email="pat@example.org"), actor=None)
    page = officer_client.get(reverse("organisations:staff", kwargs={"org": "home"}))
    assert "pat@example.org" not in page.content.decode()


def test_the_import_page_invites_the_imported_members_or_names_each_bad_row(
    factory: Factory, officer_client: Client
) -> None:
    factory.panel()
    head = "full_name,customer_type,group,started_on,email\n"
    good = "Ann Able,tenant,Customer Scrutiny Panel,2026-01-31,ann@example.org\n"
    bad = "Bob Blank,tenant,Customer Scrutiny Panel,2026-01-31,\n"
    url = reverse("members:import", kwargs={"org": "home"})
    upload = SimpleUploadedFile("m.csv", (head + good + bad).encode())
    page = officer_client.post(url, {"file": upload, "invite": "on"}).content.decode()
    assert "Line 3, column email: Enter an email address to invite this member" in page
    upload = SimpleUploadedFile("m.csv", (head + good).encode())
    preview = officer_client.post(url, {"file": upload, "invite": "on"}).content.decode()
    assert "Import all 1 and invite them" in preview
    confirm = reverse("members:import_confirm", kwargs={"org": "home"})
    done = officer_client.post(confirm, {"text": head + good, "invite": "on"}, follow=True)
    assert "1 member imported and invited" in done.content.decode()
    invitation = Invitation.objects.get()
    assert invitation.member == Member.objects.get(full_name="Ann Able")


def test_an_import_whose_invitations_are_refused_saves_no_member(
    factory: Factory, officer_client: Client
) -> None:
    factory.member()  # Mina Member signs in with her own address
    head = "full_name,customer_type,group,started_on,email\n"
    row = f"Ann Able,tenant,Customer Scrutiny Panel,2026-01-31,{factory.member().email}\n"
    confirm = reverse("members:import_confirm", kwargs={"org": "home"})
    done = officer_client.post(confirm, {"text": head + row, "invite": "on"}, follow=True)
    assert "The file has 1 problem" in done.content.decode()
    assert not Member.objects.filter(full_name="Ann Able").exists()
    assert not Invitation.objects.exists()


def test_the_list_with_sign_in_states_runs_the_same_queries_for_3_and_21_members(
    factory: Factory, officer_client: Client
) -> None:
    def add(count: int) -> int:
        for _ in range(count):
            factory.member_invitation()
            factory.panel_member(user=factory.user())
            factory.panel_member()
        url = reverse("members:list", kwargs={"org": "home"})
        with CaptureQueriesContext(connection) as queries:
            assert officer_client.get(url, {"sign_in": ""}).status_code == 200
        return len(queries)

    assert add(1) == add(6)
