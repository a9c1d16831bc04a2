"""The daily reminder of subject access requests due soon: to the data protection lead,
or to every officer while there is none; never twice on one day; nothing when nothing is
due soon."""

from __future__ import annotations

import datetime as dt

from panelkeeper.accounts.models import User
from panelkeeper.core.models import DailyRun
from panelkeeper.subject_access.lead import choose_lead
from panelkeeper.subject_access.models import Requester, SubjectAccessRequest
from panelkeeper.subject_access.requests import log_request
from panelkeeper.subject_access.tasks import remind, send_request_reminders
from tests.delivery import deliver
from tests.factory import Factory

D = dt.date


def _received(factory: Factory, on: dt.date, name: str) -> SubjectAccessRequest:
    return log_request(
        organisation=factory.home,
        requester=Requester.STAFF,
        name=name,
        received_on=on,
        actor=None,
        today=on,
    )


def test_the_officers_are_reminded_of_requests_due_within_five_working_days(
    factory: Factory, officer: User
) -> None:
    second = factory.officer(email="second@example.org")
    first = _received(factory, D(2027, 1, 31), "Sam Staff")  # due Monday 1 March 2027
    _received(factory, D(2027, 2, 20), "Later Person")  # due 22 March: not yet
    assert remind(factory.home, today=D(2027, 2, 21)) == 0  # six working days before
    assert remind(factory.home, today=D(2027, 2, 22)) == 2
    sent = deliver()
    assert sorted(m.to[0] for m in sent) == sorted([officer.email, second.email])
    assert f"{first.reference} from Sam Staff: due 1 March 2027" in sent[0].body
    assert "Later Person" not in sent[0].body
    assert remind(factory.home, today=D(2027, 2, 22)) == 0  # once a day


def test_the_lead_alone_is_reminded_once_named_and_an_overdue_request_says_so(
    factory: Factory, officer: User
) -> None:
    factory.officer(email="second@example.org")
    choose_lead(organisation=factory.home, user=officer, actor=officer, today=D(2027, 2, 1))
    _received(factory, D(2027, 1, 31), "Sam Staff")
    assert remind(factory.home, today=D(2027, 3, 2)) == 1
    (sent,) = deliver()
    assert sent.to == [officer.email]
    assert "overdue since 1 March 2027" in sent.body


def test_the_daily_job_runs_once_for_its_day(factory: Factory, officer: User) -> None:
    _received(factory, D(2027, 1, 31), "Sam Staff")
    DailyRun.objects.create(job="subject_access_reminders", day=D(2027, 2, 26))
    assert send_request_reminders.call("2027-02-26") is True
    assert send_request_reminders.call("2027-02-26") is False
    assert DailyRun.objects.get(job="subject_access_reminders").outcome == {"emails": 1}
