"""Reminders: the role holders' daily digest and members' own reminders, each sent once.

BR-5, BR-11, BR-12 (case deadlines), MTG-6 (actions), MEM-2 and MEM-6 (documents to sign).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from panelkeeper.cases.changes.appeals import consider_appeal, lodge_appeal
from panelkeeper.cases.changes.steps import open_investigation, record_determination, record_outcome
from panelkeeper.core.daily import trigger
from panelkeeper.core.models import DailyRun
from panelkeeper.letters import reminders
from panelkeeper.letters.models import Reminder
from panelkeeper.letters.reminders import send_digests, send_member_reminders, send_reminders
from panelkeeper.letters.tasks import send_daily_reminders
from panelkeeper.members.models import Member
from panelkeeper.outbox.models import Message
from tests.delivery import Killed, cut_off_after, deliver
from tests.factory import Factory
from tests.threads import at_once


def nexus_exclusion_appealed(factory: Factory) -> object:
    """A nexus serious breach ending in exclusion, notified by email on 11 November 2026
    and appealed on Monday 16 November (BR-10, BR-12)."""
    member = factory.subject_record
    member.email, member.contact_by = "sam@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    day = dt.date(2026, 11, 11)
    case = factory.breach_case(member, preset="nexus", effective=dt.date(2026, 11, 2), today=day)
    open_investigation(case=case, actor=None, effective=dt.date(2026, 11, 4), today=day)
    record_determination(
        case=case, level="serious", actor=None, effective=dt.date(2026, 11, 10), today=day
    )
    record_outcome(case=case, outcome="exclusion", actor=None, effective=day, today=day)
    factory.letter(case, today=day)
    lodge_appeal(
        case=case, received_on=dt.date(2026, 11, 16), actor=None, today=dt.date(2026, 11, 16)
    )
    deliver()  # the letter's email, sent before the tests clear the mailbox
    return case


def _digest_lines(subject_day: str) -> str:
    [email] = [m for m in deliver() if subject_day in m.subject]
    return email.body


def test_the_digest_lists_what_falls_due_in_the_next_two_working_days_br_12(
    factory: Factory,
) -> None:
    nexus_exclusion_appealed(factory)
    mail.outbox.clear()
    # Wednesday 18 November: the appeal is to be considered by Monday 23rd, three working
    # days away, so not yet in the digest; on Thursday it is two working days away.
    assert send_digests(factory.home, today=dt.date(2026, 11, 18)) == 0
    sent = send_digests(factory.home, today=dt.date(2026, 11, 19))
    assert sent >= 1 and len(deliver()) == sent
    body = mail.outbox[0].body
    assert "Consider the appeal: due Monday 23 November 2026" in body
    assert "Late\n" not in body


def test_a_deadline_that_moves_moves_its_reminder_br_12(factory: Factory) -> None:
    """Reminders are read from the case's deadlines when they are sent: once the appeal is
    considered (recorded late, on the 26th, as having happened on the 20th), the digest
    chases the decision, due seven days after the consideration, not the consideration."""
    case = nexus_exclusion_appealed(factory)
    mail.outbox.clear()
    send_digests(factory.home, today=dt.date(2026, 11, 24))
    first = deliver()[0].body
    assert "Late\n" in first and "Consider the appeal: was due Monday 23 November 2026" in first
    consider_appeal(
        case=case, actor=None, effective=dt.date(2026, 11, 20), today=dt.date(2026, 11, 26)
    )
    mail.outbox.clear()
    send_digests(factory.home, today=dt.date(2026, 11, 26))
    moved = deliver()[0].body
    assert "Consider the appeal" not in moved
    assert "Send the appeal decision in writing: due Friday 27 November 2026" in moved


def test_a_digest_is_sent_once_a_day_however_often_it_runs(factory: Factory) -> None:
    nexus_exclusion_appealed(factory)
    mail.outbox.clear()
    day = dt.date(2026, 11, 20)
    first = send_digests(factory.home, today=day)
    assert first >= 1
    assert send_digests(factory.home, today=day) == 0
    assert len(deliver()) == first
    assert Reminder.objects.filter(about=f"digest:{factory.home.pk}", due_on=day).count() == first


def member_with_three_reminders(factory: Factory) -> Member:
    """A member who chose email, with a meeting on Wednesday 25 November 2026, the code to
    sign and an action due on the 24th: three reminders on Monday 23 November."""
    from panelkeeper.meetings.actions import allocate_action

    member = factory.member_record
    member.email, member.contact_by = "mina@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    factory.code_in_force("vela")
    factory.document_version("code_of_conduct", title="Code of Conduct")
    factory.meeting(date=dt.date(2026, 11, 25), ends_at=dt.time(20, 30))
    allocate_action(
        meeting=factory.meeting(date=dt.date(2026, 11, 12)),
        description="Read the repairs report",
        owner_member=member,
        due_on=dt.date(2026, 11, 24),
        actor=factory.officer(),
    )
    return member


def test_members_are_reminded_of_a_meeting_a_document_to_sign_and_an_action_mtg_6_mem_6(
    factory: Factory,
) -> None:
    from panelkeeper.meetings.models import Action

    member = member_with_three_reminders(factory)
    today = dt.date(2026, 11, 23)
    send_member_reminders(factory.home, today=today)
    mine = [m for m in deliver() if m.to == ["mina@example.org"]]
    subjects = " | ".join(m.subject for m in mine)
    assert "Meeting on Wednesday 25 November 2026" in subjects
    [meeting] = [m for m in mine if m.subject.startswith("Meeting on")]
    assert "at 18:30 to 20:30 (Community Room, Hope Street)" in " ".join(meeting.body.split())
    assert "Please sign the Code of Conduct" in subjects
    assert "An action from a meeting" in subjects
    mail.outbox.clear()
    send_member_reminders(factory.home, today=today + dt.timedelta(days=1))
    assert [m for m in deliver() if m.to == ["mina@example.org"]] == []  # nothing twice
    # The action's due date moves: it is chased again on its new date.
    Action.objects.filter(owner_member=member).update(due_on=dt.date(2026, 11, 26))
    send_member_reminders(factory.home, today=dt.date(2026, 11, 25))
    assert [m.subject for m in deliver() if m.to == ["mina@example.org"]] == [
        "An action from a meeting: " + factory.home.name
    ]


def test_members_who_chose_post_are_not_emailed_reminders(factory: Factory) -> None:
    member = factory.member_record
    member.email, member.contact_by = "mina@example.org", "post"
    member.save(update_fields=["email", "contact_by"])
    factory.meeting(date=dt.date(2026, 11, 24))
    assert send_member_reminders(factory.home, today=dt.date(2026, 11, 23)) == 0


def test_the_daily_trigger_runs_the_reminders_and_catches_up_a_missed_day(
    factory: Factory,
) -> None:
    trigger(dt.date(2026, 11, 20))
    runs = trigger(dt.date(2026, 11, 23))
    days = sorted(r.day for r in runs if r.job == "letters_reminders")
    assert days == [dt.date(2026, 11, 21), dt.date(2026, 11, 22), dt.date(2026, 11, 23)]
    assert DailyRun.objects.filter(job="letters_reminders").count() == 4


@pytest.mark.django_db(transaction=True)
def test_two_workers_on_the_same_day_send_each_reminder_once(factory: Factory) -> None:
    """Two workers run the same day at once: the unique constraint on what was sent lets
    one send each email; the other hits it and sends nothing. It runs on both databases:
    the suite's SQLite database is a file (tests/conftest.py), which waits on a lock
    like the server's does.
    """
    nexus_exclusion_appealed(factory)
    mail.outbox.clear()
    day = dt.date(2026, 11, 20)
    results, errors = at_once(lambda: send_reminders(day))
    assert errors == []
    deliver()
    sent = sum(r["digests"] for r in results)
    assert sent >= 1
    assert len(results) == 2
    assert (
        len(mail.outbox)
        == Reminder.objects.count()
        == sent + sum(r["member_reminders"] for r in results)
    )
    recipients = [m.to[0] for m in mail.outbox]
    assert len(recipients) == len(set(recipients))


def test_a_meeting_moved_to_another_hour_is_reminded_again(factory: Factory) -> None:
    from panelkeeper.meetings.models import Meeting

    member = factory.member_record
    member.email, member.contact_by = "mina@example.org", "email"
    member.save(update_fields=["email", "contact_by"])
    meeting = factory.meeting(date=dt.date(2026, 11, 25))
    today = dt.date(2026, 11, 23)

    def meeting_mail() -> list[str]:
        return [
            " ".join(m.body.split())
            for m in deliver()
            if m.to == ["mina@example.org"] and m.subject.startswith("Meeting on")
        ]

    send_member_reminders(factory.home, today=today)
    assert len(meeting_mail()) == 1
    send_member_reminders(factory.home, today=today)
    assert len(meeting_mail()) == 1  # the same meeting at the same time: once only
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=dt.time(19, 0))
    send_member_reminders(factory.home, today=today)
    [_, moved] = meeting_mail()
    assert "at 19:00" in moved


def test_the_daily_reminders_cut_off_part_way_resume_and_remind_nobody_twice(
    factory: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The job works an organisation's digests, then its members a batch at a time;
    killed in its third batch of members, run again it reminds only the members left,
    and the day counts as done only then."""
    for n in range(4):
        factory.panel_member(email=f"m{n}@example.org", contact_by="email")
    factory.meeting(date=dt.date(2026, 11, 25))
    monkeypatch.setattr(reminders, "BATCH_SIZE", 1)
    cut_off_after(2, monkeypatch, reminders)
    day = dt.date(2026, 11, 23)
    trigger(day)
    with pytest.raises(Killed):
        send_daily_reminders.call(day.isoformat())
    run = DailyRun.objects.get(job="letters_reminders", day=day)
    assert (run.finished, run.outcome) == (None, {"digests": 0, "member_reminders": 2})
    monkeypatch.undo()
    monkeypatch.setattr(reminders, "BATCH_SIZE", 1)
    assert send_daily_reminders.call(day.isoformat()) is True
    run.refresh_from_db()
    assert run.finished is not None
    assert run.outcome == {"digests": 0, "member_reminders": 4}
    assert sorted(m.to[0] for m in deliver()) == [f"m{n}@example.org" for n in range(4)]
    assert Message.objects.count() == 4
