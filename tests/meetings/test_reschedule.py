"""Moving a meeting still to come: a new date, times or place, by page and by API.

What hangs on the date follows it: the chair (MTG-4), late apologies (MTG-1), the agenda
(GIFT-2), members' reminders and the calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from panelkeeper.accounts.models import User
from panelkeeper.audit.models import AuditEntry
from panelkeeper.letters.reminders import send_member_reminders
from panelkeeper.lib.refusals import Refused
from panelkeeper.meetings.attendance import record_attendance
from panelkeeper.meetings.calendars import create_feed
from panelkeeper.meetings.models import Attendance, ChairBasis, Meeting
from panelkeeper.meetings.schedule import cancel_meeting, reschedule_meeting
from panelkeeper.members.models import Member
from panelkeeper.organisations.models import Group, PolicyVersion
from tests.delivery import deliver
from tests.factory import Factory
from tests.meetings.conftest import TODAY
from tests.meetings.test_calendars import unfold

D = dt.date
T = dt.time


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def move(meeting: Meeting, officer: User, **fields: Any) -> Meeting:
    values: dict[str, Any] = {
        "meeting": meeting,
        "date": meeting.date,
        "starts_at": meeting.starts_at,
        "ends_at": meeting.ends_at,
        "place": meeting.place,
        "online_link": meeting.online_link,
        "actor": officer,
        "today": TODAY,
    }
    return reschedule_meeting(**(values | fields))


def unchanged(meeting: Meeting) -> bool:
    """The meeting as saved is as it was made, and no move was written to the audit log."""
    saved = Meeting.objects.get(pk=meeting.pk)
    same = (saved.date, saved.starts_at, saved.ends_at, saved.place) == (
        meeting.date,
        meeting.starts_at,
        meeting.ends_at,
        meeting.place,
    )
    return same and not AuditEntry.objects.filter(action="meeting.rescheduled").exists()


# -- the domain function ---------------------------------------------------------------


def test_a_meeting_moves_to_a_new_date_time_and_place(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), starts_at=T(18, 30))
    moved = move(
        meeting, officer, date=D(2026, 12, 10), starts_at=T(14, 0), ends_at=T(16, 0), place=" Hall "
    )
    saved = Meeting.objects.get(pk=meeting.pk)
    assert (saved.date, saved.starts_at, saved.ends_at, saved.place) == (
        D(2026, 12, 10),
        T(14, 0),
        T(16, 0),
        "Hall",
    )
    assert moved.date == meeting.date == D(2026, 12, 10)  # the caller's copy follows


def test_the_audit_entry_names_only_the_fields_that_changed(
    factory: Factory, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    move(meeting, officer, starts_at=T(19, 0), place="Town Hall")
    entry = AuditEntry.objects.get(action="meeting.rescheduled")
    assert sorted(entry.fields) == ["place", "starts_at"]
    assert entry.actor == officer
    assert "Town Hall" not in str(entry.__dict__)  # names, never values


def test_a_meeting_may_move_to_today(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    assert move(meeting, officer, date=TODAY).date == TODAY


def test_a_meeting_already_held_is_not_moved(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    with pytest.raises(Refused, match="this one is held"):
        move(meeting, officer, date=D(2026, 12, 10))
    assert unchanged(meeting)


def test_a_cancelled_meeting_is_not_moved(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    cancel_meeting(meeting=meeting, reason="No quorum", actor=officer, today=TODAY)
    with pytest.raises(Refused, match="this one is cancelled"):
        move(meeting, officer, date=D(2026, 12, 10))
    assert unchanged(meeting)


def test_a_new_date_in_the_past_is_refused_on_the_date(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    with pytest.raises(Refused, match="20 November 2026 has passed") as refused:
        move(meeting, officer, date=D(2026, 11, 20))
    assert refused.value.field == "date"
    assert unchanged(meeting)


@pytest.mark.parametrize("ends_at", [T(18, 30), T(17, 0)])
def test_an_end_at_or_before_the_start_is_refused_on_the_end_time(
    factory: Factory, officer: User, ends_at: dt.time
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), starts_at=T(18, 30))
    with pytest.raises(Refused, match="after the start time, 18:30") as refused:
        move(meeting, officer, ends_at=ends_at)
    assert refused.value.field == "ends_at"
    assert unchanged(meeting)


def test_a_meeting_keeps_a_place_or_an_online_link(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    with pytest.raises(Refused, match="an online link, or both") as refused:
        move(meeting, officer, place="  ", online_link="")
    assert refused.value.field == "place"
    assert unchanged(meeting)
    online = move(meeting, officer, place="", online_link="https://meet.example/p")
    assert online.where == "https://meet.example/p"


def test_a_change_to_nothing_is_refused_and_not_audited(factory: Factory, officer: User) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    with pytest.raises(Refused, match="Nothing has changed") as refused:
        move(meeting, officer)
    assert refused.value.field is None
    assert unchanged(meeting)


def test_a_rota_chair_must_still_be_a_member_on_the_new_date_mtg_4(
    factory: Factory, panel: Group, officer: User
) -> None:
    rita = factory.panel_member(full_name="Rota Rita", started_on=D(2026, 12, 14))
    meeting = factory.meeting(
        date=D(2026, 12, 17), chair=rita, chair_basis=ChairBasis.ROTA, today=TODAY
    )
    with pytest.raises(Refused, match="Rota Rita, named to chair") as refused:
        move(meeting, officer, date=D(2026, 12, 10))
    assert refused.value.field == "date"
    assert unchanged(meeting)
    assert move(meeting, officer, date=D(2026, 12, 21)).chair == rita


# -- what hangs on the date ------------------------------------------------------------


def _apologies(meeting: Meeting, member: Member, officer: User) -> Attendance:
    return record_attendance(
        meeting=meeting,
        member=member,
        presence="apologies",
        apologies_given_on=TODAY,
        reason="Hospital appointment",
        actor=officer,
        today=TODAY,
    )


def test_late_apologies_are_on_time_once_the_meeting_moves_later_mtg_1(
    factory: Factory, insight: PolicyVersion, officer: User
) -> None:
    """Insight asks for two working days' notice: given on Monday 23 November for Tuesday
    24th, apologies are late; with the meeting moved to 3 December they gave enough."""
    ada = factory.panel_member(full_name="Ada")
    meeting = factory.meeting(date=D(2026, 11, 24))
    entry = _apologies(meeting, ada, officer)
    assert entry.late
    move(meeting, officer, date=D(2026, 12, 3))
    entry.refresh_from_db()
    assert not entry.late
    assert entry.presence == "apologies" and entry.apologies_given_on == TODAY
    assert AuditEntry.objects.filter(action="attendance.corrected", fields=["late"]).exists()


def test_a_move_earlier_never_makes_apologies_late_mtg_1(
    factory: Factory, insight: PolicyVersion, officer: User
) -> None:
    """The member gave notice for the date they were told; the organisation's change of
    date must not count against them."""
    ada = factory.panel_member(full_name="Ada")
    meeting = factory.meeting(date=D(2026, 12, 10))
    entry = _apologies(meeting, ada, officer)
    assert not entry.late
    move(meeting, officer, date=D(2026, 11, 24))
    entry.refresh_from_db()
    assert not entry.late and entry.presence == "apologies"


def test_a_meeting_moved_ahead_takes_up_waiting_gifts_but_not_one_on_an_agenda_gift_2(
    factory: Factory, panel: Group, officer: User
) -> None:
    on_agenda = factory.gift()
    first = factory.meeting(date=D(2026, 12, 10))
    assert first.agenda.get().gift == on_agenda
    later = factory.meeting(date=D(2027, 1, 14))
    assert not later.agenda.exists()
    waiting = factory.gift()  # saved directly: on no agenda yet
    move(later, officer, date=D(2026, 12, 1))
    assert later.agenda.get().gift == waiting
    assert first.agenda.get().gift == on_agenda  # on one agenda only
    waiting.refresh_from_db()
    assert waiting.agenda_on == D(2026, 12, 1)
    move(later, officer, date=D(2026, 12, 3))
    waiting.refresh_from_db()
    assert waiting.agenda_on == D(2026, 12, 3)  # the gift gives its meeting's new date


def test_the_agenda_work_moves_with_the_meeting_so_conflicts_read_the_new_date_coi_2(
    factory: Factory, panel: Group, officer: User
) -> None:
    factory.gift()
    meeting = factory.meeting(date=D(2026, 12, 10))
    work = meeting.agenda.get().work
    assert work.on == D(2026, 12, 10)
    move(meeting, officer, date=D(2026, 12, 17))
    work.refresh_from_db()
    assert work.on == D(2026, 12, 17)
    assert AuditEntry.objects.filter(action="work_item.moved", object_id=str(work.pk)).exists()


def test_a_moved_meeting_is_reminded_again_on_its_new_date(factory: Factory, officer: User) -> None:
    member = factory.member_record
    member.email, member.contact_by = "mina@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    meeting = factory.meeting(date=D(2026, 11, 25))

    def reminders(today: dt.date) -> list[str]:
        mail.outbox.clear()
        send_member_reminders(factory.home, today=today)
        return [m.subject for m in deliver() if m.to == ["mina@example.org"]]

    assert any("Wednesday 25 November 2026" in s for s in reminders(TODAY))
    move(meeting, officer, date=D(2026, 12, 3), starts_at=T(17, 0))
    assert reminders(TODAY) == []  # 3 December is not yet close
    [again] = reminders(D(2026, 12, 1))
    assert "Thursday 3 December 2026" in again
    [email] = [m for m in mail.outbox if m.to == ["mina@example.org"]]
    assert "at 17:00" in email.body
    assert reminders(D(2026, 12, 2)) == []  # and only once


# -- the pages -------------------------------------------------------------------------


def _url(meeting: Meeting, name: str = "meetings:reschedule") -> str:
    return reverse(name, kwargs={"org": "home", "pk": meeting.pk})


def _form(**fields: str) -> dict[str, str]:
    return {
        "date_day": "10",
        "date_month": "12",
        "date_year": "2026",
        "starts_at": "19:00",
        "ends_at": "",
        "place": "Town Hall",
        "online_link": "",
        **fields,
    }


def test_the_meeting_page_links_to_the_change_page_only_while_it_is_to_come(
    factory: Factory, officer_client: Client, auditor_client: Client
) -> None:
    upcoming = factory.meeting(date=D(2026, 12, 3))
    held = factory.meeting(date=D(2026, 11, 12))
    link = f'href="{_url(upcoming)}"'
    assert link in officer_client.get(_url(upcoming, "meetings:detail")).content.decode()
    assert (
        "Change the date, time or place"
        not in officer_client.get(_url(held, "meetings:detail")).content.decode()
    )
    assert link not in auditor_client.get(_url(upcoming, "meetings:detail")).content.decode()


def test_the_change_page_starts_filled_in(factory: Factory, officer_client: Client) -> None:
    meeting = factory.meeting(
        date=D(2026, 12, 3), starts_at=T(18, 30), ends_at=T(20, 15), place="Hope Street"
    )
    body = officer_client.get(_url(meeting)).content.decode()
    assert "<h1" in body and "Change the date, time or place" in body
    for value in ('value="3"', 'value="12"', 'value="2026"', 'value="18:30"', 'value="20:15"'):
        assert value in body
    assert 'value="Hope Street"' in body


def test_an_officer_moves_the_meeting_and_sees_it_on_its_page(
    factory: Factory, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    response = officer_client.post(_url(meeting), _form(ends_at="21:00"), follow=True)
    assert response.redirect_chain == [(_url(meeting, "meetings:detail"), 302)]
    body = response.content.decode()
    assert "Meeting changed: now on 10 December 2026" in body
    assert "Thursday 10 December 2026" in body and "21:00" in body and "Town Hall" in body
    saved = Meeting.objects.get(pk=meeting.pk)
    assert (saved.date, saved.starts_at, saved.ends_at) == (D(2026, 12, 10), T(19, 0), T(21, 0))


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"date_year": "2025"}, "date", "10 December 2025 has passed"),
        ({"date_day": "31", "date_month": "11"}, "date", "must be a real date"),
        ({"starts_at": "half six"}, "starts_at", "Enter a time like 18:30"),
        ({"ends_at": "18:00"}, "ends_at", "The end time must be after the start time, 19:00"),
        ({"place": ""}, "place", "Enter the place of the meeting, an online link, or both"),
        ({"online_link": "meet dot example"}, "online_link", "as a web address"),
    ],
)
def test_bad_input_is_shown_against_its_field_and_nothing_is_saved(
    factory: Factory, officer_client: Client, fields: dict[str, str], field: str, message: str
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    response = officer_client.post(_url(meeting), _form(**fields))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert f'id="id_{field}_error"' in body
    assert "govuk-error-summary" in body
    assert unchanged(meeting)


def test_a_held_meeting_is_refused_on_the_page_and_nothing_is_saved(
    factory: Factory, officer_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    response = officer_client.post(_url(meeting), _form())
    assert response.status_code == 200
    assert "Only a meeting still to come can be moved" in response.content.decode()
    assert unchanged(meeting)


def test_the_page_says_apologies_already_sent_stand(
    factory: Factory, officer_client: Client, officer: User
) -> None:
    ada = factory.panel_member(full_name="Ada")
    meeting = factory.meeting(date=D(2026, 12, 3))
    _apologies(meeting, ada, officer)
    assert "One member has sent apologies" in officer_client.get(_url(meeting)).content.decode()


def test_auditors_get_403_and_change_nothing(factory: Factory, auditor_client: Client) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    assert auditor_client.get(_url(meeting)).status_code == 403
    assert auditor_client.post(_url(meeting), _form()).status_code == 403
    assert unchanged(meeting)


def test_another_organisation_and_members_get_404(
    factory: Factory, outsider_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    assert outsider_client.post(_url(meeting), _form()).status_code == 404
    member = Client()
    member.force_login(factory.member())
    assert member.get(_url(meeting)).status_code == 404
    assert member.post(_url(meeting), _form()).status_code == 404
    assert unchanged(meeting)


def test_anyone_signed_out_is_sent_to_sign_in(factory: Factory) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    response = Client().post(_url(meeting), _form())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign-in"))
    assert unchanged(meeting)


# -- the calendar ----------------------------------------------------------------------


def test_the_ics_download_and_the_feed_show_the_new_time(
    factory: Factory, officer_client: Client, panel: Group, officer: User
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), starts_at=T(18, 30))
    feed = create_feed(group=panel, actor=officer)
    before = unfold(officer_client.get(_url(meeting, "meetings:ics")).content.decode())
    assert "SEQUENCE:0" in before
    move(meeting, officer, date=D(2026, 12, 10), starts_at=T(14, 0), place="Town Hall")
    download = unfold(officer_client.get(_url(meeting, "meetings:ics")).content.decode())
    subscribed = unfold(
        Client().get(reverse("meetings:feed", kwargs={"secret": feed.secret})).content.decode()
    )
    for text in (download, subscribed):
        assert "DTSTART:20261210T140000Z" in text and "DTEND:20261210T160000Z" in text
        assert "LOCATION:Town Hall" in text
        assert "20261203" not in text
        # A calendar that imported the event once sees this one as newer and replaces it.
        assert "SEQUENCE:1" in text
    cancel_meeting(meeting=meeting, reason="The room is closed.", actor=officer, today=TODAY)
    cancelled = unfold(officer_client.get(_url(meeting, "meetings:ics")).content.decode())
    assert "SEQUENCE:2" in cancelled and "STATUS:CANCELLED" in cancelled


# -- the API ---------------------------------------------------------------------------


def _api(client: Client, meeting: Meeting, body: dict[str, Any] | None) -> Any:
    url = f"/api/v1/meetings/home/meetings/{meeting.pk}/reschedule"
    return client.post(url, body, content_type="application/json")


def test_the_api_moves_only_what_is_sent(factory: Factory, officer_client: Client) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), starts_at=T(18, 30), ends_at=T(20, 0))
    response = _api(officer_client, meeting, {"date": "2026-12-10"})
    assert response.status_code == 200
    body = response.json()
    assert (body["date"], body["starts_at"], body["ends_at"]) == (
        "2026-12-10",
        "18:30:00",
        "20:00:00",
    )
    assert body["place"] == "Community Room, Hope Street"
    assert AuditEntry.objects.get(action="meeting.rescheduled").fields == ["date"]
    cleared = _api(officer_client, meeting, {"ends_at": None, "place": "Town Hall"})
    assert (cleared.json()["ends_at"], cleared.json()["place"]) == (None, "Town Hall")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"date": "2026-11-20"}, "date"),
        ({"ends_at": "18:00"}, "ends_at"),
        ({"place": "", "online_link": ""}, "place"),
        ({}, None),
    ],
)
def test_the_api_refuses_with_422_naming_the_field_and_saves_nothing(
    factory: Factory, officer_client: Client, body: dict[str, Any], field: str | None
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3), starts_at=T(18, 30))
    response = _api(officer_client, meeting, body)
    assert response.status_code == 422
    assert response.json()["field"] == field
    assert response.json()["detail"]
    assert unchanged(meeting)


def test_the_api_refuses_a_held_meeting(factory: Factory, officer_client: Client) -> None:
    meeting = factory.meeting(date=D(2026, 11, 12))
    response = _api(officer_client, meeting, {"date": "2026-12-10"})
    assert response.status_code == 422
    assert "still to come" in response.json()["detail"]
    assert unchanged(meeting)


def test_the_api_answers_403_to_auditors_and_404_to_other_organisations(
    factory: Factory, auditor_client: Client, outsider_client: Client
) -> None:
    meeting = factory.meeting(date=D(2026, 12, 3))
    assert _api(auditor_client, meeting, {"date": "2026-12-10"}).status_code == 403
    assert _api(outsider_client, meeting, {"date": "2026-12-10"}).status_code == 404
    assert _api(Client(), meeting, {"date": "2026-12-10"}).status_code == 401
    assert unchanged(meeting)
