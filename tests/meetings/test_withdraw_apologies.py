"""Withdrawing apologies for a meeting still to come (MTG-1): the member, or an officer for
them, takes them back; the member is expected again, and the audit log keeps who did it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.attendance import (
    FIELDS,
    record_attendance,
    send_apologies,
    withdraw_apologies,
)
from panelkeeper.meetings.models import Attendance, Meeting
from panelkeeper.organisations.models import PolicyVersion
from tests.factory import Factory
from tests.meetings.conftest import TODAY

D = dt.date
API = "/api/v1/meetings"


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages read today from the clock; pin it to the suite's Monday 23 November 2026."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


@pytest.fixture
def meeting(factory: Factory, nexus: PolicyVersion) -> Meeting:
    """A meeting on 3 December 2026 for which Mina Member has sent apologies."""
    found, member = factory.meeting(date=D(2026, 12, 3)), factory.member_record
    send_apologies(meeting=found, member=member, reason="Away", actor=factory.member(), today=TODAY)
    return found


@pytest.fixture
def member_client(factory: Factory) -> Client:
    client = Client()
    client.force_login(factory.member())
    return client


def _withdrawals() -> list[tuple[str, list[str]]]:
    return list(
        AuditEntry.objects.filter(action="attendance.apologies_withdrawn").values_list(
            "actor__email", "fields"
        )
    )


def test_a_member_withdraws_apologies_and_is_expected_again_mtg_1(
    factory: Factory, meeting: Meeting, member_client: Client
) -> None:
    member = factory.member_record
    kwargs = {"member": member.pk, "pk": meeting.pk}
    page = member_client.get(reverse("meetings:portal_meeting", kwargs=kwargs))
    assert "Withdraw your apologies" in page.content.decode()
    response = member_client.post(reverse("meetings:withdraw_apologies", kwargs=kwargs))
    assert response.status_code == 302
    assert response["Location"] == reverse("pages:home", kwargs={"member": member.pk})
    assert not Attendance.objects.filter(meeting=meeting, member=member).exists()
    assert _withdrawals() == [(factory.member().email, FIELDS)]
    home = member_client.get(response["Location"]).content.decode()
    assert "Apologies withdrawn. We expect you at the meeting on 3 December 2026." in home
    assert "Apologies sent" not in home
    portal = member_client.get(reverse("meetings:portal", kwargs={"member": member.pk}))
    assert "You have sent apologies for 0 of 1 meeting to come" in portal.content.decode()


def test_withdrawing_twice_is_refused_in_words_and_changes_nothing(
    factory: Factory, meeting: Meeting, member_client: Client
) -> None:
    kwargs = {"member": factory.member_record.pk, "pk": meeting.pk}
    url = reverse("meetings:withdraw_apologies", kwargs=kwargs)
    member_client.post(url)
    response = member_client.post(url, follow=True)
    assert "Mina Member has not sent apologies for this meeting." in response.content.decode()
    assert len(_withdrawals()) == 1


def test_apologies_for_a_meeting_already_held_cannot_be_withdrawn_mtg_1(
    factory: Factory, nexus: PolicyVersion, officer: User
) -> None:
    held, member = factory.meeting(date=D(2026, 11, 12)), factory.member_record
    given = {"presence": "apologies", "apologies_given_on": D(2026, 11, 10)}
    record_attendance(meeting=held, member=member, **given, actor=officer, today=TODAY)
    with pytest.raises(Refused, match="only for a meeting still to come"):
        withdraw_apologies(meeting=held, member=member, actor=officer, today=TODAY)
    assert Attendance.objects.filter(meeting=held).count() == 1
    assert _withdrawals() == []


def test_an_officer_withdraws_apologies_for_a_member_from_the_meeting_page_mtg_1(
    factory: Factory, meeting: Meeting, officer_client: Client, officer: User
) -> None:
    member = factory.member_record
    detail = reverse("meetings:detail", kwargs={"org": "home", "pk": meeting.pk})
    assert "Withdraw apologies" in officer_client.get(detail).content.decode()
    url = reverse(
        "meetings:withdraw_apologies_for",
        kwargs={"org": "home", "pk": meeting.pk, "member": member.pk},
    )
    response = officer_client.post(url, follow=True)
    assert "Mina Member is expected at the meeting again" in response.content.decode()
    assert "Withdraw apologies" not in response.content.decode()
    assert not Attendance.objects.filter(meeting=meeting).exists()
    assert [email for email, _ in _withdrawals()] == [officer.email]


def test_the_api_withdraws_apologies_for_the_member_and_for_an_officer_mtg_1(
    factory: Factory, meeting: Meeting, member_client: Client, officer_client: Client
) -> None:
    member = factory.member_record
    mine = f"{API}/portal/{member.pk}/meetings/{meeting.pk}/apologies"
    assert member_client.delete(mine).status_code == 204
    again = member_client.delete(mine)
    assert again.status_code == 422
    assert again.json()["detail"] == "Mina Member has not sent apologies for this meeting."
    send_apologies(meeting=meeting, member=member, actor=factory.member(), today=TODAY)
    for_them = f"{API}/home/meetings/{meeting.pk}/apologies/{member.pk}"
    assert officer_client.delete(for_them).status_code == 204
    assert not Attendance.objects.filter(meeting=meeting).exists()
    assert len(_withdrawals()) == 2


def test_sending_apologies_after_withdrawing_them_dates_them_afresh_mtg_1(
    factory: Factory, meeting: Meeting, officer: User
) -> None:
    member = factory.member_record
    withdraw_apologies(meeting=meeting, member=member, actor=officer, today=TODAY)
    later = D(2026, 11, 30)
    entry = send_apologies(meeting=meeting, member=member, actor=factory.member(), today=later)
    assert entry.apologies_given_on == later
